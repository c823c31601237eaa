// `orgc render --watch` keeps its analysis and the job descriptions it made between renders
// (RenderSession: api/analyze.ts AnalysisCache, render/page-memo.ts). Whatever it kept, each
// render after an edit must give, byte for byte, what a render in a new process gives: checked
// here over a series of edits of every kind the model stage tells apart (a role's own fields, a
// move, RACI letters, a duty, another section, a role added, a comment, an org that has errors).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCommand, renderSession } from '../../src/cli/commands/render.js';
import type { Io } from '../../src/cli/output.js';
import { orgc, ROOT } from '../helpers/cli.js';
import { tree } from '../helpers/files.js';
import { running } from '../helpers/watch.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'orgc-render-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io(cwd: string): Io & { err: string[] } {
  const err: string[] = [];
  return { stdout: () => {}, stderr: (t) => void err.push(t), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd, err };
}

/** Replace `from` (which must be there, once) with `to` in a file of the org. */
function edit(org: string, file: string, from: string, to: string): void {
  const p = path.join(org, file);
  const text = readFileSync(p, 'utf8');
  expect(text.split(from).length, `${from} once in ${file}`).toBe(2);
  writeFileSync(p, text.replace(from, to));
}

const NEW_ROLE = `
  retail-assistant:
    title: { en: Retail Sales Assistant, zh-CN: 零售销售助理 }
    level: frontline
    family: sales
    cut: [channel]
    scope: { channel: [inside] }
    reports_to: sales-manager
    headcount: 2
    duties:
      nurture-prospects: R
    requires:
      competencies: { communication: 2 }
`;

/**
 * Each edit, applied to the org as the one before left it, and the job descriptions a session makes
 * again: a few when the model stage read only some roles' own fields again, none when the model
 * holds nothing new, else all.
 */
const EDITS: Array<{ what: string; apply: (org: string) => void; exit?: number; made?: 'few' | 'none'; byHand?: string }> = [
  { what: 'a title (in the handbook language)', apply: (o) => edit(o, 'roles/sales.yaml', 'zh-CN: 零售销售 }', 'zh-CN: 零售销售主管 }'), made: 'few' },
  // Pages changed and removed by hand, which the session's watch of the handbook must see.
  { what: 'a purpose, and pages edited and removed by hand', apply: (o) => edit(o, 'roles/sales.yaml', '把合格线索转化为合同', '把合格线索转化为订单'), made: 'few', byHand: 'roles/sales-director' },
  { what: 'a headcount', apply: (o) => edit(o, 'roles/sales.yaml', 'reports_to: sales-manager\n    headcount: 4\n    duties:\n      research-market', 'reports_to: sales-manager\n    headcount: 6\n    duties:\n      research-market'), made: 'few' },
  { what: 'a purpose', apply: (o) => edit(o, 'roles/sales.yaml', '通过电话、社群与活动触达潜在客户', '通过电话与活动触达潜在客户'), made: 'few' },
  { what: "a manager's title", apply: (o) => edit(o, 'roles/leadership.yaml', 'zh-CN: 销售经理 }', 'zh-CN: 销售部经理 }'), made: 'few' },
  { what: 'a move', apply: (o) => edit(o, 'roles/sales.yaml', 'cut: [process, channel]\n    scope: { channel: [inside] }\n    reports_to: sales-manager\n    headcount: 6', 'cut: [process, channel]\n    scope: { channel: [inside] }\n    reports_to: sales-consultant\n    headcount: 6') },
  { what: 'RACI letters', apply: (o) => edit(o, 'roles/sales.yaml', '      research-market: R\n      generate-leads: R', '      research-market: C\n      generate-leads: R') },
  { what: "a duty's name", apply: (o) => edit(o, 'duties.yaml', 'zh-CN: 制定销售战略与年度计划 }', 'zh-CN: 制定销售战略与年度规划 }') },
  { what: 'the org section', apply: (o) => edit(o, 'org.yaml', 'department: { en: Sales Center, zh-CN: 销售中心 }', 'department: { en: Sales Center, zh-CN: 销售中心总部 }') },
  { what: 'a comment', apply: (o) => edit(o, 'roles/sales.yaml', 'orgc: 1\n', 'orgc: 1\n# edited\n'), made: 'none' },
  { what: 'a role added', apply: (o) => writeFileSync(path.join(o, 'roles/sales.yaml'), readFileSync(path.join(o, 'roles/sales.yaml'), 'utf8') + NEW_ROLE) },
  { what: 'a manager that does not exist (errors: nothing rendered)', apply: (o) => edit(o, 'roles/sales.yaml', 'reports_to: sales-consultant\n    headcount: 6', 'reports_to: sales-consultnt\n    headcount: 6'), exit: 1 },
  { what: 'the manager mended, and a title changed back', apply: (o) => (edit(o, 'roles/sales.yaml', 'reports_to: sales-consultnt', 'reports_to: sales-manager'), edit(o, 'roles/sales.yaml', 'zh-CN: 零售销售主管 }', 'zh-CN: 零售销售 }')) },
  { what: 'a title again, after all that', apply: (o) => edit(o, 'roles/leadership.yaml', 'zh-CN: 销售部经理 }', 'zh-CN: 销售经理 }'), made: 'few' },
];

