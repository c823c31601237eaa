// Long strings handed to Node a slice at a time.
//
// Why: Node turns a string it is asked to write or hash into one buffer of its whole UTF-8
// encoding, and for strings of tens of megabytes that costs many times what the same work costs in
// slices (Node 20, 2-core VM: an 80 MB string written with writeFileSync in 0.9–1.5 s, in 64 K
// slices in 0.04–0.09 s; hashed with crypto.hash in 0.65–1.0 s, in slices in 0.08–0.15 s). A
// large org's handbook has such strings: the RACI page of 100k roles is 63 MB, the manifest 23 MB,
// the RACI page's key 88 MB of JSON. Below a slice, a string goes to Node as it is.

/** Characters in a slice: large enough that a slice costs little, small enough to stay cheap to encode. */
export const SLICE = 1 << 16;

/** `text` in pieces of about `size` characters, never cut between the two halves of a surrogate pair. */
export function* slices(text: string, size = SLICE): Generator<string> {
  for (let i = 0; i < text.length; ) {
    let j = Math.min(text.length, i + size);
    // A lone half of a pair would be encoded as U+FFFD: the pair stays in one slice.
    if (j < text.length && isHighSurrogate(text.charCodeAt(j - 1))) j++;
    yield text.slice(i, j);
    i = j;
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
