// The pull-request review of the orgc action: `orgc diff` of the org between the pull request's
// base and its head, written to the job summary and posted as one comment on the pull request,
// which later pushes update instead of adding another; when the pull request changes a scenario
// (the input scenarios), `orgc compare` of the org and its scenarios as a second such comment.
// Outside pull requests it does nothing.
// Plain Node with no dependencies: it runs before, and apart from, any `npm ci` of the repository.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// GitHub refuses comment bodies over 65,536 characters; the job summary takes up to 1 MiB.
const MAX_COMMENT = 65_000;
const env = process.env;

const event = env.GITHUB_EVENT_PATH && existsSync(env.GITHUB_EVENT_PATH) ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
const pr = event.pull_request;
const failOn = env.INPUT_DIFF_FAIL_ON || 'never';
const comment = env.INPUT_COMMENT !== 'false';

if (!pr) {
  console.log('Not a pull request: no change to review.');
  process.exit(0);
}
if (!comment && failOn === 'never') {
  console.log('comment is false and diff-fail-on is never: no review.');
  process.exit(0);
}

const org = orgPath();
const base = baseCommit();
if (!git(['cat-file', '-e', `${base}:${org}`]).ok) {
  console.log(`${org} is new in this pull request: nothing to compare it with.`);
  await compareScenarios();
  process.exit(0);
}

const common = [`${base}:${org}`, org];
if (env.INPUT_CONFIG) common.push('--config', env.INPUT_CONFIG);
if (env.INPUT_LANG) common.push('--lang', env.INPUT_LANG);
const mdFile = path.join(env.RUNNER_TEMP, 'orgc-diff.md');
const jsonFile = path.join(env.RUNNER_TEMP, 'orgc-diff.json');
const diff = orgc(['diff', ...common, '--fail-on', failOn, '--format', 'md', '--output', mdFile]);
if (diff.status >= 2) problem(`orgc diff failed: ${firstLine(diff.stderr)}`, diff.status);
orgc(['diff', ...common, '--format', 'json', '--output', jsonFile]);

const md = readFileSync(mdFile, 'utf8');
const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
const unchanged = report.changes.length === 0 && report.findings.introduced.length === 0 && report.findings.fixed.length === 0;
appendFileSync(env.GITHUB_STEP_SUMMARY, `${md}\n`);
appendFileSync(env.GITHUB_OUTPUT, `diff-file=${mdFile}\nchanges=${report.changes.length}\n`);

if (comment) await postComment(md, unchanged, `<!-- orgc:diff ${org} -->`);
await compareScenarios();
if (diff.status === 1) workflowCommand('error', `The pull request brings new findings (diff-fail-on: ${failOn}); see the job summary.`);
process.exit(diff.status);

/** The org beside its scenarios, when the pull request changes one of them (or the org). */
async function compareScenarios() {
  const scenarios = (env.INPUT_SCENARIOS ?? '').split(/\s+/).filter(Boolean);
  if (scenarios.length === 0 || !comment) return;
  if (git(['diff', '--quiet', base, '--', ...scenarios, org]).ok) {
    console.log('No scenario changed: no comparison.');
    return;
  }
  const file = path.join(env.RUNNER_TEMP, 'orgc-compare.md');
  const args = ['compare', org, ...scenarios, '--format', 'md', '--output', file];
  if (env.INPUT_CONFIG) args.push('--config', env.INPUT_CONFIG);
  if (env.INPUT_LANG) args.push('--lang', env.INPUT_LANG);
  const compared = orgc(args);
  if (compared.status >= 2 || !existsSync(file)) {
    workflowCommand('warning', `orgc compare failed: ${firstLine(compared.stderr)}`);
    return;
  }
  const md = readFileSync(file, 'utf8');
  appendFileSync(env.GITHUB_STEP_SUMMARY, `${md}\n`);
  appendFileSync(env.GITHUB_OUTPUT, `compare-file=${file}\n`);
  await postComment(md, false, `<!-- orgc:compare ${org} -->`);
}

