// Ids made from names people wrote: accents dropped (Kraków → krakow), Chinese in pinyin
// (销售总监 → xiao-shou-zong-jian), Markdown gone; lowercase ASCII words joined by hyphens.
import { importExternal } from '../external.js';
import { ID_PATTERN, MAX_ID } from '../schema/grammar.js';
import { plainText } from './titles.js';

// Regular expressions as constants: one written in a function is a new object at every call, and
// an import makes an id for every role and every person.
const ID = new RegExp(ID_PATTERN);
const HAN = /\p{Script=Han}/u;
const ASCII = /^[\x00-\x7f\u00b7]*$/;
const NOT_ID = /[^a-z0-9]+/g;
const EDGE_HYPHENS = /^-+|-+$/g;
const END_HYPHENS = /-+$/;
const MARKS = /\p{M}+/gu;
const UNDECOMPOSED = /[øłđðþßæœıħŋ]/g;

let pinyin: typeof import('pinyin-pro').pinyin | undefined;

/**
 * Loads the transliteration into pinyin (1.2 MB of dictionary) for a run that meets Chinese: it
 * stays out of the bundle that every command, however small, loads at start-up.
 */
export async function loadPinyin(): Promise<void> {
  pinyin ??= (await importExternal<typeof import('pinyin-pro')>('pinyin-pro')).pinyin;
}

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', ŋ: 'n' };

/** A name as ASCII words: "Ólafur Páll" → "olafur pall", "王芳" → "wang fang". */
export function asciiWords(name: string): string {
  let text = plainText(name);
  // Plain ASCII, most names in most exports, nothing to transliterate; nor in the middle dots that
  // the import puts between the parts of a role's title (`·` has no decomposition, and it is not a
  // letter: it becomes a hyphen like a space does).
  if (ASCII.test(text)) return text.toLowerCase();
  if (HAN.test(text)) {
    if (!pinyin) throw new Error('asciiWords: call loadPinyin() before transliterating Chinese');
    text = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ');
  }
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(UNDECOMPOSED, (c) => LETTERS[c]);
}

/** Unique ids within one kind of thing; names without a Latin or Chinese letter get `prefix-N`. */
export class Ids {
  private used = new Set<string>();
  private counters = new Map<string, number>();
  /** The next suffix to try per base, so that 100,000 people called Wang Wei cost no more than one. */
  private next = new Map<string, number>();

  make(name: string, prefix: string): string {
    let base = asciiWords(name).replace(NOT_ID, '-').replace(EDGE_HYPHENS, '').slice(0, MAX_ID - 4).replace(END_HYPHENS, '');
    if (base === '') {
      const n = (this.counters.get(prefix) ?? 0) + 1;
      this.counters.set(prefix, n);
      base = `${prefix}-${n}`;
    } else if (!ID.test(base)) base = `${prefix}-${base}`;
    // Added and checked in one look-up: a set of 100,000 ids is slow to search twice.
    const size = this.used.size;
    if (this.used.add(base).size > size) return base;
    let i = this.next.get(base) ?? 2;
    while (this.used.has(`${base}-${i}`)) i++;
    const id = `${base}-${i}`;
    this.next.set(base, i + 1);
    this.used.add(id);
    return id;
  }
}
