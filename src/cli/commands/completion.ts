// `orgc completion bash|zsh|fish`: a completion script for the shell, generated from the program's
// own definition (its commands, their options, the options' choices, the arguments) so that a new
// command or option is completed the day it is declared. What commander cannot say — that
// `explain` takes a rule id, that a `<file>` is a file name — comes from the names the program
// gives its arguments and option values.
import { Help, type Argument, type Command, type Option } from 'commander';
import { ALL_CHECKS } from '../../report/catalogue.js';
import { VERSION } from '../../version.js';
import type { Io } from '../output.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value can be: one of some words, a file name, a directory name, or anything (not completed). */
export type Values = { kind: 'words'; words: string[] } | { kind: 'files' } | { kind: 'dirs' } | { kind: 'any' };

export interface OptionSpec {
  short?: string;
  long?: string;
  description: string;
  /** Absent for a switch. */
  value?: Values;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** The positional arguments in order; the last may repeat. */
  args: { name: string; values: Values }[];
  variadic: boolean;
}

export interface ProgramSpec {
  name: string;
  options: OptionSpec[];
  commands: CommandSpec[];
}

export function completionCommand(shell: Shell, program: Command, io: Io): number {
  const spec = programSpec(program);
  io.stdout(shell === 'bash' ? bashScript(spec) : shell === 'zsh' ? zshScript(spec) : fishScript(spec));
  return 0;
}

/** The program as the completion scripts need it, read from commander's definition. */
export function programSpec(program: Command): ProgramSpec {
  const help = new Help();
  const commands = help.visibleCommands(program).map((cmd): CommandSpec => {
    const args = cmd.registeredArguments.map((a) => ({ name: a.name(), values: argumentValues(a, program) }));
    return {
      name: cmd.name(),
      description: short(cmd.description()),
      options: help.visibleOptions(cmd).map(optionSpec),
      args,
      variadic: cmd.registeredArguments.at(-1)?.variadic ?? false,
    };
  });
  return { name: program.name(), options: help.visibleOptions(program).map(optionSpec), commands };
}

function optionSpec(o: Option): OptionSpec {
  const spec: OptionSpec = { description: short(o.description) };
  if (o.short) spec.short = o.short;
  if (o.long) spec.long = o.long;
  if (o.required || o.optional) {
    const name = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? '';
    spec.value = o.argChoices ? { kind: 'words', words: [...o.argChoices] } : byName(name);
  }
  return spec;
}

function argumentValues(a: Argument, program: Command): Values {
  if (a.argChoices) return { kind: 'words', words: [...a.argChoices] };
  if (a.name() === 'rule-id') return { kind: 'words', words: [...ALL_CHECKS.keys()].sort() };
  // `orgc help <command>`.
  if (a.name() === 'command') return { kind: 'words', words: new Help().visibleCommands(program).map((c) => c.name()) };
  return byName(a.name());
}

/** A value named `<file>`, `<dir>`, `[paths...]`, `<people.csv>`, `<base>` … is a file or directory name. */
function byName(name: string): Values {
  if (/^dir/.test(name)) return { kind: 'dirs' };
  if (/file|path|\.csv$|^base$|^head$/.test(name)) return { kind: 'files' };
  return { kind: 'any' };
}

/**
 * A description short enough for a completion menu: without its asides in brackets, up to its
 * first colon or semicolon.
 */
