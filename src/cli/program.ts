// The command line: commander declares the commands; each command's code is imported only when
// it runs. One try/catch maps what went wrong to an exit code and a line on stderr.
import { Argument, Command, CommanderError, Option } from 'commander';
import { say, sayError } from '../i18n/cli.js';
import { commanderErrorLine } from '../i18n/commander.js';
import { chooseLanguage, langFlag, UI_LANGUAGES, type UiLanguage } from '../i18n/lang.js';
import { VERSION } from '../version.js';
import { EXIT_ERROR, UsageError } from './errors.js';
import { examplesHelp, HELP_CONFIGURATION, terminalWidth } from './help.js';
import { errorLine, processIo, type Io } from './output.js';

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = new Command('orgc')
    .description('orgc: the org-design compiler. Validate a sales organisation written in YAML and render its documents.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    // Help wraps to the terminal (commander would ask process.stdout, which is not always where io writes).
    // commander's error lines are English only: they are silenced here and said again in the
    // reader's language, with the usage hint, where the error is caught below.
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: () => {},
      getOutHelpWidth: () => terminalWidth(io, 'stdout'),
      getErrHelpWidth: () => terminalWidth(io, 'stderr'),
    })
    .configureHelp(HELP_CONFIGURATION)
    .exitOverride();

  const langOption = (what = 'messages') => new Option('--lang <lang>', `language of ${what} (default: the config's, else your locale's, else the org's)`).choices(UI_LANGUAGES);

  program
    .command('validate')
    .description('check an org: YAML syntax, the schema, references, and the design-principle rules')
    .argument('[paths...]', 'org files or directories; `-` reads stdin (default: org.yaml or org/)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'junit', 'github']).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: orgc.config.yaml next to the org, else in the working directory)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warn']).default('error'))
    .addOption(langOption())
    .option('-w, --watch', 'check again whenever a file of the org changes (Ctrl-C stops)')
    .option('--at <date>', 'for a scenario with waves: the design on this date (YYYY-MM-DD), its later waves left out')
    .action(async (paths: string[], opts) => {
      const { validateCommand } = await import('./commands/validate.js');
      if (opts.watch) {
        if (paths.includes('-')) throw UsageError.said('watch-stdin');
        const { watchRuns } = await import('./watch.js');
        await watchRuns(paths, () => validateCommand(paths, opts, io), io, chooseLanguage({ flag: opts.lang, env: io.env }));
      }
      exitCode = await validateCommand(paths, opts, io);
    });

  program
    .command('render')
    .description('render the org handbook (md, html, csv, xlsx, json) or its charts (mermaid, svg, png, pdf)')
    .argument('[paths...]', 'org files or directories; `-` reads stdin (default: org.yaml or org/)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'html', 'csv', 'xlsx', 'json', 'mermaid', 'svg', 'png', 'pdf', 'jobposting', 'docx']).default('md'))
    .option('-o, --out <dir>', 'output directory (default: the config\'s render.out, else handbook)')
    .addOption(langOption('the handbook and messages'))
    .option('-c, --config <file>', 'configuration file (default: orgc.config.yaml next to the org, else in the working directory)')
    .option('--templates <dir>', 'templates that override the built-in ones (<dir>/md/role.hbs, …)')
    .option('--only <kinds>', 'render only some pages: index, summary, raci, jd, charts, targets, kpis, service-levels, reviews, signals (comma-separated)')
    .addOption(new Option('--engine <engine>', 'how svg, png and pdf charts are drawn: mermaid (in Chromium) or graphviz (svg, no browser)').choices(['mermaid', 'graphviz']).default('mermaid'))
    .option('--people', 'show the named people in org chart boxes')
    .option('--check', 'write nothing; exit 1 when the files in the output directory differ from what would be rendered')
    .option('--force', 'render even when the org has errors, or when the handbook is up to date')
    .option('--at <date>', 'for a scenario with waves: the design on this date (YYYY-MM-DD), its later waves left out')
    .option('-w, --watch', 'render again whenever a file of the org or a template changes, remaking only what the change reaches (Ctrl-C stops)')
    .action(async (paths: string[], opts) => {
      const { renderCommand, renderSession } = await import('./commands/render.js');
      if (opts.watch) {
        if (paths.includes('-')) throw UsageError.said('watch-stdin');
        if (opts.check) throw UsageError.said('watch-check');
        const { watchRuns } = await import('./watch.js');
        const session = renderSession();
        // What the first render found: its templates (`--templates` or the config's), its config, its output.
        const watched = () => ({ dirs: session.templates ? [session.templates] : [], files: session.config ? [session.config] : [] });
        await watchRuns(paths, () => renderCommand(paths, opts, io, session), io, chooseLanguage({ flag: opts.lang, env: io.env }), { also: watched, exclude: () => (session.out ? [session.out] : []) });
      }
      exitCode = await renderCommand(paths, opts, io);
    });

  program
    .command('diff')
    .description('what a change does to the org design: roles, reporting lines, duties, RACI, headcount, KPIs and every other part of the model; findings introduced and fixed')
    .argument('<base>', 'the org before: a file, a directory, or a git revision of one (`main:org/`)')
    .argument('<head>', 'the org after, the same way')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: orgc.config.yaml next to the head, else in the working directory)')
    .addOption(new Option('--fail-on <what>', 'exit 1 when the change brings new errors, or new warnings too').choices(['new-errors', 'new-warnings', 'never']).default('never'))
    .addOption(langOption('the report'))
    .action(async (base: string, head: string, opts) => {
      const { diffCommand } = await import('./commands/diff.js');
      exitCode = await diffCommand(base, head, opts, io);
    });

  program
    .command('compare')
    .description('designs side by side: seats, spans, layers, RACI load, quota capacity and findings of the base and each scenario, with what each scenario changes')
    .argument('<base>', 'the base org: a file or a directory')
    .argument('<scenarios...>', 'scenario files (or other orgs) to compare with it')
    .addOption(new Option('-f, --format <format>', 'output format (xlsx needs -o)').choices(['text', 'md', 'html', 'xlsx', 'json']).default('text'))
    .option('-o, --output <file>', 'write the comparison to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: orgc.config.yaml next to the base, else in the working directory)')
    .addOption(new Option('--fail-on <what>', 'exit 1 when a scenario brings new errors, or new warnings too').choices(['new-errors', 'new-warnings', 'never']).default('never'))
    .addOption(langOption('the comparison'))
    .option('--at <date>', 'every scenario on this date (YYYY-MM-DD) instead of a column per wave')
    .action(async (base: string, scenarios: string[], opts) => {
      const { compareCommand } = await import('./commands/compare.js');
      exitCode = await compareCommand([base, ...scenarios], opts, io);
    });

  program
    .command('signals')
    .description("which of the design's adaptation signals fire on this period's values, and the scenario that answers each")
    .argument('<metrics>', 'the values measured: `metric-id: value` lines (YAML), or a CSV with the columns metric and value')
    .argument('<org>', 'the org whose signals to judge: a file or a directory')
    .argument('[scenarios...]', 'scenario files or directories: those that answer a signal are named')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('-c, --config <file>', 'configuration file (default: orgc.config.yaml next to the org, else in the working directory)')
    .addOption(new Option('--fail-on <what>', 'exit 1 when a signal fires, or when one fires that no scenario answers').choices(['fired', 'unanswered', 'never']).default('never'))
    .addOption(langOption('the report'))
    .action(async (metrics: string, org: string, scenarios: string[], opts) => {
      const { signalsCommand } = await import('./commands/signals.js');
      exitCode = await signalsCommand(metrics, org, scenarios, opts, io);
    });

  program
    .command('init')
    .description('start an org-design repository: an org that validates clean, config, editor schemas, CI and pre-commit')
    .argument('[dir]', 'where to create it (default: the working directory)')
    .addOption(new Option('--preset <preset>', 'startup (a small team), growth (cut by process) or enterprise (a regional and product matrix)').choices(['startup', 'growth', 'enterprise']).default('startup'))
    .addOption(new Option('--lang <lang>', "the org's default language, and the language of the comments").choices(['en', 'zh-CN']).default('en'))
    .option('--orgc <spec>', 'the orgc package.json pins when it lists none: an npm version range, file:vendor/orgc-0.1.0.tgz, github:owner/orgc#v0.1.0 … (default: ^ this version)')
    .option('--force', 'replace files that exist')
    .action(async (dir: string | undefined, opts, command: Command) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(dir, { ...opts, ui: command.getOptionValueSource('lang') === 'cli' ? opts.lang : undefined }, io);
    });

  program
    .command('import')
    .description('a draft org from an HR system\'s people export (CSV): roles, reporting lines, headcount, people')
    .argument('<people.csv>', 'the export: a header row, then one row per person')
    .option('-o, --out <file>', 'where to write the draft; `-` for stdout', 'org.yaml')
    .addOption(new Option('--lang <lang>', "the draft's default language, and the language of the report (default: the config's, else your locale's, else the export's)").choices(['en', 'zh-CN', 'zh-TW']))
    .option('--force', 'replace the output file if it exists')
    .option('--name-column <header>', 'the column of names (default: name, full name, 姓名, …); any column option takes \'\' to use no column')
    .option('--title-column <header>', 'the column of job titles (default: title, job title, position, 职位, …)')
    .option('--manager-column <header>', 'the column of managers\' names (default: manager, reports to, 上级, …)')
    .option('--department-column <header>', 'the column of departments (default: department, dept, 部门, …)')
    .option('--region-column <header>', 'the column of regions roles are cut by (default: region, territory, 区域, …; not a person\'s location); \'\' for none')
    .option('--id-column <header>', 'the column of employee ids: rows with one id are one person (default: id, employee id, 工号, …)')
    .option('--manager-id-column <header>', 'the column of managers\' position or employee ids (default: manager id, 上级工号, …)')
    .option('--dotted-manager-column <header>', 'the column of second managers, drawn as dotted lines (default: dotted line manager, 虚线上级, …)')
    .option('--position-column <header>', 'the column of position ids that manager ids refer to (default: position id, 岗位编号, …)')
    .option('--levels <file>', 'YAML map of title words to levels (`Account Manager: frontline`), checked before the built-in words')
    .option('--keep-titles', 'keep titles apart that differ only in abbreviations or a region in brackets')
    .action(async (file: string, opts) => {
      const { importCommand } = await import('./commands/import.js');
      exitCode = await importCommand(file, opts, io);
    });

  program
    .command('rules')
    .description('list every rule with its default severity and what it finds')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .action(async (opts) => {
      const { rulesCommand } = await import('./commands/rules.js');
      exitCode = await rulesCommand(opts, io);
    });

  program
    .command('explain')
    .description('show the documentation of a rule: what it checks, why, examples and options')
    .argument('<rule-id>', 'the rule, e.g. span-of-control')
    .addOption(langOption('the page'))
    .action(async (id: string, opts) => {
      const { explainCommand } = await import('./commands/explain.js');
      exitCode = await explainCommand(id, opts, io);
    });

  program
    .command('lsp')
    .description('run the language server (Language Server Protocol over stdin and stdout) for editors: docs/editors.md')
    .option('--stdio', 'talk over stdin and stdout (the default and only transport; editors pass it)')
    .action(async () => {
      const { startServer } = await import('../lsp/server.js');
      startServer();
      // Runs until the editor sends `exit`; the connection keeps the process alive.
      await new Promise(() => {});
    });

  program
    .command('schema')
    .description('print the JSON Schema of the org language (for editors and other tools)')
    .addOption(new Option('--config', 'print the schema of orgc.config.yaml instead'))
    .addOption(new Option('--scenario', 'print the schema of scenario files instead').conflicts('config'))
    .action(async (opts) => {
      const { schemaCommand } = await import('./commands/schema.js');
      exitCode = schemaCommand(opts, io);
    });

  program
    .command('completion')
    .description('print a completion script for your shell: commands, options, their values, rule ids and file names')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { completionCommand } = await import('./commands/completion.js');
      exitCode = completionCommand(shell, program, io);
    });

  // Every command's help ends with examples (src/cli/help.ts), wrapped to the same width as the rest.
  for (const command of [program, ...program.commands]) {
    command.addHelpText('after', ({ error }) => examplesHelp(command === program ? '' : command.name(), terminalWidth(io, error ? 'stderr' : 'stdout')));
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, successfully; `orgc` alone has printed its help to stderr.
      if (error.exitCode === 0) return 0;
      if (!HELP_CODES.has(error.code)) {
        const lang = await errorLanguage(argv, io);
        errorLine(io, commanderErrorLine(error, lang));
        const command = argv.find((a) => !a.startsWith('-'));
        const name = command && program.commands.some((c) => c.name() === command) ? `orgc ${command}` : 'orgc';
        io.stderr(`${say('cli-usage-hint', lang, { command: name })}\n`);
      }
      return EXIT_ERROR;
    }
    // By name, not instanceof: importing their modules here would load the pipeline for --help.
    const name = (error as Error)?.name;
    if (error instanceof UsageError || name === 'InputError' || (name === 'OrgcError' && ['usage', 'input'].includes((error as { kind?: string }).kind ?? ''))) {
      // An input error (a path that cannot be read) carries its catalogue id: said in the reader's
      // language. A usage error from the library (a template, a chart engine) is already worded in
      // the language of the run, which knows the org's.
      const worded = name === 'OrgcError' && (error as { kind?: string }).kind === 'usage';
      errorLine(io, worded ? (error as Error).message : sayError(error, await errorLanguage(argv, io)));
      return EXIT_ERROR;
    }
    if ((error as Error)?.name === 'ConfigError' || (name === 'OrgcError' && (error as { kind?: string }).kind === 'config')) {
      const { configErrorLines } = await import('./config-errors.js');
      for (const line of configErrorLines(error, argv, io.env)) errorLine(io, line);
      return EXIT_ERROR;
    }
    // The library wraps what it did not expect; the stack worth showing is the original's.
    const e = (name === 'OrgcError' && (error as Error).cause instanceof Error ? (error as Error).cause : error) as Error;
    errorLine(io, say(debug ? 'internal-error-debug' : 'internal-error', await errorLanguage(argv, io).catch(() => chooseLanguage({ flag: langFlag(argv), env: io.env })), { message: e?.message ?? String(error) }));
    if (debug && e?.stack) io.stderr(`${e.stack}\n`);
    return EXIT_ERROR;
  }
}

/** commander's codes for help it has printed itself (asked for, or `orgc` with no command). */
const HELP_CODES = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * The language of an error line: `--lang` (read from the raw arguments: commander may have stopped
 * before parsing them), the config's `lang`, the user's locale. The org's default is unknown here.
 */
async function errorLanguage(argv: readonly string[], io: Io): Promise<UiLanguage> {
  const flag = langFlag(argv);
  let config: string | undefined;
  if (!flag) {
    try {
      const { configLanguage } = await import('./analyze.js');
      config = await configLanguage(io);
    } catch {
      // A config that cannot be read has said so already, or will; it says nothing about the language.
    }
  }
  return chooseLanguage({ flag, config, env: io.env });
}
