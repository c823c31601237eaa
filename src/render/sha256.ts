// SHA-256 of one string or buffer, as base64url: the hash of page keys and page contents.
//
// Why not createHash(...).update(...).digest(): each hash object costs OpenSSL 3 a fetch of the
// algorithm, 60–100 µs — more than hashing a 5 KB page. Rendering 10k roles hashes 20k times
// (a key and a content hash per page): about 1.5 s of CPU that way, under 0.2 s one-shot.
// crypto.hash (Node ≥ 20.12) keeps the algorithm; older Node 20 releases take the slow path.
import crypto from 'node:crypto';

const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'base64url') => string }).hash;

export function sha256(data: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', data, 'base64url') : crypto.createHash('sha256').update(data).digest('base64url');
}
