// Traditional Chinese with Taiwan wording, made from our Simplified message templates by OpenCC's
// dictionaries (opencc-js, cn → twp: characters and Taiwan phrases such as 默认 → 預設). Only
// orgc's own templates and words go through it, never the org's text: a title someone wrote in
// Simplified stays as they wrote it.
//
// The dictionaries take ~0.4 s to build, so they are loaded from node_modules on the first zh-TW
// text only (they stay out of the bundle, like pinyin-pro), and each template is converted once.
import { createRequire } from 'node:module';

type Convert = (text: string) => string;
let convert: Convert | undefined;
const cache = new Map<string, string>();

/**
 * Taiwan phrases that OpenCC's general dictionary gets wrong for an org design: 对象 in 汇报对象 is
 * the person reported to, not a programming object (物件).
 */
const FIXES: ReadonlyArray<readonly [RegExp, string]> = [[/物件/g, '對象']];

export function toTraditional(text: string): string {
  let out = cache.get(text);
  if (out === undefined) {
    convert ??= load();
    out = convert(text);
    for (const [from, to] of FIXES) out = out.replace(from, to);
    cache.set(text, out);
  }
  return out;
}

function load(): Convert {
  // createRequire, not import(): message formatting is synchronous, and this runs the same in the
  // bundle (import.meta.url is the bundle's file there) and under the tests.
  const requireHere = createRequire(import.meta.url);
  const { Converter } = requireHere('opencc-js/cn2t') as { Converter: (o: { from: string; to: string }) => Convert };
  return Converter({ from: 'cn', to: 'twp' });
}

let simplify: Convert | undefined;

/**
 * Traditional characters as Simplified, character by character (OpenCC tw → cn, no phrase
 * changes, so the text keeps its length and a match found in the result has the same place in
 * the original). For recognising words in the user's text (職位 as 职位, 總監 as 总监) against lists
 * written in Simplified — never to rewrite what the user wrote. Text without Han characters is
 * returned as it is, without loading the dictionaries.
 */
export function toSimplified(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  simplify ??= (() => {
    const requireHere = createRequire(import.meta.url);
    const { Converter } = requireHere('opencc-js/t2cn') as { Converter: (o: { from: string; to: string }) => Convert };
    return Converter({ from: 'tw', to: 'cn' });
  })();
  return simplify(text);
}
