// `orgc diff <base> <head>`: what a change does to the org design — for a pull-request comment
// (`--format md`), a terminal, or tools (`json`). Each side is a file, a directory, or a git
// revision of one (`main:org/`). `--fail-on new-errors` makes it a CI gate.
import path from 'node:path';
import { defaultConfig, findConfig, loadConfig } from '../../config/load.js';
import { compareModels } from '../../diff/compare.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../../diff/format.js';
import { compareFindings, side, type DiffReport } from '../../diff/report.js';
import { say } from '../../i18n/cli.js';
import { chooseLanguage } from '../../i18n/lang.js';
import { gitSources, isRevisionSpec } from '../../load/git.js';
import { InputError, resolveSources, type SourceFile } from '../../load/sources.js';
import { Chalk } from 'chalk';
import { analyzeSources, diagnose } from '../analyze.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors.js';
import { useColor, type Io } from '../output.js';
import { writeFileAtomic } from '../write-files.js';

export const FAIL_ON = ['new-errors', 'new-warnings', 'never'] as const;

export interface DiffOptions {
  format: DiffFormat;
  lang?: string;
  config?: string;
  output?: string;
  failOn: (typeof FAIL_ON)[number];
}

export async function diffCommand(base: string, head: string, opts: DiffOptions, io: Io): Promise<number> {
  if (!DIFF_FORMATS.includes(opts.format)) {
    throw new UsageError(say('option-choices', chooseLanguage({ flag: opts.lang, env: io.env }), { option: '--format', choices: DIFF_FORMATS.join(', '), value: opts.format }));
  }
  // One configuration for both sides: the head's, as the rules the change will live under.
  const headPath = isRevisionSpec(head, io.cwd) ? undefined : head;
  const configFile = await findConfig(opts.config, headPath ? [headPath] : [], io.cwd);
  const config = configFile ? await loadConfig(configFile, io.cwd) : defaultConfig();
  const analyse = async (spec: string) => {
    const analysis = await analyzeSources(await sources(spec, io), config, { flag: opts.lang, env: io.env });
    return { analysis, diagnostics: diagnose(analysis) };
  };
  const [b, h] = [await analyse(base), await analyse(head)];
  const lang = chooseLanguage({ flag: opts.lang, config: config.lang, env: io.env, org: h.analysis.model?.org.language ?? b.analysis.model?.org.language });
  const report: DiffReport = {
    base: side(base, b.analysis.files.map((f) => f.path), !!b.analysis.model, b.diagnostics),
    head: side(head, h.analysis.files.map((f) => f.path), !!h.analysis.model, h.diagnostics),
    changes: b.analysis.model && h.analysis.model ? compareModels(b.analysis.model, h.analysis.model, lang) : [],
    findings: compareFindings(b.diagnostics, h.diagnostics),
  };
  const chalk = new Chalk({ level: !opts.output && opts.format === 'text' && useColor(io, io.stdoutIsTTY) ? 1 : 0 });
  const paint = { add: chalk.green, remove: chalk.red, change: chalk.yellow, dim: chalk.dim };
  const output = formatDiff(report, opts.format, lang, (kind, s) => paint[kind](s));
  if (opts.output) await writeFileAtomic(path.resolve(io.cwd, opts.output), output);
  else io.stdout(output);
  const introduced = report.findings.introduced;
  const failed = opts.failOn === 'new-errors' ? introduced.some((f) => f.severity === 'error') : opts.failOn === 'new-warnings' ? introduced.some((f) => f.severity !== 'info') : false;
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

async function sources(spec: string, io: Io): Promise<SourceFile[]> {
  try {
    if (isRevisionSpec(spec, io.cwd)) return gitSources(spec, io.cwd);
    return await resolveSources([spec], { cwd: io.cwd, readStdin: io.readStdin });
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  }
}
