// What `--help` shows beyond commander's own: examples for every command, run on the bundled
// examples so that a reader can paste them in a clone of orgc (test/docs-commands.test.ts runs
// each one), and text wrapped to the terminal's width.
import { Help } from 'commander';
import { eastAsianWidth } from 'get-east-asian-width';
import type { Io } from './output.js';

/**
 * The width help and listings wrap to: COLUMNS when set (as `ls` and Python do: a user's or a
 * script's explicit choice), else the terminal's width, else 80 — a pipe or a file has no width.
 */
export function terminalWidth(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): number {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  const tty = stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
  const columns = tty ? (stream === 'stdout' ? process.stdout.columns : process.stderr.columns) : undefined;
  return columns && columns > 0 ? columns : 80;
}

/** Columns a string takes in a terminal: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += eastAsianWidth(ch.codePointAt(0)!);
  return width;
}

/**
 * Word-wraps text to `width` columns: breaks at spaces, and between CJK characters (Chinese is
 * written without spaces). A word longer than the line stays whole rather than being cut.
 */
export function wrap(text: string, width: number): string[] {
  // Pieces that may not be split: a run of non-CJK characters, or one CJK character with the
  // punctuation that must not start a line glued to it.
  const pieces = text.match(/[\s]+|[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+[，。；：、）》」』！？,.;:)]*|[\p{Script=Han}\u3000-\u303f\uff00-\uffef][，。；：、）》」』！？]*/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (/^\s+$/.test(piece)) {
      if (line) line += ' ';
      continue;
    }
    if (line && displayWidth(line + piece) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += piece;
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** A line of a two-column listing: the term, then the text wrapped and indented under itself. */
export function hangingLines(term: string, text: string, width: number): string[] {
  const indent = displayWidth(term);
  // Below about 20 columns for the text, a hanging indent is a column of single words, and a word
  // wider than the column would stick out: wrap the text under the term instead.
  const longest = Math.max(0, ...text.split(/\s+/).map(displayWidth));
  if (width - indent < Math.max(20, longest)) return [term.trimEnd(), ...wrap(text, Math.max(width - 4, 20)).map((l) => `    ${l}`)];
  const [first, ...rest] = wrap(text, width - indent);
  return [`${term}${first}`, ...rest.map((l) => `${' '.repeat(indent)}${l}`)];
}

export interface HelpExample {
  /** The command as typed, from a clone of orgc (the bundled examples are under examples/). */
  command: string;
  /** What it does, in a few words. */
  note: string;
  /** The exit code when it is not 0, said in the note. */
  exit?: number;
  /** The shell it is written for, when not bash (or any POSIX shell). */
  shell?: 'zsh' | 'fish';
}

/**
 * Examples by command ('' for `orgc` itself). Each command's examples run in order in one
 * directory (a test does so), so a later one may use what an earlier one wrote.
 */
export const HELP_EXAMPLES: Record<string, HelpExample[]> = {
  '': [
    { command: 'orgc validate examples/quickstart/org.yaml', note: 'check an org' },
    { command: 'orgc render examples/quickstart/org.yaml --out handbook', note: 'render its handbook' },
    { command: 'orgc explain span-of-control', note: 'what a rule checks, and why' },
    { command: 'orgc help validate', note: "a command's options and examples" },
  ],
  validate: [
    { command: 'orgc validate examples/quickstart/org.yaml', note: 'one file' },
    { command: 'orgc validate examples/sales-org', note: 'a directory: every *.yaml below it, as one org' },
    { command: 'orgc validate examples/broken/org.yaml', note: 'an org with a mistake: the finding, and exit code 1', exit: 1 },
    { command: 'orgc validate - < examples/quickstart/org.yaml', note: 'the org on stdin' },
    { command: 'orgc validate examples/sales-org --lang en', note: 'messages in English' },
    { command: 'orgc validate examples/scenarios/ka-split.yaml', note: 'a scenario: its base org with its changes applied' },
    { command: 'orgc validate examples/sales-org --format sarif -o orgc.sarif', note: 'a report for GitHub code scanning' },
  ],
  render: [
    { command: 'orgc render examples/quickstart/org.yaml --out handbook', note: 'the handbook in Markdown, in handbook/' },
    { command: 'orgc render examples/quickstart/org.yaml --out handbook --check', note: 'exit 1 when handbook/ is out of date' },
    { command: 'orgc render examples/sales-org --format html --lang en --out site', note: 'a static site, in English' },
    { command: 'orgc render examples/sales-org --format svg --engine graphviz --out charts', note: 'org chart and process map, no browser' },
    { command: 'orgc render examples/sales-org --format xlsx --out sheets', note: 'org.xlsx: RACI, roles, duties' },
  ],
  diff: [
    { command: 'orgc diff HEAD:examples/sales-org examples/sales-org', note: 'uncommitted changes to the example, in git' },
    { command: 'orgc diff examples/quickstart/org.yaml examples/growth/org.yaml --format md', note: 'two orgs, as a pull-request comment' },
    { command: 'orgc diff HEAD:examples/sales-org examples/sales-org --fail-on new-errors', note: 'CI: exit 1 when the change brings new errors' },
  ],
  compare: [
    { command: 'orgc compare examples/sales-org examples/scenarios/ka-split.yaml', note: 'the base beside a scenario, with what it changes' },
    { command: 'orgc compare examples/sales-org examples/scenarios/ka-split.yaml examples/scenarios/ai-assist.yaml --format md', note: 'several scenarios, as a pull-request comment' },
    { command: 'orgc compare examples/sales-org examples/scenarios/ka-split.yaml --format xlsx -o compare.xlsx', note: 'a sheet for the comparison and one per scenario' },
  ],
  signals: [
    { command: 'orgc signals examples/metrics/2027-q1.yaml examples/sales-org examples/scenarios', note: 'which signals fire this quarter, and the scenarios that answer them' },
    { command: 'orgc signals examples/metrics/2027-q1.csv examples/sales-org examples/scenarios --format md', note: 'the values from a CSV, as a comment' },
  ],
  init: [
    { command: 'orgc init my-org', note: 'a small team, in English, in my-org/' },
    { command: 'orgc init growth-org --preset growth --lang zh-CN', note: 'cut by process, in Chinese' },
    { command: 'orgc init enterprise-org --preset enterprise', note: 'regions × products, several files' },
  ],
  import: [
    { command: 'orgc import examples/import/people.csv --out draft.yaml', note: 'a draft org from an HR export' },
    { command: 'orgc import examples/import/people.csv --lang zh-CN --out -', note: 'the draft in Chinese, on stdout' },
    { command: 'orgc import examples/import/people.csv --out draft.yaml --keep-titles --force', note: 'again, keeping apart titles that differ in abbreviations' },
  ],
  rules: [
    { command: 'orgc rules', note: 'every rule, its severity, what it finds' },
    { command: 'orgc rules --lang zh-CN', note: 'in Chinese' },
    { command: 'orgc rules --format json', note: 'for tools' },
  ],
  explain: [
    { command: 'orgc explain span-of-control', note: 'a rule: what, why, examples, options' },
    { command: 'orgc explain unknown-key', note: 'a core check' },
  ],
  schema: [
    { command: 'orgc schema > orgc.schema.json', note: 'the org language, for editors' },
    { command: 'orgc schema --config > orgc.config.schema.json', note: "orgc.config.yaml's schema" },
  ],
  lsp: [
    { command: 'orgc lsp --stdio', note: 'what an editor starts; it serves until the editor closes it (docs/editors.md)' },
    { command: 'orgc lsp', note: 'the same: stdin and stdout are its one transport; editors pass --stdio' },
  ],
  completion: [
    { command: 'source <(orgc completion bash)', note: 'bash: completion in this shell; add the line to ~/.bashrc' },
    { command: 'source <(orgc completion zsh)', note: 'zsh: the same; in ~/.zshrc, after compinit', shell: 'zsh' },
    { command: 'orgc completion fish | source', note: 'fish: the same; in ~/.config/fish/config.fish', shell: 'fish' },
  ],
};

/**
 * The examples section of a command's help, wrapped to `width`: a command and its note on one line
 * when they fit, else the note as a comment line above the command. Commands are never broken:
 * they are there to be copied.
 */
export function examplesHelp(command: string, width: number): string {
  const examples = HELP_EXAMPLES[command] ?? [];
  if (examples.length === 0) return '';
  const column = Math.max(...examples.map((e) => displayWidth(e.command))) + 4;
  const columns = examples.map((e) => `  ${e.command}${' '.repeat(column - displayWidth(e.command))}# ${e.note}`);
  const lines = ['', 'Examples:'];
  if (columns.every((l) => displayWidth(l) <= width)) lines.push(...columns);
  else for (const e of examples) lines.push(...wrap(e.note, Math.max(width - 4, 20)).map((l) => `  # ${l}`), `  ${e.command}`);
  return `${lines.join('\n')}\n`;
}

/**
 * commander's help, made to fit narrow terminals too: commander leaves a description unwrapped
 * when less than 40 columns remain beside the option or command it describes; below 30 columns
 * the description goes under it instead, wrapped.
 */
export const HELP_CONFIGURATION: Partial<Help> = {
  minWidthToWrap: 20,
  formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
    const width = helper.helpWidth ?? 80;
    if (!description || width - termWidth - 4 >= 30) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
    return `  ${term}\n${helper.boxWrap(description, width - 6).replace(/^/gm, '      ')}`;
  },
};
