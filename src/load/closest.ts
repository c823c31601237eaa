// "Did you mean": the candidate closest to what was written, if it is close enough to be a typo.

/** Optimal string alignment distance: Levenshtein plus swaps of neighbours (`reprots` → `reports`). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * The closest candidate within a third of the word's length (at least one edit), ties broken by
 * the candidates' order so the answer is the same on every run.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === lower ? 0.5 : editDistance(lower, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** An entity as a name lookup sees it: its id and the names it is known by, in every language. */
export interface Named {
  id: string;
  names: readonly string[];
}

/**
 * The id of the entity a title or name was written for: `Sales Manager`, `sales manager` or
 * `销售经理` where `sales-manager` belongs. The id spelled like the text (`Sales_Manager`) wins,
 * then the first entity, in declaration order, with that name; `name` is the name it matched by.
 */
export function idForName(written: string, entities: Iterable<Named>): { id: string; name: string } | undefined {
  const text = normalizeName(written);
  if (!text) return undefined;
  const slug = written.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '-');
  let byName: { id: string; name: string } | undefined;
  for (const e of entities) {
    if (e.id === slug && e.id !== written) return { id: e.id, name: e.names[0] ?? e.id };
    if (byName) continue;
    const name = e.names.find((n) => normalizeName(n) === text);
    if (name !== undefined) byName = { id: e.id, name };
  }
  return byName;
}

/** Case, width (`Ｓａｌｅｓ`) and spacing (`KA客户经理` for `KA 客户经理`) do not tell names apart. */
function normalizeName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The names of a text value: a string, or one per language in a `{ en: …, zh-CN: … }` map. */
export function namesOf(text: unknown): string[] {
  if (typeof text === 'string') return [text];
  if (text && typeof text === 'object' && !Array.isArray(text)) return Object.values(text).filter((v): v is string => typeof v === 'string');
  return [];
}
