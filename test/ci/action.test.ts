// The GitHub Action (action.yml and action/), run the way the runner runs it, offline: a push with a
// clean org, findings as annotations and SARIF, a usage error, the handbook check, the review of a
// pull request as one comment kept up to date, a fork's read-only token, and how orgc is set up.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, orgc, ROOT } from '../helpers/cli.js';
import { kaSplit } from '../diff/ka-split.js';
import { fakeGitHub, type FakeGitHub } from './github-api.js';
import { git, installOrgc, pullRequestCheckout, repository, tmp } from './repository.js';
import { loadAction, runAction } from './runner.js';

describe('action.yml', () => {
  const action = loadAction();
  const text = readFileSync(`${ROOT}action.yml`, 'utf8');

  it('describes every input and output, and uses no input it does not declare', () => {
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) expect(spec.description, name).toMatch(/\S/);
    for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) expect(action.inputs, name).toHaveProperty(name);
    const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
    for (const [, id] of text.matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids, id).toContain(id);
  });

  it('passes inputs to its scripts through the environment only', () => {
    // An expression pasted into a script is the classic injection hole of actions.
    for (const step of action.runs.steps.filter((s) => s.run)) {
      expect(step.run, step.name).not.toMatch(/\$\{\{/);
      const script = /"\$GITHUB_ACTION_PATH\/(action\/[\w.]+)"/.exec(step.run!)?.[1];
      expect(script && existsSync(`${ROOT}${script}`), step.name).toBe(true);
    }
  });

  it('is used in the README and docs/ci.md with inputs it has', () => {
    for (const file of ['README.md', 'docs/ci.md']) {
      const blocks = [...readFileSync(`${ROOT}${file}`, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]));
      const uses = blocks.flatMap((b) => Object.values<{ steps?: Array<{ uses?: string; with?: object }> }>(b?.jobs ?? {}).flatMap((j) => j.steps ?? [])).filter((s) => s.uses?.startsWith('OWNER/orgc@'));
      expect(uses.length, file).toBe(1);
      for (const key of Object.keys(uses[0].with ?? {})) expect(action.inputs, `${file}: ${key}`).toHaveProperty(key);
    }
  });

  it('is documented in docs/ci.md, input by input and output by output', () => {
    const doc = readFileSync(`${ROOT}docs/ci.md`, 'utf8');
    const rows = (heading: string) => {
      const section = doc.split(`### ${heading}\n`)[1].split('\n\n')[0];
      return [...section.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
    };
    expect(rows('Inputs')).toEqual(Object.keys(action.inputs));
    expect(rows('Outputs')).toEqual(Object.keys(action.outputs));
    for (const [name, spec] of Object.entries(action.inputs)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${name}\` |`))!;
      const shown = row.split(' | ')[1].replace(/^`|`$/g, '');
      expect(shown, name).toBe(spec.default === '' ? '*(empty)*' : spec.default);
    }
  });
});

