// Scenarios: a variant written as what it adds, changes and removes over a base org. Applied before
// the model; every finding points into the file that caused it.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import yaml from 'yaml';
import { readFileSync } from 'node:fs';
import { lint } from '../../src/api/index.js';
import { mergePatch, patchWrites } from '../../src/load/merge-patch.js';
import { isScenario } from '../../src/load/scenario.js';
import { scenarioJsonSchema } from '../../src/schema/json-schema.js';
import { ROOT } from '../helpers/cli.js';

const BASE = `${ROOT}examples/sales-org`;

/** Lint a scenario given as text, its base the bundled example. */
async function scenario(text: string) {
  const result = await lint({ texts: { 'scenario.yaml': `orgc: 1\nscenario: { id: test, name: Test, base: ${BASE} }\n${text}` }, lang: 'en', cwd: ROOT });
  return result.diagnostics.map((d) => ({ at: `${path.basename(d.file)}:${d.range.start.line}:${d.range.start.column}`, rule: d.ruleId, message: d.message, related: d.related.map((r) => `${path.basename(r.file)}:${r.range.start.line}:${r.range.start.column}`), fix: d.fix?.text }));
}

describe('merge patch (RFC 7396)', () => {
  it('merges maps, removes keys set to null, replaces lists and scalars', () => {
    const base = { a: 1, b: { c: 2, d: 3 }, e: [1, 2] };
    expect(mergePatch(base, { a: 5, b: { c: null, f: 4 }, e: [3] })).toEqual({ a: 5, b: { d: 3, f: 4 }, e: [3] });
    expect(base).toEqual({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] });
    // The RFC's own example (Appendix A, a selection).
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch(['a', 'b'], ['c', 'd'])).toEqual(['c', 'd']);
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
  });

  it('knows which places a patch writes', () => {
    const patch = { headcount: 2, duties: { 'close-deals': 'R', gone: null }, tools: ['crm'] };
    expect(patchWrites(patch, ['headcount'])).toBe(true);
    expect(patchWrites(patch, ['duties', 'close-deals'])).toBe(true);
    expect(patchWrites(patch, ['duties', 'other'])).toBe(false);
    expect(patchWrites(patch, ['duties', 'gone'])).toBe(false);
    expect(patchWrites(patch, ['tools', 0])).toBe(true);
    expect(patchWrites(patch, ['tools', 1])).toBe(false);
    expect(patchWrites(patch, ['title'])).toBe(false);
    expect(patchWrites(patch, [])).toBe(false);
  });
});

