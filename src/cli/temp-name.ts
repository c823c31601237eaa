// Random suffixes for temporary file names (12 hex digits), so that two runs writing the same
// directory never share a temporary file. From Web Crypto's global, loaded on first use: importing
// `node:crypto` instead costs about 10 ms at start-up, which every `validate` would pay.
export function randomSuffix(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(6))).toString('hex');
}
