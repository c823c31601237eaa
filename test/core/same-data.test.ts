// sameData tells what comparing JSON texts tells, for the values YAML gives: random documents,
// each compared with a copy and with a copy changed in one place.
import { describe, expect, it } from 'vitest';
import { sameData } from '../../src/core/same-data.js';
import { random } from '../../scripts/bench/synthetic-org.js';

function value(rand: () => number, depth: number): unknown {
  const r = rand();
  if (depth > 3 || r < 0.4) return [null, true, false, 0, 1, 2.5, -3, '', 'a', 'b', '1', 'null'][Math.floor(rand() * 12)];
  if (r < 0.7) return Array.from({ length: Math.floor(rand() * 4) }, () => value(rand, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rand() * 4); i > 0; i--) o[['a', 'b', 'c', 'd'][Math.floor(rand() * 4)]] = value(rand, depth + 1);
  return o;
}

/** A copy with one leaf, element or key changed, or keys in another order; sometimes none. */
function changed(v: unknown, rand: () => number): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0 || rand() < 0.2) return [...v, 'x'];
    const i = Math.floor(rand() * v.length);
    return v.map((x, j) => (j === i ? changed(x, rand) : structuredClone(x)));
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0 || rand() < 0.15) return { ...structuredClone(v), e: 1 };
    if (entries.length > 1 && rand() < 0.2) return Object.fromEntries(structuredClone(entries).reverse());
    const i = Math.floor(rand() * entries.length);
    return Object.fromEntries(entries.map(([k, x], j) => [k, j === i ? changed(x, rand) : structuredClone(x)]));
  }
  return rand() < 0.5 ? v : ['z', 7, null, false][Math.floor(rand() * 4)];
}

describe('sameData', () => {
  it('agrees with comparing JSON texts on random YAML values', () => {
    const rand = random(3);
    let differ = 0;
    for (let n = 0; n < 5000; n++) {
      const a = value(rand, 0);
      const b = changed(a, rand);
      expect(sameData(a, structuredClone(a))).toBe(true);
      const json = JSON.stringify(a) === JSON.stringify(b);
      expect(sameData(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(json);
      if (!json) differ++;
    }
    // Most changes change something: the comparison is tested both ways.
    expect(differ).toBeGreaterThan(2500);
  });

  it('compares what is not a plain mapping as its JSON', () => {
    expect(sameData(new Date(0), new Date(0))).toBe(true);
    expect(sameData(new Date(0), new Date(1))).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
  });
});
