// Quantities as written (`25%`, `120M CNY`, `1.5亿 CNY`, `24h`, `3y`) → numbers we can compare.
// The schema has already checked the grammar; these functions only read it.
import type { Quantity } from './types.js';

// 萬 and 億 are the Traditional forms of 万 and 亿 (zh-TW orgs write them).
const SCALE: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, 万: 1e4, 亿: 1e8, 萬: 1e4, 億: 1e8 };
const MINUTES: Record<string, number> = { min: 1, h: 60, d: 1440, w: 10080 };

export function parseQuantity(written: number | string): Quantity {
  if (typeof written === 'number') return { kind: 'number', value: written, text: String(written) };
  const text = written;
  let m = /^(-?[\d.]+)%$/.exec(text);
  if (m) return { kind: 'percent', value: Number(m[1]), text };
  m = /^([\d.]+)(min|h|d|w)$/.exec(text);
  if (m) return { kind: 'duration', value: Number(m[1]) * MINUTES[m[2]], text };
  m = /^([\d.]+)(K|M|B|万|亿|萬|億)? ?([A-Z]{3})$/.exec(text);
  if (m) return { kind: 'money', value: Number(m[1]) * (m[2] ? SCALE[m[2]] : 1), currency: m[3], text };
  return { kind: 'number', value: Number(text), text };
}

/** `3y` → 3. */
export function parseYears(written: string): number {
  return Number(written.slice(0, -1));
}

/** Minutes → the shortest exact way to write them (`1500` → `25h`, `2880` → `2d`). */
export function formatMinutes(minutes: number): string {
  for (const [unit, size] of [['w', 10080], ['d', 1440], ['h', 60]] as const) {
    if (minutes >= size && minutes % size === 0) return `${minutes / size}${unit}`;
  }
  if (minutes >= 60 && (minutes / 60) % 1 !== 0) return `${Math.round((minutes / 60) * 100) / 100}h`;
  return `${minutes}min`;
}