/** The stat cache for a handbook of the example's size too, in a directory of the test's (not the user's). */
function withStatCache(): void {
  beforeAll(() => {
    process.env.ORGC_TEST_STAT_CACHE = '1';
    process.env.XDG_CACHE_HOME = path.join(tmp, 'cache');
  });
  afterAll(() => {
    delete process.env.ORGC_TEST_STAT_CACHE;
    delete process.env.XDG_CACHE_HOME;
  });
}

describe.each(['md', 'html'])('render --format %s in a session (render --watch)', (format) => {
  // The session's watch of the handbook stands in for the stat cache's stats (cli/out-watch.ts).
  withStatCache();
  it('gives after each edit what a render in a new process gives, making fewer job descriptions where it can', async () => {
    const dir = mkdtempSync(path.join(tmp, `${format}-`));
    const org = path.join(dir, 'org');
    cpSync(`${ROOT}examples/sales-org`, org, { recursive: true });
    const watched = path.join(dir, 'watched');
    const session = renderSession();
    const roles = () => session.memo.size;
    expect(await renderCommand([org], { format: format as 'md', out: watched }, io(dir), session)).toBe(0);
    expect(roles()).toBeGreaterThan(15);
    let step = 0;
    for (const { what, apply, exit = 0, made, byHand } of EDITS) {
      apply(org);
      if (byHand) {
        const page = path.join(watched, `${byHand}.${format}`);
        writeFileSync(page, readFileSync(page, 'utf8').replace(/销售总监/g, '销售总督'));
        rmSync(path.join(watched, `index.${format}`));
        // The watch of the handbook hears of it before the next render, as it would between saves.
        for (let i = 0; i < 100 && session.handbook!.untouched(`${byHand}.${format}`); i++) await new Promise((r) => setTimeout(r, 20));
        expect(session.handbook!.untouched(`${byHand}.${format}`)).toBe(false);
      }
      const fresh = path.join(dir, `fresh-${step++}`);
      expect(await renderCommand([org], { format: format as 'md', out: watched }, io(dir), session), what).toBe(exit);
      expect(await renderCommand([org], { format: format as 'md', out: fresh }, io(dir)), what).toBe(exit);
      if (exit !== 0) continue;
      expect(tree(watched), what).toEqual(tree(fresh));
      // A role's own fields reach its page and the pages that link to it: the others were not made.
      if (made === 'few') expect(session.memo.made, what).toBeGreaterThan(0);
      // (In this small org half the roles link to a seller: its manager, peers on its duties, the
      // other owners of its KPIs.)
      if (made === 'few') expect(session.memo.made, what).toBeLessThan(roles());
      else expect(session.memo.made, what).toBe(made === 'none' ? 0 : roles());
    }
  }, 120_000);
});