export function short(description: string): string {
  const first = description.replace(/\s*\([^()]*\)/g, '').split(/: |; /)[0].replace(/\s+/g, ' ').trim();
  if (first.length <= 60) return first;
  const cut = first.slice(0, 59);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

const flags = (o: OptionSpec) => [o.short, o.long].filter((f): f is string => Boolean(f));
const header = (shell: Shell, lines: string[]) =>
  [`# ${shell} completion for orgc ${VERSION}, written by \`orgc completion ${shell}\` from orgc's own command definitions.`, ...lines.map((l) => `# ${l}`), ''].join('\n');

// ---- bash ----------------------------------------------------------------------------------

const bashWord = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

function bashValues(values: Values): string {
  switch (values.kind) {
    case 'words':
      return `_orgc_words ${values.words.map(bashWord).join(' ')}`;
    case 'files':
      return '_orgc_files';
    case 'dirs':
      return '_orgc_dirs';
    case 'any':
      return ':';
  }
}

export function bashScript(spec: ProgramSpec): string {
  const out = [
    header('bash', [
      'In this shell: source <(orgc completion bash). To keep it, add that line to ~/.bashrc, or save the',
      'output as ~/.local/share/bash-completion/completions/orgc (loaded when orgc is first completed).',
    ]),
    '# The candidates among the arguments that start with the word being completed.',
    '_orgc_words() {',
    '  local w',
    '  for w in "$@"; do [[ $w == "$cur"* ]] && COMPREPLY+=("$w"); done',
    '}',
    '_orgc_files() {',
    '  compopt -o filenames 2>/dev/null',
    '  local IFS=$\'\\n\'',
    '  COMPREPLY+=($(compgen -f -- "$cur"))',
    '}',
    '_orgc_dirs() {',
    '  compopt -o filenames 2>/dev/null',
    '  local IFS=$\'\\n\'',
    '  COMPREPLY+=($(compgen -d -- "$cur"))',
    '}',
    '',
    '_orgc() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  # `--format=json`: bash splits the word at the `=`.',
    '  if [[ $cur == = ]]; then cur=""; fi',
    '  if [[ $prev == = ]]; then prev="${COMP_WORDS[COMP_CWORD-2]}"; fi',
    '  COMPREPLY=()',
    '  # The command is the first word that is not an option (orgc\'s own options take no value).',
    '  local i cmd="" at=0',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in',
    '      -*) ;;',
    '      *) cmd="${COMP_WORDS[i]}"; at=$i; break ;;',
    '    esac',
    '  done',
    '  case "$cmd" in',
    `    '') _orgc_words ${[...spec.commands.map((c) => c.name), ...spec.options.flatMap(flags)].map(bashWord).join(' ')} ;;`,
  ];
  for (const cmd of spec.commands) {
    const valued = cmd.options.filter((o) => o.value);
    out.push(`    ${bashWord(cmd.name)})`);
    if (valued.length) {
      out.push('      case "$prev" in');
      for (const o of valued) out.push(`        ${flags(o).join('|')}) ${bashValues(o.value!)}; return ;;`);
      out.push('      esac');
    }
    out.push(`      if [[ $cur == -* ]]; then _orgc_words ${cmd.options.flatMap(flags).map(bashWord).join(' ')}; return; fi`);
    if (cmd.args.length) {
      // Which argument this is: the words after the command that are neither options nor their values.
      out.push('      local n=0 skip=0');
      out.push('      for ((i = at + 1; i < COMP_CWORD; i++)); do');
      out.push('        if ((skip)); then [[ ${COMP_WORDS[i]} == = ]] || skip=0; continue; fi');
      out.push('        case "${COMP_WORDS[i]}" in');
      if (valued.length) out.push(`          ${valued.flatMap(flags).join('|')}) skip=1 ;;`);
      out.push('          -*) ;;');
      out.push('          *) n=$((n + 1)) ;;');
      out.push('        esac');
      out.push('      done');
      out.push('      case $n in');
      cmd.args.forEach((a, i) => {
        const last = i === cmd.args.length - 1;
        out.push(`        ${last && cmd.variadic ? '*' : i}) ${bashValues(a.values)} ;;`);
      });
      out.push('      esac');
    }
    out.push('      ;;');
  }
  out.push('  esac', '}', '', 'complete -F _orgc orgc', '');
  return out.join('\n');
}

// ---- zsh -----------------------------------------------------------------------------------

const zshQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const zshExplain = (s: string) => s.replace(/([\\[\]:])/g, '\\$1');

function zshAction(values: Values | undefined): string {
  if (!values) return '';
  switch (values.kind) {
    case 'words':
      return `(${values.words.map((w) => w.replace(/([\\ ()'"])/g, '\\$1')).join(' ')})`;
    case 'files':
      return '_files';
    case 'dirs':
      return '_files -/';
    case 'any':
      return ' ';
  }
}

function zshOptions(options: OptionSpec[]): string[] {
  return options.flatMap((o) => {
    const all = flags(o);
    const exclusive = all.length > 1 ? `(${all.join(' ')})` : '';
    const value = o.value ? `:${zshExplain(o.long?.replace(/^--/, '') ?? 'value')}:${zshAction(o.value)}` : '';
    return all.map((f) => zshQuote(`${exclusive}${f}${o.value && f.startsWith('--') ? '=' : ''}[${zshExplain(o.description)}]${value}`));
  });
}

export function zshScript(spec: ProgramSpec): string {
  const out = [
    '#compdef orgc',
    header('zsh', [
      'In this shell (after compinit): source <(orgc completion zsh); add that line to ~/.zshrc to keep it.',
      'Or save the output as _orgc in a directory on $fpath, before compinit runs.',
    ]),
    '_orgc() {',
    '  local curcontext="$curcontext" state line ret=1',
    '  typeset -A opt_args',
    '  _arguments -C \\',
    ...zshOptions(spec.options).map((o) => `    ${o} \\`),
    "    '1: :->command' \\",
    "    '*:: :->argument' && ret=0",
    '  case $state in',
    '    command)',
    '      local -a commands',
    `      commands=(${spec.commands.map((c) => zshQuote(`${c.name.replace(/:/g, '\\:')}:${c.description}`)).join(' ')})`,
    "      _describe -t commands 'orgc command' commands && ret=0",
    '      ;;',
    '    argument)',
    '      curcontext="${curcontext%:*:*}:orgc-$words[1]:"',
    '      case $words[1] in',
  ];
  for (const cmd of spec.commands) {
    const args = cmd.args.map((a, i) => {
      const rest = i === cmd.args.length - 1 && cmd.variadic;
      return zshQuote(`${rest ? '*' : `${i + 1}`}:${zshExplain(a.name)}:${zshAction(a.values)}`);
    });
    out.push(`        ${zshQuote(cmd.name)})`);
    out.push(`          _arguments -s -S ${[...zshOptions(cmd.options), ...args].join(' ')} && ret=0`);
    out.push('          ;;');
  }
  out.push(
    '      esac',
    '      ;;',
    '  esac',
    '  return ret',
    '}',
    '',
    '# Loaded from $fpath, the file is the function body; sourced, it registers the function.',
    'if [ "$funcstack[1]" = "_orgc" ]; then',
    '  _orgc "$@"',
    'else',
    '  compdef _orgc orgc',
    'fi',
    '',
  );
  return out.join('\n');
}

// ---- fish ----------------------------------------------------------------------------------

const fishQuote = (s: string) => `'${s.replace(/([\\'])/g, '\\$1')}'`;

function fishValues(values: Values): string {
  switch (values.kind) {
    case 'words':
      return `-x -a ${fishQuote(values.words.join(' '))}`;
    case 'files':
      return '-r -F';
    case 'dirs':
      return `-x -a ${fishQuote('(__fish_complete_directories (commandline -ct))')}`;
    case 'any':
      return '-x';
  }
}

function fishOption(condition: string, o: OptionSpec): string {
  const parts = ['complete -c orgc', `-n ${fishQuote(condition)}`];
  if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
  if (o.long) parts.push(`-l ${o.long.replace(/^--/, '')}`);
  if (o.value) parts.push(fishValues(o.value));
  parts.push(`-d ${fishQuote(o.description)}`);
  return parts.join(' ');
}

export function fishScript(spec: ProgramSpec): string {
  const top = '__fish_use_subcommand';
  const out = [
    header('fish', [
      'In this shell: orgc completion fish | source. To keep it, save the output as',
      '~/.config/fish/completions/orgc.fish.',
    ]),
    'complete -c orgc -e',
    '# No file names unless an argument or option takes one.',
    'complete -c orgc -f',
    ...spec.options.map((o) => fishOption(top, o)),
    ...spec.commands.map((c) => `complete -c orgc -n ${top} -a ${fishQuote(c.name)} -d ${fishQuote(c.description)}`),
  ];
  for (const cmd of spec.commands) {
    const on = `__fish_seen_subcommand_from ${cmd.name}`;
    out.push(...cmd.options.map((o) => fishOption(on, o)));
    // fish cannot tell the first argument from the second: a command whose arguments are all
    // words offers them, one that takes files offers files.
    const kinds = cmd.args.map((a) => a.values);
    const words = kinds.filter((v): v is Extract<Values, { kind: 'words' }> => v.kind === 'words').flatMap((v) => v.words);
    if (words.length) out.push(`complete -c orgc -n ${fishQuote(on)} -a ${fishQuote(words.join(' '))}`);
    if (kinds.some((v) => v.kind === 'files')) out.push(`complete -c orgc -n ${fishQuote(on)} -F`);
    else if (kinds.some((v) => v.kind === 'dirs')) out.push(`complete -c orgc -n ${fishQuote(on)} -a ${fishQuote('(__fish_complete_directories (commandline -ct))')}`);
  }
  out.push('');
  return out.join('\n');
}
