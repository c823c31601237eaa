// Runs action.yml's steps the way the GitHub Actions runner runs a composite action, and a
// workflow's job the way it runs a job, offline: the inputs with their defaults, `${{ }}`
// expressions in `with`, `env` and `if`, each `run` step in bash with the runner's variables
// (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH, GITHUB_ACTION_PATH, RUNNER_TEMP, …), step
// outputs read back from GITHUB_OUTPUT, and steps skipped after a failure unless their `if` says
// otherwise. `uses` steps (checkout, setup-node, upload-sarif) cannot run offline: they are
// recorded with their resolved `with`, for the test to check what they would have received.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
}

export interface ActionDefinition {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface StepResult {
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** For a `uses` step: what it would run with. */
  with?: Record<string, string>;
}

export interface Workflow {
  name?: string;
  on: string | string[] | Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; env?: Record<string, string>; steps: Step[] }>;
}

export interface ActionRun {
  ok: boolean;
  steps: StepResult[];
  outputs: Record<string, string>;
  summary: string;
  /** Every step's stdout, where the runner finds workflow commands (`::error …`). */
  log: string;
  step(name: string): StepResult;
}

export interface RunOptions {
  workspace: string;
  inputs?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  env?: NodeJS.ProcessEnv;
}

export interface WorkflowRunOptions extends Omit<RunOptions, 'inputs'> {
  /** The workflow file. */
  file: string;
  /** The job to run; the workflow's only job when not given. */
  job?: string;
}

export function loadAction(): ActionDefinition {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionDefinition;
}

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const action = loadAction();
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  const context = newContext(opts);
  // Defaults may be expressions themselves (`${{ github.token }}`).
  for (const [name, spec] of Object.entries(action.inputs)) context.inputs[name] = opts.inputs?.[name] ?? substitute(String(spec.default ?? ''), context);
  for (const name of Object.keys(opts.inputs ?? {})) if (!(name in action.inputs)) throw new Error(`the action has no input ${name}`);
  const result = await runSteps(action.runs.steps, context, opts, { composite: true, env: {} });
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, substitute(v.value, context)]));
  return { ...result, outputs };
}

/**
 * A workflow's job, as the runner runs it on a Linux machine: workflow, job and step `env` layered
 * in that order, a `run` step without `shell` in `bash -e` (GitHub's default there), one with
 * `shell: bash` in `bash --noprofile --norc -eo pipefail`. The workspace stands for what
 * actions/checkout left; the test prepares it.
 */
export async function runWorkflow(opts: WorkflowRunOptions): Promise<ActionRun> {
  const workflow = parse(readFileSync(opts.file, 'utf8')) as Workflow;
  const eventName = opts.eventName ?? 'push';
  const triggers = typeof workflow.on === 'string' ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on);
  if (!triggers.includes(eventName)) throw new Error(`${opts.file} does not run on ${eventName}`);
  const names = Object.keys(workflow.jobs);
  const jobName = opts.job ?? (names.length === 1 ? names[0] : undefined);
  const job = jobName === undefined ? undefined : workflow.jobs[jobName];
  if (!job) throw new Error(`${opts.file}: name the job to run among ${names.join(', ')}`);
  const context = newContext(opts);
  const env = { ...workflow.env, ...job.env };
  const result = await runSteps(job.steps, context, opts, { composite: false, env });
  return { ...result, outputs: {} };
}

