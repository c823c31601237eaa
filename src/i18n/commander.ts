// commander's own errors (unknown option, missing argument, unknown command, a value not among the
// choices, too many arguments) in the reader's language. commander words them in English only, so
// the program silences its output (configureOutput's outputError) and says them again from the
// catalogue, read back by the error's code; the parts (option, value, choices) are taken from
// commander's English text, whose shape is fixed for each code in the commander version we pin.
import { say } from './cli.js';

interface CommanderLike {
  code: string;
  message: string;
}

/** The error's line in `lang`, without commander's "error: " prefix; `program` names the command for too many arguments. */
export function commanderErrorLine(error: CommanderLike, lang: string, program = 'orgc'): string {
  const text = error.message.replace(/^error: /, '');
  const [first, hint = ''] = text.split('\n');
  const suggestion = /\(Did you mean (?:one of )?(.*)\?\)/.exec(hint)?.[1];
  let m: RegExpExecArray | null;
  switch (error.code) {
    case 'commander.unknownOption':
      if ((m = /^unknown option '(.*)'$/.exec(first))) return suggestion ? say('cli-unknown-option-suggest', lang, { option: m[1], suggestion }) : say('cli-unknown-option', lang, { option: m[1] });
      break;
    case 'commander.unknownCommand':
      if ((m = /^unknown command '(.*)'$/.exec(first))) return suggestion ? say('cli-unknown-command-suggest', lang, { command: m[1], suggestion }) : say('cli-unknown-command', lang, { command: m[1] });
      break;
    case 'commander.missingArgument':
      if ((m = /^missing required argument '(.*)'$/.exec(first))) return say('cli-missing-argument', lang, { argument: `<${m[1]}>` });
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^option '(.*)' argument missing$/.exec(first))) return say('cli-option-missing-value', lang, { option: longFlag(m[1]) });
      break;
    case 'commander.invalidArgument':
      if ((m = /^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s.exec(first))) return say('option-choices', lang, { option: longFlag(m[1]), value: m[2], choices: m[3] });
      if ((m = /^command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/s.exec(first))) return say('cli-argument-choices', lang, { argument: `<${m[2]}>`, value: m[1], choices: m[3] });
      break;
    case 'commander.excessArguments':
      if ((m = /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(first))) {
        return say('cli-too-many-arguments', lang, { command: m[1] ? `${program} ${m[1]}` : program, expected: Number(m[2]), got: Number(m[3]) });
      }
      break;
  }
  // A code or wording this version of commander did not have when this was written: its own text, introduced in the reader's language.
  return say('cli-bad-usage', lang, { detail: text.replace(/\n/g, ' ') });
}

/** `--format` from commander's `-f, --format <format>`: the name as the reader types it. */
function longFlag(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags;
}
