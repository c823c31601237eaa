// Bytes → text. Org files are UTF-8 (a UTF-8 byte-order mark is accepted and dropped); anything
// else is reported at the first byte that is not, rather than parsed into mojibake.
import { Buffer, isUtf8 } from 'node:buffer';

export type Decoded = { ok: true; text: string } | { ok: false; messageId: string; data: Record<string, string | number>; offset: number };

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, messageId: 'utf16', data: {}, offset: 0 };
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = start ? bytes.subarray(start) : bytes;
  // Native validation, then a plain decode: several times faster than a fatal TextDecoder.
  if (!isUtf8(body)) {
    const bad = firstInvalidUtf8(body);
    return { ok: false, messageId: 'not-utf8', data: { byte: hex(body[bad]) }, offset: charOffset(body, bad) };
  }
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const nul = text.indexOf('\0');
  if (nul !== -1) return { ok: false, messageId: 'nul', data: {}, offset: nul };
  return { ok: true, text };
}

function hex(b: number | undefined): string {
  return '0x' + (b ?? 0).toString(16).toUpperCase().padStart(2, '0');
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return b.length;
}

/** The UTF-16 offset of a byte offset, decoding the valid prefix. */
function charOffset(b: Uint8Array, byteOffset: number): number {
  return new TextDecoder('utf-8').decode(b.subarray(0, byteOffset)).length;
}
