// The comparison as a table: one column per design (the base first), one row per figure, each
// scenario's cell carrying its change from the base. Numbers stay numbers here; format.ts words
// them in the reader's language.
import type { Change } from '../diff/compare.js';
import type { Figures } from './figures.js';
import { SPAN_BANDS } from './figures.js';

export interface Design {
  /** As given on the command line. */
  spec: string;
  /** The scenario's id, or the org's, and its name. */
  id: string;
  name: string;
  /** Undefined when the design does not load (its findings say why). */
  figures?: Figures;
  /** What the scenario changes against the base (the diff); absent for the base. */
  changes?: Change[];
}

export type Unit = 'count' | 'ratio' | 'money' | 'percent';

/** A figure: one or more numbers (min / median / max), each with its change from the base. */
export interface Cell {
  values: (number | undefined)[];
  deltas?: (number | undefined)[];
}

export interface Row {
  id: string;
  unit: Unit;
  currency?: string;
  /** Whether a rise is good (capacity), bad (open seats, findings), or neither (roles). */
  better?: 'higher' | 'lower';
  cells: Cell[];
}

type Pick = (f: Figures) => (number | undefined)[];

const ROWS: Array<{ id: string; unit: Unit; better?: 'higher' | 'lower'; pick: Pick; money?: boolean }> = [
  { id: 'roles', unit: 'count', pick: (f) => [f.roles] },
  { id: 'seats', unit: 'count', pick: (f) => [f.seats] },
  { id: 'open', unit: 'count', better: 'lower', pick: (f) => [f.open] },
  { id: 'manager-ratio', unit: 'ratio', pick: (f) => [f.managerSeats > 0 ? f.icSeats / f.managerSeats : undefined] },
  { id: 'span', unit: 'ratio', pick: (f) => [f.span?.min, f.span?.median, f.span?.max] },
  { id: 'span-bands', unit: 'count', pick: (f) => SPAN_BANDS.map((b) => f.spanBands[b.id]) },
  { id: 'layers', unit: 'count', better: 'lower', pick: (f) => [f.layers] },
  { id: 'accountable', unit: 'ratio', pick: (f) => [f.accountable?.median, f.accountable?.max] },
  { id: 'responsible', unit: 'ratio', pick: (f) => [f.responsible?.median, f.responsible?.max] },
  { id: 'quota-capacity', unit: 'money', better: 'higher', money: true, pick: (f) => [f.quota?.capacity] },
  { id: 'quota-assigned', unit: 'money', money: true, pick: (f) => [f.quota?.quota] },
  { id: 'revenue-target', unit: 'money', money: true, pick: (f) => [f.quota?.target] },
  { id: 'capacity-cover', unit: 'percent', better: 'higher', pick: (f) => [f.quota?.target ? f.quota.capacity / f.quota.target : undefined] },
  { id: 'over-assignment', unit: 'percent', pick: (f) => [f.quota?.target ? f.quota.quota / f.quota.target - 1 : undefined] },
  { id: 'coverage-gaps', unit: 'count', better: 'lower', pick: (f) => [f.coverageGaps] },
  { id: 'findings', unit: 'count', better: 'lower', pick: (f) => [f.findings.error, f.findings.warning, f.findings.info] },
];

export function comparisonRows(designs: readonly Design[]): Row[] {
  const base = designs[0]?.figures;
  const rows: Row[] = [];
  for (const row of ROWS) {
    const baseValues = base ? row.pick(base) : [];
    const cells = designs.map((d, i): Cell => {
      if (!d.figures) return { values: [] };
      const values = row.pick(d.figures);
      if (i === 0 || !base) return { values };
      return { values, deltas: values.map((v, k) => (v === undefined || baseValues[k] === undefined ? undefined : round(v - baseValues[k]!))) };
    });
    // A figure no design has (no quotas anywhere) is left out rather than shown empty.
    if (cells.every((c) => c.values.every((v) => v === undefined))) continue;
    const currency = row.money ? designs.map((d) => d.figures?.quota?.currency).find((c) => c) : undefined;
    rows.push({ id: row.id, unit: row.unit, ...(row.better ? { better: row.better } : {}), ...(currency ? { currency } : {}), cells });
  }
  return rows;
}

/** Differences below a millionth are float noise, not a change. */
function round(n: number): number {
  return Math.abs(n) < 1e-6 ? 0 : n;
}
