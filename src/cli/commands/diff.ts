// `orgc diff <base> <head>`: what a change does to the org design — for a pull-request comment
// (`--format md`), a terminal, or tools (`json`). Each side is a file, a directory, or a git
// revision of one (`main:org/`). `--fail-on new-errors` makes it a CI gate. The comparing is the
// library's `diff`; here, the sides as arguments, the report's format and the exit code.
import path from 'node:path';
import { diff } from '../../api/diff.js';
import type { OrgInput } from '../../api/input.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../../diff/format.js';
import { say } from '../../i18n/cli.js';
import { chooseLanguage } from '../../i18n/lang.js';
import { isRevisionSpec } from '../../load/git.js';
import { Chalk } from 'chalk';
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
  // Each side a git revision (`main:org/`) or files; one configuration for both, the head's.
  const side = (spec: string): OrgInput => (isRevisionSpec(spec, io.cwd) ? { revision: spec, cwd: io.cwd } : { files: [spec], cwd: io.cwd, stdin: io.readStdin });
  const { report, lang } = await diff({ base: side(base), head: side(head), config: opts.config, lang: opts.lang, env: io.env });
  const chalk = new Chalk({ level: !opts.output && opts.format === 'text' && useColor(io, io.stdoutIsTTY) ? 1 : 0 });
  const paint = { add: chalk.green, remove: chalk.red, change: chalk.yellow, dim: chalk.dim };
  const output = formatDiff(report, opts.format, lang, (kind, s) => paint[kind](s));
  if (opts.output) await writeFileAtomic(path.resolve(io.cwd, opts.output), output);
  else io.stdout(output);
  const introduced = report.findings.introduced;
  const failed = opts.failOn === 'new-errors' ? introduced.some((f) => f.severity === 'error') : opts.failOn === 'new-warnings' ? introduced.some((f) => f.severity !== 'info') : false;
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}
