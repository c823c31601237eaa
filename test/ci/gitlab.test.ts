// The GitLab CI example of docs/ci.md, run as a GitLab runner runs a job's script: its lines in one
// bash with `-eo pipefail`, GitLab's predefined variables set, `npm ci` and `npx orgc` standing for
// the project's installed orgc, and a stand-in for GitLab's merge-request notes API on loopback.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { kaSplit } from '../diff/ka-split.js';
import { pullRequestCheckout, repository, tmp } from './repository.js';
import { run } from './runner.js';

interface Job {
  image: string;
  script: string[];
  rules?: Array<{ if: string }>;
  artifacts: { when: string; paths?: string[]; reports?: { junit: string } };
}

const doc = readFileSync(`${ROOT}docs/ci.md`, 'utf8');
const jobs = parse(/## GitLab CI\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]) as Record<string, Job>;

/** `npm` and `npx` as the job's image has them after `npm ci`, without the registry. */
const bin = tmp('orgc-gitlab-bin-');
writeFileSync(path.join(bin, 'npm'), '#!/usr/bin/env bash\n[ "$1" = ci ] || exit 3\n');
writeFileSync(path.join(bin, 'npx'), `#!/usr/bin/env bash\n[ "$1" = orgc ] || exit 3\nshift\nexec node "${BIN}" "$@"\n`);
for (const f of ['npm', 'npx']) chmodSync(path.join(bin, f), 0o755);

async function runJob(job: Job, cwd: string, variables: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const script = ['set -eo pipefail', ...job.script].join('\n');
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', CI: 'true', GITLAB_CI: 'true', ...variables };
  const r = await run('bash', ['--noprofile', '--norc', '-c', script], { cwd, env });
  return { code: r.status, output: r.stdout + r.stderr };
}

describe('the GitLab CI example', () => {
  const notes: Array<{ path: string; token?: string; body: string }> = [];
  let server: Server;
  let api: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (d) => (data += d)).on('end', () => {
        notes.push({ path: `${req.method} ${req.url}`, token: req.headers['private-token'] as string, body: JSON.parse(data).body });
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":1}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('has a validate job with a JUnit report and a review job for merge requests', () => {
    expect(Object.keys(jobs)).toEqual(['orgc', 'orgc-review']);
    expect(jobs.orgc.artifacts).toMatchObject({ when: 'always', reports: { junit: 'orgc-junit.xml' } });
    expect(jobs['orgc-review'].rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
  });

  it('orgc passes a sound org and fails a broken one, with the JUnit report either way', async () => {
    const dir = repository();
    const ok = await runJob(jobs.orgc, dir);
    expect(ok.code).toBe(0);
    expect(readFileSync(path.join(dir, 'orgc-junit.xml'), 'utf8')).not.toContain('<failure');
    const sales = path.join(dir, 'org/roles/sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('reports_to: sales-director', 'reports_to: nobody'));
    const broken = await runJob(jobs.orgc, dir);
    expect(broken.code).toBe(1);
    expect(readFileSync(path.join(dir, 'orgc-junit.xml'), 'utf8')).toMatch(/<failure[^>]*>[\s\S]*org\/roles\/sales\.yaml/);
  });

  it('orgc-review fetches the base, writes the change and posts it as a note with the token', async () => {
    const { workspace, base } = pullRequestCheckout((dir) => kaSplit(path.join(dir, 'org')));
    const variables = { CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI_API_V4_URL: api, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '5', ORGC_GITLAB_TOKEN: 'glpat-test' };
    const r = await runJob(jobs['orgc-review'], workspace, variables);
    expect(r).toMatchObject({ code: 0 });
    const md = readFileSync(path.join(workspace, 'orgc-diff.md'), 'utf8');
    expect(md).toContain('ka-solution-manager');
    expect(notes).toEqual([{ path: 'POST /api/v4/projects/42/merge_requests/5/notes', token: 'glpat-test', body: md }]);
  });

  it('orgc-review posts the note, then fails, when the change brings new errors', async () => {
    const { workspace, base } = pullRequestCheckout((dir) => {
      const sales = path.join(dir, 'org/roles/sales.yaml');
      writeFileSync(sales, readFileSync(sales, 'utf8').replace('reports_to: sales-director', 'reports_to: nobody'));
    });
    const before = notes.length;
    const r = await runJob(jobs['orgc-review'], workspace, { CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI_API_V4_URL: api, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '6', ORGC_GITLAB_TOKEN: 'glpat-test' });
    expect(r.code).toBe(1);
    expect(notes.slice(before)).toEqual([expect.objectContaining({ path: 'POST /api/v4/projects/42/merge_requests/6/notes', body: expect.stringMatching(/nobody/) })]);
  });

  it('orgc-review keeps the change as an artifact when there is no token', async () => {
    const { workspace, base } = pullRequestCheckout((dir) => kaSplit(path.join(dir, 'org')));
    const before = notes.length;
    const r = await runJob(jobs['orgc-review'], workspace, { CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI_API_V4_URL: api, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7' });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(workspace, jobs['orgc-review'].artifacts.paths![0]), 'utf8')).toContain('ka-solution-manager');
    expect(notes.length).toBe(before);
  });
});
