// SHA-256 of one string or buffer, as base64url: the hash of page keys and page contents.
//
// Why not createHash(...).update(...).digest(): each hash object costs OpenSSL 3 a fetch of the
// algorithm, 60–100 µs — more than hashing a 5 KB page. Rendering 10k roles hashes 20k times
// (a key and a content hash per page): about 1.5 s of CPU that way, under 0.2 s one-shot.
// crypto.hash (Node ≥ 20.12) keeps the algorithm; older Node 20 releases take the slow path.
// A long string (the RACI page of a large org, its key) is hashed a slice at a time instead: one
// object for it costs nothing beside hashing it whole, which is several times slower (long-text.ts).
import crypto from 'node:crypto';
import { SLICE, slices } from '../core/long-text.js';

const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'base64url') => string }).hash;

export function sha256(data: string | Uint8Array): string {
  if (typeof data === 'string' && data.length > SLICE) {
    const hash = crypto.createHash('sha256');
    for (const slice of slices(data)) hash.update(slice);
    return hash.digest('base64url');
  }
  return oneShot ? oneShot('sha256', data, 'base64url') : crypto.createHash('sha256').update(data).digest('base64url');
}