describe('the action on a push', () => {
  it('passes a clean org, with its counts as outputs and in the job summary', async () => {
    const run = await runAction({ workspace: repository(), inputs: { path: 'org/' } });
    expect(run.step('Set up Node.js')).toMatchObject({ outcome: 'success', with: { 'node-version': '20' } });
    expect(run.step('Set up orgc').stdout).toMatch(/^orgc 0\.1\.0, from the repository's node_modules$/m);
    expect(run.step('Validate the org')).toMatchObject({ outcome: 'success', stdout: '' });
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0', 'sarif-file': '' });
    expect(run.step('Upload SARIF to code scanning').outcome).toBe('skipped');
    expect(run.step('Check the rendered handbook').outcome).toBe('skipped');
    expect(run.step('Review the change').stdout).toBe('Not a pull request: no change to review.\n');
    expect(run.summary).toContain('### orgc: 0 error(s), 0 warning(s)');
    expect(run.ok).toBe(true);
  });

  it('finds the org at the top of the repository when path is empty', async () => {
    const run = await runAction({ workspace: repository(), inputs: { 'node-version': '' } });
    expect(run.step('Set up Node.js').outcome).toBe('skipped');
    expect(run.ok).toBe(true);
  });

  it('turns findings into annotations, fails, and still hands SARIF to code scanning', async () => {
    const dir = repository();
    const sales = path.join(dir, 'org/roles/sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('reports_to: sales-director', 'reports_to: sales-directr'));
    const run = await runAction({ workspace: dir, inputs: { path: 'org', sarif: 'true', lang: 'en' } });
    expect(run.ok).toBe(false);
    const validate = run.step('Validate the org');
    expect(validate.outcome).toBe('failure');
    // Paths relative to the repository's top, as GitHub places annotations.
    expect(validate.stdout).toMatch(/^::error file=org\/roles\/sales\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=unknown-reference::.*sales-directr.*did you mean .*sales-director/m);
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);
    // The upload runs after the failure, with the SARIF file the validate step wrote.
    const upload = run.step('Upload SARIF to code scanning');
    expect(upload).toMatchObject({ outcome: 'success', with: { sarif_file: run.outputs['sarif-file'], category: 'orgc' } });
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
    const validateSarif = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(`${ROOT}test/standards/sarif-2.1.0.schema.json`, 'utf8')));
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('org/roles/sales.yaml');
    expect(run.summary).toMatch(/### orgc: [1-9]\d* error\(s\), 0 warning\(s\)/);
  });

  it('fails on warnings with fail-on: warn and on too many with max-warnings', async () => {
    const dir = repository();
    writeFileSync(path.join(dir, 'orgc.config.yaml'), 'rules:\n  span-of-control: { severity: warning, options: { min: 5, max: 6 } }\n');
    const passing = await runAction({ workspace: dir, inputs: { path: 'org' } });
    expect(passing.ok).toBe(true);
    expect(Number(passing.outputs.warnings)).toBeGreaterThan(0);
    expect(passing.step('Validate the org').stdout).toMatch(/^::warning file=org\//m);
    expect((await runAction({ workspace: dir, inputs: { path: 'org', 'fail-on': 'warn' } })).ok).toBe(false);
    expect((await runAction({ workspace: dir, inputs: { path: 'org', 'max-warnings': '0' } })).ok).toBe(false);
    const config = await runAction({ workspace: dir, inputs: { path: 'org', config: 'none.yaml' } });
    expect(config.step('Validate the org').stdout).toMatch(/^::error title=orgc::.*none\.yaml/m);
  });

  it('makes a usage error one annotation and a failed step', async () => {
    const run = await runAction({ workspace: repository(), inputs: { path: 'nowhere' } });
    const validate = run.step('Validate the org');
    expect(validate.outcome).toBe('failure');
    expect(validate.stdout).toMatch(/^::error title=orgc::.*nowhere.*\n$/);
    expect(run.ok).toBe(false);
  });

  it('checks the committed handbook and says how to bring it up to date', async () => {
    const dir = repository();
    expect(orgc(['render', 'org', '--format', 'md', '--out', 'docs/handbook'], { cwd: dir }).code).toBe(0);
    const fresh = await runAction({ workspace: dir, inputs: { path: 'org', docs: 'docs/handbook' } });
    expect(fresh.step('Check the rendered handbook').outcome).toBe('success');
    const sales = path.join(dir, 'org/roles/sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('headcount: 4', 'headcount: 5'));
    const stale = await runAction({ workspace: dir, inputs: { path: 'org', docs: 'docs/handbook' } });
    const check = stale.step('Check the rendered handbook');
    expect(check.outcome).toBe('failure');
    expect(check.stdout).toContain('::error title=orgc::The handbook in docs/handbook is out of date: run `orgc render org --format md --out docs/handbook` and commit the result.');
    expect(stale.ok).toBe(false);
  });
});

describe('the action on a pull request', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await fakeGitHub('acme/org-design');
  });
  afterAll(() => github.close());

  /** A pull request as actions/checkout leaves it: shallow, its base only on the remote. */
  function pullRequest(number: number, change: (dir: string) => void): { workspace: string; event: unknown } {
    const { workspace, base } = pullRequestCheckout(change);
    expect(() => git(workspace, 'cat-file', '-e', `${base}^{commit}`)).toThrow();
    return { workspace, event: { pull_request: { number, base: { sha: base, ref: 'main' } } } };
  }

  const env = () => ({ GITHUB_API_URL: github.url });

  it('posts the split of the KA role as a comment, and updates that comment on the next push', async () => {
    // Three comments of others already there: two pages of the API's list.
    github.comments.set(7, [1, 2, 3].map((id) => ({ id, body: `looks good ${id}` })));
    const pr = pullRequest(7, (dir) => kaSplit(path.join(dir, 'org')));
    const before = github.requests.length;
    const first = await runAction({ ...pr, eventName: 'pull_request', inputs: { path: 'org/', lang: 'en' }, env: env() });
    expect(first.ok).toBe(true);
    // Both pages of the list read before posting: the review does not post a second comment.
    expect(github.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/acme/org-design/issues/7/comments', 'GET /repos/acme/org-design/issues/7/comments', 'POST /repos/acme/org-design/issues/7/comments']);
    expect(first.step('Review the change').stdout).toContain('Posted a comment on pull request #7.');
    const comments = github.comments.get(7)!;
    expect(comments).toHaveLength(4);
    const body = comments[3].body;
    expect(body).toMatch(/^<!-- orgc:diff org -->\n/);
    expect(body).toMatch(/ka-account-manager.*split/i);
    expect(body).toContain('ka-solution-manager');
    expect(body).toContain('ka-relationship-manager');
    expect(body).toContain('<details>');
    expect(github.requests.at(-1)).toMatchObject({ method: 'POST', path: '/repos/acme/org-design/issues/7/comments', authorization: 'Bearer test-token' });
    expect(Number(first.outputs.changes)).toBeGreaterThan(0);
    expect(readFileSync(first.outputs['diff-file'], 'utf8')).toBe(body.slice(body.indexOf('\n') + 1));
    expect(first.summary).toContain(body.slice(body.indexOf('\n') + 1));

    const second = await runAction({ ...pr, eventName: 'pull_request', inputs: { path: 'org', lang: 'en' }, env: env() });
    expect(second.step('Review the change').stdout).toContain('Updated the comment on pull request #7.');
    expect(github.comments.get(7)).toHaveLength(4);
    expect(github.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/repos/acme/org-design/issues/comments/${comments[3].id}` });
  });

  it('posts nothing while the org is unchanged', async () => {
    const pr = pullRequest(8, (dir) => writeFileSync(path.join(dir, 'README.md'), 'notes\n'));
    const before = github.requests.length;
    const run = await runAction({ ...pr, eventName: 'pull_request', inputs: { path: 'org' }, env: env() });
    expect(run.step('Review the change').stdout).toContain('No change to the org: no comment.');
    expect(github.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
    expect(run.outputs.changes).toBe('0');
  });

  it('warns, and passes, when a fork\'s token cannot comment', async () => {
    github.readOnly = true;
    try {
      const pr = pullRequest(9, (dir) => kaSplit(path.join(dir, 'org')));
      const run = await runAction({ ...pr, eventName: 'pull_request', inputs: { path: 'org' }, env: env() });
      expect(run.ok).toBe(true);
      expect(run.step('Review the change').stdout).toMatch(/^::warning title=orgc::Could not comment on the pull request \(POST \/repos\/acme\/org-design\/issues\/9\/comments: HTTP 403 .*\); the change is in the job summary\.$/m);
      expect(run.summary).toContain('ka-solution-manager');
    } finally {
      github.readOnly = false;
    }
  });

  it('fails with diff-fail-on when the change brings new findings', async () => {
    // 26 more sales development reps: a new span-of-control warning for their manager, no error.
    const pr = pullRequest(10, (dir) => {
      const sales = path.join(dir, 'org/roles/sales.yaml');
      writeFileSync(sales, readFileSync(sales, 'utf8').replace('headcount: 4', 'headcount: 30'));
    });
    const inputs = { path: 'org', comment: 'false', lang: 'en' };
    const never = await runAction({ ...pr, eventName: 'pull_request', inputs, env: env() });
    expect(never.step('Review the change').stdout).toBe('comment is false and diff-fail-on is never: no review.\n');
    expect(never.ok).toBe(true);
    const errors = await runAction({ ...pr, eventName: 'pull_request', inputs: { ...inputs, 'diff-fail-on': 'new-errors' }, env: env() });
    expect(errors.ok).toBe(true);
    const warnings = await runAction({ ...pr, eventName: 'pull_request', inputs: { ...inputs, 'diff-fail-on': 'new-warnings' }, env: env() });
    expect(warnings.step('Validate the org').outcome).toBe('success');
    const review = warnings.step('Review the change');
    expect(review.outcome).toBe('failure');
    expect(review.stdout).toContain('::error title=orgc::The pull request brings new findings (diff-fail-on: new-warnings); see the job summary.');
    expect(warnings.summary).toMatch(/1 new warning[\s\S]*sales-manager.*span-of-control/);
  });

  it('compares the org and its scenarios in a second comment when the pull request changes a scenario', async () => {
    const scenario = readFileSync(`${ROOT}examples/scenarios/ka-split.yaml`, 'utf8').replace('base: ../sales-org', 'base: ../org');
    const pr = pullRequest(13, (dir) => {
      mkdirSync(path.join(dir, 'scenarios'));
      writeFileSync(path.join(dir, 'scenarios/ka-split.yaml'), scenario);
    });
    const run = await runAction({ ...pr, eventName: 'pull_request', inputs: { path: 'org', lang: 'en', scenarios: 'scenarios' }, env: env() });
    expect(run.ok).toBe(true);
    // The org itself is unchanged: no diff comment, one comparison.
    expect(run.step('Review the change').stdout).toContain('No change to the org: no comment.');
    const comments = github.comments.get(13)!;
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toMatch(/^<!-- orgc:compare org -->\n### Design comparison\n/);
    expect(comments[0].body).toContain('| Seats (headcount) | 50 | 51 (+1) |');
    expect(readFileSync(run.outputs['compare-file'], 'utf8')).toBe(comments[0].body.slice(comments[0].body.indexOf('\n') + 1));
    // Without the input, or when no scenario changed, there is no comparison.
    const without = await runAction({ ...pr, eventName: 'pull_request', inputs: { path: 'org', lang: 'en' }, env: env() });
    expect(without.outputs['compare-file']).toBe('');
    const untouched = pullRequest(14, (dir) => writeFileSync(path.join(dir, 'README.md'), 'notes\n'));
    const quiet = await runAction({ ...untouched, eventName: 'pull_request', inputs: { path: 'org', scenarios: 'scenarios' }, env: env() });
    expect(quiet.step('Review the change').stdout).toContain('No scenario changed: no comparison.');
  }, 120_000); // three runs of the action

  it('says so when the org is new in the pull request', async () => {
    const pr = pullRequest(11, (dir) => cpSync(`${ROOT}examples/quickstart/org.yaml`, path.join(dir, 'team.yaml')));
    const run = await runAction({ ...pr, eventName: 'pull_request', inputs: { path: 'team.yaml' }, env: env() });
    expect(run.step('Review the change').stdout).toBe('team.yaml is new in this pull request: nothing to compare it with.\n');
    expect(run.ok).toBe(true);
  });
});

describe('setting up orgc', () => {
  /** An `npm` that records where it ran and its arguments, and "installs" this orgc where asked. */
  function fakeNpm(): { dir: string; calls: () => string[] } {
    const dir = tmp('orgc-npm-');
    writeFileSync(
      path.join(dir, 'npm'),
      `#!/usr/bin/env bash\necho "$PWD: $*" >> "${dir}/calls"\nif [ "$1" = install ]; then mkdir -p "$3/node_modules/.bin" && ln -sf "${BIN}" "$3/node_modules/.bin/orgc"; fi\n`,
    );
    chmodSync(path.join(dir, 'npm'), 0o755);
    return { dir, calls: () => (existsSync(`${dir}/calls`) ? readFileSync(`${dir}/calls`, 'utf8').trim().split('\n') : []) };
  }

  function bare(): string {
    const dir = tmp();
    cpSync(`${ROOT}examples/quickstart/org.yaml`, path.join(dir, 'org.yaml'));
    return dir;
  }

  it('builds the action\'s own checkout when the repository has no orgc', async () => {
    const npm = fakeNpm();
    const run = await runAction({ workspace: bare(), env: { PATH: `${npm.dir}:${process.env.PATH}` } });
    // In the action's directory (this repository, already built here).
    expect(npm.calls()).toEqual([`${ROOT.replace(/\/$/, '')}: ci --no-audit --no-fund --loglevel=error`]);
    expect(run.step('Set up orgc').stdout).toMatch(/^orgc 0\.1\.0, built from the action's checkout$/m);
    expect(run.step('Set up orgc').outputs.orgc).toBe(`${ROOT.replace(/\/$/, '')}/bin/orgc`);
    expect(run.ok).toBe(true);
  });

  it('installs the version asked for from npm, even over the repository\'s own', async () => {
    const npm = fakeNpm();
    const dir = bare();
    installOrgc(dir);
    const run = await runAction({ workspace: dir, inputs: { 'orgc-version': '0.1.0' }, env: { PATH: `${npm.dir}:${process.env.PATH}` } });
    expect(npm.calls()).toEqual([expect.stringMatching(/: install --prefix \S+\/orgc-cli --no-save .* orgc@0\.1\.0$/)]);
    expect(run.step('Set up orgc').stdout).toMatch(/^orgc 0\.1\.0, installed from npm$/m);
    expect(run.ok).toBe(true);
  });
});