describe('scenarios', () => {
  it('are told from org files by a top-level `scenario:` key', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(isScenario(bytes('orgc: 1\nscenario: { id: x, base: . }\n'))).toBe(true);
    expect(isScenario(bytes('\uFEFFscenario: { id: x, base: . }\n'))).toBe(true);
    expect(isScenario(bytes('orgc: 1\nroles:\n  scenario: {}\n  x: { notes: "scenario: no" }\n'))).toBe(false);
  });

  it('applies what it adds, changes and removes: the example scenarios validate clean', async () => {
    for (const name of readdirSync(`${ROOT}examples/scenarios`)) {
      const result = await lint({ files: [`examples/scenarios/${name}`], cwd: ROOT, lang: 'en' });
      expect(result.diagnostics.map((d) => `${d.file}:${d.range.start.line}: ${d.message}`), name).toEqual([]);
      expect(result.model, name).toBeDefined();
    }
    const split = await lint({ files: ['examples/scenarios/ka-split.yaml'], cwd: ROOT });
    const roles = split.model!.roles;
    expect(roles.has('ka-account-manager')).toBe(false);
    expect(roles.get('relationship-ka-manager')!.src.file).toBe('examples/scenarios/ka-split.yaml');
    expect(split.model!.people.get('chen-jie')!.role?.id).toBe('relationship-ka-manager');
    expect(split.model!.signals.has('ka-overload')).toBe(false);
    const ai = await lint({ files: ['examples/scenarios/ai-assist.yaml'], cwd: ROOT });
    expect(ai.model!.roles.get('sales-development-rep')!.headcount).toBe(3);
    // A patch changes only what it names: the rest of the role is the base's.
    expect(ai.model!.roles.get('sales-development-rep')!.duties.map((a) => a.duty.id)).toEqual(['research-market', 'generate-leads', 'qualify-leads', 'nurture-prospects']);
    expect(ai.model!.duties.get('generate-leads')!.effort).toBe(5);
  });

  it('points a finding at the scenario when its patch wrote the place, at the base otherwise', async () => {
    const found = await scenario(['change:', '  roles:', '    sales-development-rep: { headcount: four }', '    sales-consultant: { duties: { close-deals: null, closing: R } }'].join('\n'));
    expect(found.filter((f) => f.at.startsWith('scenario.yaml'))).toEqual([
      expect.objectContaining({ at: 'scenario.yaml:5:41', rule: 'schema', message: 'expected a whole number, found a string' }),
      expect.objectContaining({ at: 'scenario.yaml:6:54', rule: 'unknown-reference', message: 'unknown duty `closing`' }),
    ]);
    // What follows in the base from the change (close-deals taken from the consultant) is the base's.
    // (the hand-off it leads now has no owner; the KPI measuring it no longer fits its owner).
    expect(found.filter((f) => !f.at.startsWith('scenario.yaml')).map((f) => f.rule)).toEqual(['kpi-duty-fit', 'service-levels']);
    // A finding about an entity the scenario added points into its `add:` block.
    const added = await scenario(['add:', '  roles:', '    analyst: { title: Analyst, level: frontlin }'].join('\n'));
    expect(added).toEqual([expect.objectContaining({ at: 'scenario.yaml:5:39', rule: 'schema', fix: 'frontline' })]);
  });

  it('reports stale operations with a suggestion, and conflicts at both places', async () => {
    const found = await scenario(
      [
        'remove:',
        '  roles: [sales-consultant, sales-consultnt]',
        'add:',
        '  roles:',
        '    sales-rep: { title: Rep, level: frontline }',
        'change:',
        '  roles:',
        '    sales-manger: { headcount: 2 }',
        '    sales-consultant: { headcount: 2 }',
        '  reviews:',
        '    weekly-sales-review: { attendees: [sales-manager] }',
      ].join('\n'),
    );
    const ours = found.filter((f) => f.at.startsWith('scenario.yaml'));
    expect(ours).toEqual([
      expect.objectContaining({ at: 'scenario.yaml:4:29', rule: 'scenario', message: 'the base org has no `sales-consultnt` under `roles:` to remove: did you mean `sales-consultant`?', fix: 'sales-consultant' }),
      expect.objectContaining({ at: 'scenario.yaml:7:5', rule: 'scenario', message: expect.stringContaining('already has `sales-rep`') }),
      expect.objectContaining({ at: 'scenario.yaml:10:5', rule: 'scenario', fix: 'sales-manager' }),
      expect.objectContaining({ at: 'scenario.yaml:11:5', rule: 'scenario', message: expect.stringContaining('both removed and changed'), related: ['scenario.yaml:4:11'] }),
    ]);
    // What the base still says of a removed role is reported where the base says it, with the removal beside it.
    const stale = found.filter((f) => !f.at.startsWith('scenario.yaml') && f.rule === 'unknown-reference');
    expect(stale.length).toBeGreaterThan(0);
    for (const f of stale) {
      expect(f.message).toContain('sales-consultant');
      expect(f.related).toEqual(['scenario.yaml:4:11']);
    }
  });

  it('checks its envelope: fields, sections, the base, the signal it answers', async () => {
    const typo = await lint({ texts: { 's.yaml': 'orgc: 1\nscenario: { id: x, base: nowhere }\nchnage: {}\nadd: { role: {} }\n' }, lang: 'en', cwd: ROOT });
    expect(typo.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      '3:1 `chnage` is not a part of a scenario file: did you mean `change`?',
      '4:8 `role` is not a section of an org: did you mean `roles`?',
    ]);
    expect(typo.model).toBeUndefined();
    const missing = await lint({ texts: { 's.yaml': 'orgc: 1\nscenario: { id: x, base: nowhere }\n' }, lang: 'en', cwd: ROOT });
    expect(missing.diagnostics.map((d) => d.message)).toEqual(['there is no org at `nowhere`: write the path of the base org from this file, e.g. `../sales-org`']);
    const answers = await scenario('');
    expect(answers).toEqual([]);
    const wrong = await lint({ texts: { 's.yaml': `orgc: 1\nscenario: { id: x, base: ${BASE}, answers: ka-overlaod }\n` }, lang: 'zh-CN', cwd: ROOT });
    expect(wrong.diagnostics.map((d) => [d.message, d.fix?.text])).toEqual([['方案回应的信号 `ka-overlaod` 不在基础组织的 `signals:` 中', 'ka-overload']]);
    const mixed = await lint({ files: ['examples/scenarios/ka-split.yaml', 'examples/quickstart'], cwd: ROOT, lang: 'en' });
    expect(mixed.diagnostics.map((d) => d.ruleId)).toContain('scenario');
    expect(mixed.model).toBeUndefined();
  });

  it('applies its waves in date order, each on what the steps before it left', async () => {
    const text = [
      'change:',
      '  roles:',
      '    sales-development-rep: { headcount: 5 }',
      'waves:',
      '  - effective: 2027-04-01',
      '    name: hire',
      '    add:',
      '      roles:',
      '        analyst: { title: Analyst, level: frontline, reports_to: sales-manager, headcount: 1, duties: { research-market: C } }',
      '  - effective: 2027-10-01',
      '    change:',
      '      roles:',
      '        analyst: { headcount: 2 }',
      '        sales-development-rep: { headcount: 3 }',
    ].join('\n');
    const at = async (date?: string) => (await lint({ texts: { 'scenario.yaml': `orgc: 1\nscenario: { id: test, name: Test, base: ${BASE} }\n${text}` }, lang: 'en', cwd: ROOT, ...(date ? { at: date } : {}) })).model!.roles;
    const seats = (roles: Awaited<ReturnType<typeof at>>) => [roles.get('sales-development-rep')!.headcount, roles.get('analyst')?.headcount];
    expect(seats(await at('2027-01-01'))).toEqual([5, undefined]);
    expect(seats(await at('2027-04-01'))).toEqual([5, 1]);
    expect(seats(await at('2027-09-30'))).toEqual([5, 1]);
    expect(seats(await at())).toEqual([3, 2]);
    await expect(lint({ texts: { 's.yaml': 'orgc: 1\n' }, at: '2027-02-30' })).rejects.toMatchObject({ kind: 'usage', message: expect.stringContaining('YYYY-MM-DD') });
  });

  it('places findings in the wave that wrote the place, and reports waves out of order or gone stale', async () => {
    // Removed at once; a wave adds an analyst (a typo in its level), a later one changes it (a
    // headcount that is not a number) and the removed role.
    const waves = [
      'remove:',
      '  roles: [sales-consultant]',
      'waves:',
      '  - effective: 2027-07-01',
      '    add:',
      '      roles:',
      '        analyst: { title: Analyst, level: frontlin }',
      '  - effective: 2027-09-01',
      '    change:',
      '      roles:',
      '        analyst: { headcount: two }',
      '        sales-consultant: { headcount: 2 }',
    ];
    const found = await scenario([...waves, '  - effective: 2027-08-01', '    chnage: {}', '  - effective: 2027-13-01'].join('\n'));
    expect(found.filter((f) => f.at.startsWith('scenario.yaml')).map((f) => ({ at: f.at, message: f.message, related: f.related, fix: f.fix }))).toEqual([
      { at: 'scenario.yaml:15:16', message: 'the waves are listed in the order they take effect: 2027-08-01 comes after the wave before it (2027-09-01); move this wave up, or correct its date', related: [], fix: undefined },
      { at: 'scenario.yaml:16:5', message: '`chnage` is not a field of a wave: did you mean `change`?', related: [], fix: 'change' },
      { at: 'scenario.yaml:17:16', message: '`2027-13-01` is not a date: write the day the wave takes effect as `YYYY-MM-DD`, e.g. `2027-07-01`', related: [], fix: undefined },
    ]);
    const applied = await scenario(waves.join('\n'));
    expect(applied.filter((f) => f.at.startsWith('scenario.yaml')).map((f) => ({ at: f.at, rule: f.rule, related: f.related }))).toEqual([
      // The added entity's schema problem, in the wave that added it; the later wave's patch, in that wave.
      { at: 'scenario.yaml:9:43', rule: 'schema', related: [] },
      { at: 'scenario.yaml:13:31', rule: 'schema', related: [] },
      // A change of what an earlier step removed.
      { at: 'scenario.yaml:14:9', rule: 'scenario', related: ['scenario.yaml:4:11'] },
    ]);
    expect(applied.find((f) => f.rule === 'scenario')!.message).toBe('`sales-consultant` under `roles:` is removed by an earlier step of this scenario: change or remove it before that, or add it again');
  });

  it('has a JSON Schema the example scenarios match', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(scenarioJsonSchema());
    for (const name of readdirSync(`${ROOT}examples/scenarios`)) {
      const data = yaml.parse(readFileSync(`${ROOT}examples/scenarios/${name}`, 'utf8'));
      expect(validate(data) ? [] : validate.errors, name).toEqual([]);
    }
    expect(validate({ orgc: 1, scenario: { id: 'x', base: '.' }, remove: { role: ['a'] } })).toBe(false);
    // The committed copy editors point at is the generated one (`npm run schema`).
    expect(JSON.parse(readFileSync(`${ROOT}schemas/orgc.scenario.schema.json`, 'utf8'))).toEqual(scenarioJsonSchema());
  });
});
