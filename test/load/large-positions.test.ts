// Findings in a large file keep their exact line and column, although the fast parse records no
// positions: each is located afterwards by parsing the block of the entity it is about, never the
// whole file.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { ALL_CHECKS } from '../../src/report/catalogue.js';
import { resolveConfig } from '../../src/config/load.js';
import { runRules } from '../../src/check/index.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import { toDiagnostics } from '../../src/report/locate.js';

const base = syntheticOrg(6000).files.get('org.yaml')!;

/** Line and column (1-based) of an offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

/** The offset of the role entry that starts last before `fraction` of the text. */
function roleBefore(text: string, fraction: number): number {
  const roles = text.indexOf('\nroles:\n');
  const re = /\n {2}([a-z0-9-]+):\n {4}title:/g;
  re.lastIndex = roles;
  let last = -1;
  for (let m = re.exec(text); m && m.index < text.length * fraction; m = re.exec(text)) last = m.index + 1;
  expect(last).toBeGreaterThan(roles);
  return last;
}

async function analyse(text: string) {
  const loaded = await loadFiles([sourceFromBytes('org.yaml', Buffer.from(text))]);
  const findings = [...loaded.findings];
  if (findings.length === 0) {
    const built = buildModel(loaded.files);
    findings.push(...built.findings);
    if (built.model) findings.push(...runRules(built.model, resolveConfig({ extends: 'recommended' }, process.cwd(), process.cwd())));
  }
  const diagnostics = toDiagnostics(findings, loaded.files, ALL_CHECKS, { lang: 'en' });
  return { diagnostics, positions: loaded.files[0].positions! };
}

describe('positions in a large file', () => {
  it('a schema error deep in the file', async () => {
    expect(base.length).toBeGreaterThan(3_000_000);
    const at = base.indexOf('\n', roleBefore(base, 0.9)) + 1;
    const titleEnd = base.indexOf('\n', at) + 1;
    const text = `${base.slice(0, titleEnd)}    reprots_to: sales-director\n${base.slice(titleEnd)}`;
    const { diagnostics, positions } = await analyse(text);
    const where = diagnostics.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column}`);
    expect(where).toEqual([`unknown-key ${lineCol(text, titleEnd + 4)}-${4 + 'reprots_to'.length + 1}`]);
    expect(positions.parsedWholeFile).toBe(false);
  });

  it('a broken reference and a rule finding near the end', async () => {
    // A manager that does not exist, in a role two thirds down.
    const role = roleBefore(base, 0.66);
    const reportsTo = base.indexOf('    reports_to: ', role) + '    reports_to: '.length;
    const managerEnd = base.indexOf('\n', reportsTo);
    let text = `${base.slice(0, reportsTo)}nobody-here${base.slice(managerEnd)}`;
    // A role with no duties, last in the roles section.
    const people = text.indexOf('\npeople:\n') + 1;
    text = `${text.slice(0, people)}  lonely-role:\n    title: Lonely\n    level: frontline\n    reports_to: sales-director\n${text.slice(people)}`;
    const { diagnostics, positions } = await analyse(text);
    const byRule = (id: string) => diagnostics.filter((d) => d.ruleId === id).map((d) => `${d.range.start.line}:${d.range.start.column}`);
    expect(byRule('unknown-reference')).toEqual([lineCol(text, reportsTo)]);
    expect(diagnostics.find((d) => d.ruleId === 'unknown-reference')!.message).toMatch(/nobody-here/);
    const lonely = text.indexOf('  lonely-role:') + 2;
    expect(byRule('role-without-duties')).toEqual([lineCol(text, lonely)]);
    expect(positions.parsedWholeFile).toBe(false);
  });

  it('a hundred findings scan each section once', async () => {
    // Five copies of a defect for each rule (scripts/bench/defects.ts), spread over the file.
    const org = syntheticOrg(6000, { defects: 5 });
    const loaded = await loadFiles([sourceFromBytes('org.yaml', Buffer.from(org.files.get('org.yaml')!))]);
    const built = buildModel(loaded.files);
    // The generator's own config (first-line spans of 12), as the bench runs it.
    const config = resolveConfig({ extends: 'recommended', rules: { ...(parse(org.config!) as { rules: object }).rules, 'unused-definitions': 'warning' } }, process.cwd(), process.cwd());
    const diagnostics = toDiagnostics(runRules(built.model!, config), loaded.files, ALL_CHECKS, { lang: 'en' });
    expect(diagnostics.length).toBe(Object.values(org.expected!).reduce((a, b) => a + b, 0));
    const positions = loaded.files[0].positions!;
    expect(positions.parsedWholeFile).toBe(false);
    // roles, duties, kpis, service_levels, targets, signals, people, dimensions, competencies, pay_bands.
    expect(positions.sectionsScanned).toBeLessThanOrEqual(10);
  });
});