async function runSteps(steps: Step[], context: Context, opts: RunOptions, mode: { composite: boolean; env: Record<string, string> }): Promise<Omit<ActionRun, 'outputs'>> {
  const temp = mkdtempSync(path.join(tmpdir(), 'orgc-runner-'));
  const eventPath = path.join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(opts.event ?? {}));
  const summaryPath = path.join(temp, 'summary.md');
  writeFileSync(summaryPath, '');

  const results: StepResult[] = [];
  let failed = false;
  for (const [i, step] of steps.entries()) {
    // The runner's names for unnamed steps.
    const name = step.name ?? (step.uses ? `Run ${step.uses}` : `Run ${step.run!.split('\n')[0]}`);
    const condition = step.if ?? 'success()';
    if (!evaluate(condition, context, failed)) {
      results.push({ name, outcome: 'skipped', stdout: '', stderr: '', outputs: {} });
      continue;
    }
    if (step.uses) {
      const resolved = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), context)]));
      results.push({ name, outcome: 'success', stdout: '', stderr: '', outputs: {}, with: resolved });
      continue;
    }
    let shell: string[];
    if (step.shell === 'bash') shell = ['--noprofile', '--norc', '-eo', 'pipefail'];
    else if (step.shell === undefined && !mode.composite) shell = ['-e'];
    else throw new Error(`step ${name}: the test runner runs bash steps only${mode.composite ? ' (composite actions require a shell)' : ''}`);
    const outputPath = path.join(temp, `output-${i}`);
    writeFileSync(outputPath, '');
    const script = path.join(temp, `step-${i}.sh`);
    writeFileSync(script, substitute(step.run!, context));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      ...(mode.composite ? { GITHUB_ACTION_PATH: ROOT.replace(/\/$/, '') } : {}),
      GITHUB_WORKSPACE: opts.workspace,
      GITHUB_EVENT_NAME: context.github.event_name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_BASE_REF: context.github.base_ref,
      GITHUB_HEAD_REF: context.github.head_ref,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_REPOSITORY: 'acme/org-design',
      GITHUB_API_URL: 'https://api.github.invalid',
      RUNNER_TEMP: temp,
      ...opts.env,
    };
    for (const [k, v] of Object.entries({ ...mode.env, ...step.env })) env[k] = substitute(String(v), context);
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    // Asynchronous, so that a test's fake GitHub API in this process can answer the step.
    const r = await run('bash', [...shell, script], { cwd: opts.workspace, env });
    const outputs = readOutputs(readFileSync(outputPath, 'utf8'));
    const outcome = r.status === 0 ? 'success' : 'failure';
    if (outcome === 'failure') failed = true;
    results.push({ name, outcome, stdout: r.stdout, stderr: r.stderr, outputs });
    if (step.id) context.steps[step.id] = { outputs, outcome };
  }
  return {
    ok: !failed,
    steps: results,
    summary: readFileSync(summaryPath, 'utf8'),
    log: results.map((s) => s.stdout).join(''),
    step(name) {
      const found = results.find((s) => s.name === name);
      if (!found) throw new Error(`no step ${name}`);
      return found;
    },
  };
}

/** The `github` context: for a pull request, base_ref and head_ref come from its event. */
function newContext(opts: RunOptions): Context {
  const eventName = opts.eventName ?? 'push';
  const pullRequest = eventName.startsWith('pull_request') ? (opts.event as { pull_request?: { base?: { ref?: string }; head?: { ref?: string } } } | undefined)?.pull_request : undefined;
  return {
    inputs: {},
    steps: {},
    github: { token: 'test-token', event_name: eventName, action_path: ROOT, event: opts.event ?? {}, base_ref: pullRequest?.base?.ref ?? '', head_ref: pullRequest?.head?.ref ?? '' },
  };
}

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
  github: { token: string; event_name: string; action_path: string; event: unknown; base_ref: string; head_ref: string };
}

/** `${{ expr }}` in a string, each a property path (`inputs.path`, `steps.setup.outputs.orgc`). */
function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => lookup(expr, context));
}

function lookup(expr: string, context: Context): string {
  if (!/^[a-z_]+(\.[a-z0-9_-]+)+$/i.test(expr)) throw new Error(`the test runner reads property paths only, not ${expr}`);
  let value: unknown = context;
  for (const key of expr.split('.')) value = value == null ? undefined : (value as Record<string, unknown>)[key];
  return value == null ? '' : String(value);
}

/**
 * The conditions action.yml and the workflow init writes use: `&&` of `success()`, `always()`,
 * `!cancelled()`, and `<path> == '<text>'` / `<path> != '<text>'`. Anything else throws, so a new
 * kind of condition needs this runner to learn it rather than be silently misread.
 */
function evaluate(condition: string, context: Context, failed: boolean): boolean {
  const expr = condition.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  let result = true;
  let statusCheck = false;
  for (const term of expr.split('&&').map((t) => t.trim())) {
    if (term === 'success()') {
      statusCheck = true;
      result &&= !failed;
    } else if (term === 'always()' || term === '!cancelled()') {
      statusCheck = true;
    } else {
      const m = /^([a-z][\w.-]*)\s*(==|!=)\s*'([^']*)'$/i.exec(term);
      if (!m) throw new Error(`the test runner cannot evaluate the condition ${term}`);
      const equal = lookup(m[1], context) === m[3];
      result &&= m[2] === '==' ? equal : !equal;
    }
  }
  // As on the runner: a condition without a status function implies success().
  return statusCheck ? result : result && !failed;
}

/** A process's exit status and output, without blocking this one (a test's stand-in API may need to answer it). */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}
