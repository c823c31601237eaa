// One check of the target tree for every format: the page, the sheet and the JSON say the same.
import type { Target } from '../model/types.js';

/**
 * What a target's parts add up to, and whether that is the target: for amounts and counts split
 * into parts of the same kind and currency (shares do not add up), else null. The target-tree page
 * shows the same check.
 */
export function partsSum(t: Target): { value: number; matches: boolean } | null {
  if (t.children.length === 0 || (t.value.kind !== 'money' && t.value.kind !== 'number')) return null;
  if (t.children.some((c) => c.value.kind !== t.value.kind || c.value.currency !== t.value.currency)) return null;
  let value = 0;
  for (const c of t.children) value += c.value.value;
  return { value, matches: Math.abs(value - t.value.value) <= Math.max(1e-9, Math.abs(t.value.value) * 1e-9) };
}
