// `orgc validate`: lint the org (the library's `lint`) and report every finding in the chosen format; exit 1 when a
// finding is at or above the failing severity or there are more warnings than allowed.
import path from 'node:path';
import { lint } from '../../api/lint.js';
import { formatDiagnostics, type ReportFormat } from '../../api/report.js';
import { say } from '../../i18n/cli.js';
import { chooseLanguage } from '../../i18n/lang.js';
import { summarize, type Diagnostic } from '../../report/diagnostic.js';
import { printTimings } from '../../timing.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js';
import { useColor, type Io } from '../output.js';
import { writeFileAtomic } from '../write-files.js';
import { withSmallYoungGeneration } from '../young-generation.js';

export interface ValidateOptions {
  format: string;
  lang?: string;
  config?: string;
  output?: string;
  maxWarnings?: string;
  failOn: string;
  /** A scenario's design on a date (`--at`). */
  at?: string;
}

export async function validateCommand(paths: string[], opts: ValidateOptions, io: Io): Promise<number> {
  const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(say('max-warnings', chooseLanguage({ flag: opts.lang, env: io.env }), { value: String(opts.maxWarnings) }));
  }
  const result = await withSmallYoungGeneration(() =>
    lint({ files: paths, cwd: io.cwd, stdin: io.readStdin, config: opts.config, lang: opts.lang, env: io.env, at: opts.at }),
  );
  const diagnostics = result.diagnostics;
  const output = formatDiagnostics(result, opts.format as ReportFormat, {
    color: opts.output ? false : useColor(io, io.stdoutIsTTY),
  });
  if (opts.output) await writeFileAtomic(path.resolve(io.cwd, opts.output), output);
  else io.stdout(output);
  printTimings(io.stderr);
  return failed(diagnostics, opts.failOn, maxWarnings) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function failed(diagnostics: readonly Diagnostic[], failOn: string, maxWarnings: number | undefined): boolean {
  const s = summarize(diagnostics);
  if (s.error > 0) return true;
  if (failOn === 'warn' && s.warning > 0) return true;
  return maxWarnings !== undefined && s.warning > maxWarnings;
}
