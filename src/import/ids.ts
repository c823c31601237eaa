// Ids made from names people wrote: accents dropped (Kraków → krakow), Chinese in pinyin
// (销售总监 → xiao-shou-zong-jian), Markdown gone; lowercase ASCII words joined by hyphens.
import { importExternal } from '../external.js';
import { MAX_ID } from '../schema/grammar.js';
import { MARKUP, plainText } from './titles.js';

// Regular expressions as constants: one written in a function is a new object at every call, and
// an import makes an id for every role and every person.
const HAN = /\p{Script=Han}/u;
const ASCII = /^[\x00-\x7f\u00b7]*$/;
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

/**
 * `words` as an id's base: each run of characters other than `a-z0-9` a hyphen, none at either
 * end, at most MAX_ID - 4 characters (room for a `-N` suffix), no hyphen at the end.
 *
 * Why a loop and not four regular expressions: an import makes 164,000 ids at 100,000 people,
 * and the replacements (`-+$` and `^-+|-+$` try every position of a long role title) took ~1.5 µs
 * of each. `referenceBase` in test/import/ids.test.ts is the regular expressions' version.
 */
export function idBase(words: string): string {
  // The alphanumeric runs, joined by hyphens; most ids have a handful.
  let out = '';
  let start = -1;
  const length = words.length;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? words.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out = out === '' ? words.slice(start, i) : `${out}-${words.slice(start, i)}`;
      start = -1;
    }
  }
  return out.length > MAX_ID - 4 ? out.slice(0, MAX_ID - 4).replace(END_HYPHENS, '') : out;
}

/** Unique ids within one kind of thing; names without a Latin or Chinese letter get `prefix-N`. */
export class Ids {
  private used = new Set<string>();
  private counters = new Map<string, number>();
  /** The next suffix to try per base, so that 100,000 people called Wang Wei cost no more than one. */
  private next = new Map<string, number>();
  /** asciiWords of the names given with a `suffix`: names repeat, and transliterating one is slow. */
  private words = new Map<string, string>();

  /**
   * An unused id for `name`, or for `name suffix` (a person's name and employee id): the same id
   * either way, but the name's words are made once for all the people of that name.
   */
  make(name: string, prefix: string, suffix = ''): string {
    let words: string;
    // `name suffix` reads as the two apart, joined by a space, when neither has markup (plainText
    // would read the two together: `<` and `>`) nor Chinese (pinyin reads a run of Han
    // characters, and what is next to it, as one); NFKD, marks and lowercasing (final sigma
    // included) read a space as the end of a word. test/import/ids.test.ts checks the two.
    if (suffix !== '' && !MARKUP.test(name) && !MARKUP.test(suffix) && !HAN.test(name) && !HAN.test(suffix)) {
      let w = this.words.get(name);
      if (w === undefined) this.words.set(name, (w = asciiWords(name)));
      words = `${w} ${asciiWords(suffix)}`;
    } else words = asciiWords(suffix === '' ? name : `${name} ${suffix}`);
    let base = idBase(words);
    if (base === '') {
      const n = (this.counters.get(prefix) ?? 0) + 1;
      this.counters.set(prefix, n);
      base = `${prefix}-${n}`;
    } else {
      // A base is lowercase words joined by hyphens: an id where it starts with a letter.
      const c = base.charCodeAt(0);
      if (!(c >= 97 && c <= 122)) base = `${prefix}-${base}`;
    }
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
