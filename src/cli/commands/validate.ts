// `orgc validate`: analyse the org and report every finding; exit 1 when any is an error.
import { ALL_CHECKS } from '../../check/catalogue.js';
import type { Formatter } from '../../report/formatter.js';
import { json } from '../../report/formatters/json.js';
import { stylish } from '../../report/formatters/stylish.js';
import { toDiagnostics } from '../../report/locate.js';
import { VERSION } from '../../version.js';
import { analyze } from '../analyze.js';
import { EXIT_CLEAN, EXIT_FINDINGS } from '../errors.js';
import { useColor, type Io } from '../output.js';

const FORMATTERS: Record<string, Formatter> = { stylish, json };

export interface ValidateOptions {
  format: string;
  lang?: string;
}

export async function validateCommand(paths: string[], opts: ValidateOptions, io: Io): Promise<number> {
  const analysis = await analyze(paths, io, opts.lang);
  const diagnostics = toDiagnostics(analysis.findings, analysis.files, ALL_CHECKS, { lang: analysis.lang });
  const byPath = new Map(analysis.files.map((f) => [f.path, f]));
  const output = FORMATTERS[opts.format](diagnostics, {
    lineText: (file, line) => byPath.get(file)?.lines.lineText(line),
    color: useColor(io, io.stdoutIsTTY),
    toolVersion: VERSION,
    files: analysis.files.map((f) => f.path),
    lang: analysis.lang,
  });
  io.stdout(output);
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_CLEAN;
}
