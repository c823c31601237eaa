// The promise of `orgc import`, over random exports: every person→manager line in the export is a
// role→role line in the draft (a second manager a dotted line), whatever the tree, however titles
// are shared across teams, and splits of equal size are reported as ties, never settled silently.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPinyin } from '../src/import/ids.js';
import { importPeople } from '../src/import/people.js';

interface Export {
  titles: string[];
  /** Manager of person i: an earlier person, or -1. */
  managers: number[];
  /** A second manager of person i, or -1. */
  dotted: number[];
}

const TITLES = ['Account Executive', 'Sales Manager', 'SDR', 'Sales Director', '销售代表'];

const anExport: fc.Arbitrary<Export> = fc
  .integer({ min: 1, max: 60 })
  .chain((n) =>
    fc.record({
      titles: fc.array(fc.constantFrom(...TITLES), { minLength: n, maxLength: n }),
      managers: fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: i - 1 }) }, { weight: 1, arbitrary: fc.constant(-1) })))),
      dotted: fc.tuple(...Array.from({ length: n }, () => fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: n - 1 }) }))),
    }),
  );

function csv(e: Export): string {
  const rows = ['Employee ID,Name,Title,Manager ID,Dotted Line Manager'];
  e.titles.forEach((title, i) => {
    const dotted = e.dotted[i] !== -1 && e.dotted[i] !== i && e.dotted[i] !== e.managers[i] ? `E${e.dotted[i]}` : '';
    rows.push(`E${i},Person ${i},${title},${e.managers[i] === -1 ? '' : `E${e.managers[i]}`},${dotted}`);
  });
  return rows.join('\n') + '\n';
}

describe('orgc import over random exports', () => {
  beforeAll(loadPinyin);

  it('keeps every reporting line as a role line, every second manager as a dotted line, and lists ties as ties', () => {
    fc.assert(
      fc.property(anExport, (e) => {
        const { org, report } = importPeople(csv(e), { language: 'en', source: 'people.csv' });
        const roles = org.roles as Record<string, { title: string; reports_to?: string; dotted_line_to?: string[]; headcount: number }>;
        const people = org.people as Record<string, { name: string; role: string }>;
        const roleOf = new Map(Object.values(people).map((p) => [p.name, p.role]));
        const role = (i: number) => roleOf.get(`Person ${i}`)!;
        const n = e.titles.length;
        let lines = 0;
        for (let i = 0; i < n; i++) {
          const m = e.managers[i];
          if (m !== -1) {
            lines++;
            expect(roles[role(i)].reports_to, `person ${i} → ${m}`).toBe(role(m));
          } else expect(roles[role(i)].reports_to).toBeUndefined();
          const d = e.dotted[i];
          if (d !== -1 && d !== i && d !== m && role(d) !== role(i) && role(d) !== roles[role(i)].reports_to) {
            expect(roles[role(i)].dotted_line_to ?? [], `person ${i} ⇢ ${d}`).toContain(role(d));
          }
        }
        expect(report.lines).toMatchObject({ total: lines, kept: lines });
        // One role per title a reader can tell apart, headcount adding up to the people.
        const titles = Object.values(roles).map((r) => r.title);
        expect(new Set(titles).size).toBe(titles.length);
        expect(Object.values(roles).reduce((s, r) => s + r.headcount, 0)).toBe(n);
        // Reporting lines between roles form a tree.
        for (const id of Object.keys(roles)) {
          let steps = 0;
          for (let r: string | undefined = id; r !== undefined; r = roles[r].reports_to) expect(++steps).toBeLessThanOrEqual(titles.length);
        }
        // No manager role chosen over another; equal splits said to be ties.
        const messages = [...report.splits, ...report.problems.map((p) => p.message)];
        expect(messages.filter((m) => /\bchose\b/.test(m))).toEqual([]);
        for (const split of report.splits) {
          const sizes = [...split.matchAll(/\((\d+)\)(?:;|$| —)/g)].map((x) => Number(x[1])).sort((a, b) => b - a);
          expect(split.includes('a tie'), split).toBe(sizes[0] === sizes[1]);
        }
      }),
      { numRuns: 300, seed: 20 },
    );
  });

  it('gives the same draft for the same export', () => {
    fc.assert(
      fc.property(anExport, (e) => {
        const a = importPeople(csv(e), { language: 'en', source: 'people.csv' });
        const b = importPeople(csv(e), { language: 'en', source: 'people.csv' });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 50, seed: 20 },
    );
  });
});