describe('a session keeps the manifest and stat cache it wrote', () => {
  withStatCache();
  it('and takes them only while the manifest is the file it wrote', async () => {
    const dir = mkdtempSync(path.join(tmp, 'manifest-'));
    const org = path.join(dir, 'org');
    cpSync(`${ROOT}examples/sales-org`, org, { recursive: true });
    const out = path.join(dir, 'handbook');
    const manifest = () => JSON.parse(readFileSync(path.join(out, '.orgc-manifest.json'), 'utf8')) as { files: Record<string, string[]> };
    const session = renderSession();
    // (The handbook's watch begins with the second render: the directory is there from the first.)
    for (let i = 0; i < 2; i++) expect(await renderCommand([org], { format: 'md', out, force: true }, io(dir), session)).toBe(0);
    expect(session.handbook).toBeDefined();
    // Another render into the same directory writes the manifest anew: the session reads that one.
    expect(await renderCommand([org], { format: 'csv', out }, io(dir))).toBe(0);
    const csv = manifest().files.csv;
    edit(org, 'roles/sales.yaml', 'zh-CN: 零售销售 }', 'zh-CN: 零售销售主管 }');
    expect(await renderCommand([org], { format: 'md', out }, io(dir), session)).toBe(0);
    expect(manifest().files.csv).toEqual(csv);
    expect(Object.keys(manifest().files)).toEqual(['csv', 'md']);
    // The stat cache it saved, it has (as on disk).
    expect(session.handbook!.stats('md')).toBeDefined();
    // What it wrote last, it has: until the file says something else (even a newline more).
    expect(session.handbook!.manifest()).toEqual(manifest());
    expect(await renderCommand([org], { format: 'md', out, force: true }, io(dir), session)).toBe(0);
    const file = path.join(out, '.orgc-manifest.json');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    expect(session.handbook!.manifest()).toBeUndefined();
    // A page edited by hand meanwhile is made again, the kept stat cache notwithstanding.
    const page = path.join(out, 'roles/retail-sales.md');
    const before = readFileSync(page, 'utf8');
    writeFileSync(page, before.replace('零售销售主管', '零售销售主任'));
    edit(org, 'roles/leadership.yaml', 'zh-CN: 销售经理 }', 'zh-CN: 销售部经理 }');
    expect(await renderCommand([org], { format: 'md', out }, io(dir), session)).toBe(0);
    expect(await renderCommand([org], { format: 'md', out: path.join(dir, 'fresh') }, io(dir))).toBe(0);
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(path.join(dir, 'fresh/roles/retail-sales.md'), 'utf8'));
  });
});

describe('orgc render --watch', () => {
  it('renders again after each change of a file, remaking what the change reaches', async () => {
    const dir = mkdtempSync(path.join(tmp, 'cli-'));
    cpSync(`${ROOT}examples/sales-org`, path.join(dir, 'org'), { recursive: true });
    const watch = running(['render', '--watch'], dir, { ORGC_TIMING: '1', LC_ALL: 'en_US.UTF-8' });
    const { until, output } = watch;
    const page = () => readFileSync(path.join(dir, 'handbook/roles/retail-sales.md'), 'utf8');
    try {
      // `org/` is the default org; the handbook goes to `handbook/`, which the watch leaves alone.
      // stdout and stderr are two pipes: what one says may come before what the other said first.
      await until(() => output.stderr.includes('Ctrl-C stops') && /handbook: \d+ files, \d+ changed/.test(output.stdout));
      expect(page()).toContain('零售销售');
      edit(path.join(dir, 'org'), 'roles/sales.yaml', 'zh-CN: 零售销售 }', 'zh-CN: 零售销售主管 }');
      // Each run says its own timings, and kept pages the change did not reach.
      const runs = () => output.stderr.split('total (this run)');
      await until(() => output.stdout.split('\n').filter(Boolean).length >= 2 && runs().length >= 3);
      expect(page()).toContain('零售销售主管');
      const [, made, kept] = /pages made (\d+), kept (\d+)/.exec(runs()[1])!.map(Number);
      expect(made).toBeGreaterThan(0);
      expect(kept).toBeGreaterThan(0);
      // What the watch wrote is what a render writes.
      expect(orgc(['render', '--check'], { cwd: dir }).code).toBe(0);
    } finally {
      watch.stop();
    }
  }, 60_000);

  it('renders again when a template changes', async () => {
    const dir = mkdtempSync(path.join(tmp, 'templates-'));
    cpSync(`${ROOT}examples/quickstart/org.yaml`, path.join(dir, 'org.yaml'));
    mkdirSync(path.join(dir, 'tpl', 'md'), { recursive: true });
    const watch = running(['render', '--watch', '--templates', 'tpl'], dir, { LC_ALL: 'en_US.UTF-8' });
    const { until, output } = watch;
    const index = () => readFileSync(path.join(dir, 'handbook/index.md'), 'utf8');
    try {
      await until(() => output.stderr.includes('Ctrl-C stops'));
      expect(index()).not.toContain('Our own index');
      writeFileSync(path.join(dir, 'tpl', 'md', 'index.hbs'), '# Our own index of {{org.name}}\n');
      await until(() => index().includes('Our own index'));
    } finally {
      watch.stop();
    }
  }, 60_000);

  it('refuses --check and stdin', () => {
    const check = orgc(['render', '--watch', '--check', '--lang', 'en']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('--check writes nothing');
    const stdin = orgc(['render', '--watch', '-', '--lang', 'en']);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('stdin');
  });
});
