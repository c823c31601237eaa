// A complete diff: every change to any part of the model is reported, and nothing else. For random
// orgs using every section and field of the language, and one change to one field or entity, the
// diff is empty exactly when the resolved models are equal (scripts/fuzz/diff-properties.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diffCase, diffIsComplete, FIELDS, renameIds, richOrg, SECTIONS, slotsOf, tally, type OrgData } from '../../scripts/fuzz/diff-properties.js';
import { orgc, ROOT } from '../helpers/cli.js';
import { golden } from '../helpers/golden.js';

const SEED = 20261127;

describe('the diff misses nothing', () => {
  it('mutates every field of every definition of the JSON Schema, and no other', () => {
    const schema = JSON.parse(readFileSync(`${ROOT}schemas/orgc.schema.json`, 'utf8'));
    const defs = schema.$defs as Record<string, { properties?: Record<string, unknown> }>;
    for (const [name, def] of Object.entries(defs)) {
      if (!def.properties) continue;
      let fields = Object.keys(def.properties);
      // A file's own keys: its format version, its `org`, its sections (each entry mutated through its
      // definition) and its notes — about the file, not the org, and the same file is named differently
      // on the two sides of a diff (`main:org/roles.yaml`, `org/roles.yaml`), so not compared.
      if (name === 'OrgFile') fields = fields.filter((f) => !['orgc', 'org', 'notes', ...SECTIONS.map(([s]) => s)].includes(f));
      expect(Object.keys(FIELDS[name] ?? {}), name).toEqual(fields);
    }
    expect(SECTIONS.map(([s]) => s).sort()).toEqual(Object.keys(defs.OrgFile.properties!).filter((f) => !['orgc', 'org', 'notes', 'competency_levels'].includes(f)).sort());
  });

  it('is empty exactly when the models are equal, for random changes to random orgs', async () => {
    const before = { ...tally };
    await fc.assert(fc.asyncProperty(diffCase, diffIsComplete), { seed: SEED, numRuns: 300 });
    // Both halves of "exactly when" were tried, and no mutated org was refused by the schema.
    expect(tally.equal - before.equal).toBeGreaterThan(30);
    expect(tally.differ - before.differ).toBeGreaterThan(150);
    expect(tally.skipped).toBe(before.skipped);
  }, 120_000);

  it('is empty exactly when the models are equal, for two changes to each field of three orgs', async () => {
    for (const seed of [1, 2, 3]) {
      const slots = slotsOf(richOrg(seed)).length;
      for (let slot = 0; slot < slots; slot++) {
        for (let k = 0; k < 2; k++) {
          const mutation = seed * 100_000 + slot * 10 + k;
          await diffIsComplete({ seed, mutation, slot });
        }
      }
    }
  }, 300_000);
});

describe('orgc diff reports the new kinds of change', () => {
  const head = path.join(mkdtempSync(path.join(tmpdir(), 'orgc-diff-')), 'org');
  cpSync(`${ROOT}examples/sales-org`, head, { recursive: true });
  const file = path.join(head, 'performance.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'signals:\n',
      `signals:\n  ka-churn:\n    name: { en: KA churn rises, zh-CN: 大客户流失上升 }\n    watch: online-lead-share\n    when: '> 40%'\n    change: retire\n    role: ka-account-manager\n`,
    ),
  );

  it('a new adaptation signal, in en and zh-CN, text and Markdown', () => {
    const en = orgc(['diff', 'examples/sales-org', head, '--lang', 'en']);
    expect(en.stdout).toContain(': 1 metric/review/signal change; no change in findings\n');
    expect(en.stdout).toContain('\nMetrics, reviews and adaptation signals:\n  + New adaptation signal KA churn rises (ka-churn)\n');
    const zh = orgc(['diff', 'examples/sales-org', head, '--lang', 'zh-CN', '--format', 'md']);
    expect(zh.stdout).toContain('1 处指标/复盘/信号变化；问题没有变化');
    expect(zh.stdout).toContain('<details><summary>指标、复盘会议与调整信号 (1)</summary>\n\n- 新增 调整信号 **大客户流失上升** (`ka-churn`)\n');
    const json = JSON.parse(orgc(['diff', 'examples/sales-org', head, '--format', 'json']).stdout);
    expect(json.changes).toEqual([{ kind: 'signal-added', item: { id: 'ka-churn', title: '大客户流失上升' } }]);
  });
});

describe('orgc diff of a change to many parts of the example', () => {
  // The example with one change to each of many parts of it, and a role and a duty renamed.
  const head = path.join(mkdtempSync(path.join(tmpdir(), 'orgc-diff-')), 'org');
  cpSync(`${ROOT}examples/sales-org`, head, { recursive: true });
  const files = ['org.yaml', 'duties.yaml', 'process.yaml', 'performance.yaml', 'people.yaml', 'roles/leadership.yaml', 'roles/sales.yaml', 'roles/service.yaml'].filter((f) => existsSync(path.join(head, f)));
  const docs = files.map((f) => jsYaml.load(readFileSync(path.join(head, f), 'utf8')) as OrgData);
  const find = (section: string) => docs.find((d) => d[section])![section];
  renameIds(docs, new Map([['sales-rep', 'account-executive']]), new Map([['set-sales-strategy', 'set-strategy']]));
  find('org').notes = 'Reviewed by HR, 2027-Q1';
  find('tools').crm.name = { en: 'Salesforce CRM', 'zh-CN': 'Salesforce' };
  find('metrics')['win-rate'] = { name: { en: 'Win rate', 'zh-CN': '赢单率' }, unit: '%' };
  find('dimensions').tier.values.ka.name = { en: 'Key accounts', 'zh-CN': '重点客户' };
  find('competencies')['strategic-planning'].levels = ['L1', 'L2', 'L3', 'L4', 'L5'];
  const acquisition = find('process').acquisition;
  acquisition.steps = Object.fromEntries(Object.entries(acquisition.steps).reverse());
  const reviews = find('reviews');
  reviews[Object.keys(reviews)[0]].cadence = 'biweekly';
  const people = find('people');
  people[Object.keys(people)[0]].experience = '10y';
  find('roles')['sales-director'].purpose = { en: 'Owns the sales strategy.', 'zh-CN': '负责销售战略。' };
  files.forEach((f, i) => writeFileSync(path.join(head, f), jsYaml.dump(docs[i], { lineWidth: -1 })));

  for (const lang of ['en', 'zh-CN']) {
    it(`reads the same every time, in text and Markdown (${lang})`, () => {
      for (const format of ['text', 'md']) {
        const r = orgc(['diff', 'examples/sales-org', head, '--lang', lang, '--format', format]);
        expect(r).toMatchObject({ code: 0, stderr: '' });
        expect(orgc(['diff', 'examples/sales-org', head, '--lang', lang, '--format', format]).stdout).toBe(r.stdout);
        golden(`many-parts.${lang}.${format === 'md' ? 'md' : 'txt'}`, r.stdout.split(path.relative(ROOT, head)).join('<head>').split(head).join('<head>'));
      }
    });
  }
});
