// A role's level guessed from the words of its title (Director → strategic, 经理 → tactical), before
// its place in the reporting tree is used. Users give their own words with `--levels <file>`: a
// YAML map from words to levels, checked in its order before the built-in list below.
import { toSimplified } from '../i18n/traditional.js';
import { LEVELS, type RoleLevel } from '../schema/grammar.js';

export type LevelWords = ReadonlyArray<readonly [word: string, level: RoleLevel]>;

/**
 * The built-in words, first match wins: individual-contributor titles that contain a rank word
 * come first ("Account Manager" is not a manager of people), then ranks, then kinds of work.
 */
export const DEFAULT_LEVEL_WORDS: LevelWords = [
  ...words('frontline', ['account manager', 'key account manager', 'account executive', 'sales representative', 'sales development representative', 'business development representative', '客户经理', '销售代表', '销售顾问', '大客户经理']),
  ...words('operations', ['customer success manager', '客户成功经理']),
  ...words('frontline', ['product manager', 'project manager', 'program manager', '产品经理', '项目经理']),
  ...words('strategic', ['ceo', 'cto', 'coo', 'cfo', 'cro', 'cmo', 'cio', 'cpo', 'chief', 'president', 'founder', 'co-founder', 'vp', 'svp', 'evp', 'vice president', 'director', 'head', 'general manager', '总裁', '副总裁', '总经理', '副总经理', '首席', '董事', '创始人', '总监', '副总']),
  ...words('tactical', ['manager', 'lead', 'leader', 'supervisor', 'team lead', '经理', '主管', '组长', '负责人', '主任', '队长', '店长']),
  ...words('operations', ['customer success', 'customer operations', 'renewals', '客户成功', '客户运营', '客服']),
  ...words('support', ['support', 'operations', 'enablement', 'coordinator', 'assistant', 'administrator', 'analyst', '支持', '助理', '运营', '文员', '分析']),
  ...words('frontline', ['representative', 'executive', 'engineer', 'developer', 'designer', 'consultant', 'specialist', 'associate', 'advocate', '代表', '顾问', '专员', '工程师', '销售']),
];

const OWN = new Set<readonly [string, RoleLevel]>(DEFAULT_LEVEL_WORDS);

function words(level: RoleLevel, list: string[]): Array<[string, RoleLevel]> {
  return list.map((w) => [w, level]);
}

export interface LevelGuess {
  level: RoleLevel;
  /** The word of the title that decided it, or undefined when the tree did. */
  word?: string;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Compiled once per run: a word matches as a whole word in Latin script, anywhere in Chinese.
 * Chinese is compared in Simplified characters, so Traditional titles and words (總監, 經理) match
 * the same words; the word reported is the title's own, as the user wrote it.
 */
export function levelMatcher(list: LevelWords): (title: string) => LevelGuess | undefined {
  const tests = list.map((entry) => {
    const [word, level] = entry;
    // The built-in words are in Simplified already (test/import/people.test.ts checks): only the
    // user's go through the conversion, which loads its dictionaries (~0.1 s) on the first Han.
    const w = OWN.has(entry) ? word.toLowerCase() : toSimplified(word.toLowerCase());
    const test = CJK.test(w) ? (t: string) => t.includes(w) : wholeWord(w);
    return { word, level, test };
  });
  return (title) => {
    const lower = title.toLowerCase();
    const t = toSimplified(lower);
    for (const { word, level, test } of tests) {
      if (!test(t)) continue;
      // The conversion is character by character: where the title was Traditional, its own word is at the same place.
      const at = t === lower || t.length !== lower.length ? -1 : t.indexOf(toSimplified(word.toLowerCase()));
      return { level, word: at === -1 ? word : title.slice(at, at + word.length) };
    }
    return undefined;
  };
}

/**
 * A test for `word` as a whole word of a title (lowercase). The word is in the title before it is
 * a whole word of it: looking for the text first is much cheaper than the expression, and most
 * titles have none of the hundred words.
 */
function wholeWord(word: string): (title: string) => boolean {
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
  return (title) => title.includes(word) && re.test(title);
}

/** What is wrong with a `--levels` file: a line of the CLI catalogue and its data. */
export interface LevelsProblem {
  messageId: 'levels-not-map' | 'levels-bad-level';
  data: Record<string, string>;
}

/** Reads a `--levels` file's parsed YAML: `{ "Account Manager": frontline, 总监: strategic }`. */
export function parseLevelWords(data: unknown): LevelWords | LevelsProblem {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { messageId: 'levels-not-map', data: {} };
  const out: Array<[string, RoleLevel]> = [];
  for (const [word, level] of Object.entries(data)) {
    if (!(LEVELS as readonly string[]).includes(String(level))) return { messageId: 'levels-bad-level', data: { word, level: String(level), levels: LEVELS.join(', ') } };
    out.push([word, level as RoleLevel]);
  }
  return out;
}