/** The org's path from the repository's top: the input, else org.yaml, org.yml or org/ as orgc finds it. */
function orgPath() {
  const paths = (env.INPUT_PATH ?? '').split(/\s+/).filter(Boolean);
  if (paths.length > 1) problem(`orgc diff compares one file or directory, and path names ${paths.length}: review skipped.`);
  const found = paths[0] ?? ['org.yaml', 'org.yml', 'org'].find((p) => existsSync(p));
  if (!found) problem('There is no org.yaml or org/ at the repository\'s top, and path is empty: review skipped.');
  return path.posix.normalize(found.replaceAll('\\', '/')).replace(/\/$/, '');
}

/** The base as a commit in this clone, fetched from origin when the checkout is shallow. */
function baseCommit() {
  const rev = env.INPUT_BASE || pr.base?.sha;
  if (!rev) problem('The pull request names no base commit; set the input base.');
  const local = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (local.ok) return local.stdout.trim();
  const fetched = git(['fetch', '--no-tags', '--depth=1', 'origin', rev]);
  if (!fetched.ok) problem(`Cannot fetch the base ${rev} from origin: ${firstLine(fetched.stderr)}`);
  return git(['rev-parse', 'FETCH_HEAD^{commit}']).stdout.trim();
}

/** One comment per org and kind (the diff, the comparison), found again by its marker. */
async function postComment(markdown, unchanged, marker) {
  const api = env.GITHUB_API_URL || 'https://api.github.com';
  const repo = env.GITHUB_REPOSITORY;
  try {
    const previous = await findComment(`${api}/repos/${repo}/issues/${pr.number}/comments?per_page=100`, marker);
    if (unchanged && !previous) {
      console.log('No change to the org: no comment.');
      return;
    }
    const body = `${marker}\n${clip(markdown)}`;
    if (previous) await request('PATCH', `${api}/repos/${repo}/issues/comments/${previous.id}`, { body });
    else await request('POST', `${api}/repos/${repo}/issues/${pr.number}/comments`, { body });
    console.log(`${previous ? 'Updated the' : 'Posted a'} comment on pull request #${pr.number}.`);
  } catch (e) {
    // A pull request from a fork gets a read-only token: the review stays in the job summary.
    workflowCommand('warning', `Could not comment on the pull request (${e.message}); the change is in the job summary.`);
  }
}

async function findComment(url, marker) {
  for (let next = url; next; ) {
    const res = await request('GET', next);
    const found = (await res.json()).find((c) => typeof c.body === 'string' && c.body.startsWith(marker));
    if (found) return found;
    next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
  }
  return undefined;
}

async function request(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${env.GITHUB_TOKEN ?? ''}`,
      'content-type': 'application/json',
      'user-agent': 'orgc-action',
      'x-github-api-version': '2022-11-28',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${new URL(url).pathname}: HTTP ${res.status} ${firstLine(await res.text())}`);
  return res;
}

/** Cut at a line so the comment stays under GitHub's limit. */
function clip(markdown) {
  if (markdown.length <= MAX_COMMENT) return markdown;
  const cut = markdown.lastIndexOf('\n', MAX_COMMENT);
  return `${markdown.slice(0, cut)}\n\n… The change is longer than a comment can be: the whole of it is in the job summary.\n`;
}

function problem(message, status = 1) {
  // The review gates the check only when diff-fail-on asks it to.
  workflowCommand(failOn === 'never' ? 'warning' : 'error', message);
  process.exit(failOn === 'never' ? 0 : status);
}

function workflowCommand(kind, message) {
  console.log(`::${kind} title=orgc::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
}

function git(args) {
  const r = spawnSync('git', args, { encoding: 'utf8' });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function orgc(args) {
  const r = spawnSync(env.ORGC, args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.stderr) process.stderr.write(r.stderr);
  return { status: r.status ?? 2, stderr: r.stderr ?? '' };
}

function firstLine(s) {
  return (s ?? '').trim().split('\n')[0].slice(0, 300);
}
