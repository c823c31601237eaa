// Writing to a file synchronously: every byte, and text that may be tens of megabytes (a 100k-role
// org's RACI page, its manifest) a slice at a time, which Node does many times faster than one
// long string (src/core/long-text.ts).
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { SLICE, slices } from '../core/long-text.js';

/** Every byte of `bytes` to `fd`: a write may take fewer bytes than it is given, and the rest follows. */
export function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/** `text` to `fd` in UTF-8, a slice at a time. */
export function writeTextToFd(fd: number, text: string): void {
  for (const slice of slices(text)) writeAllSync(fd, Buffer.from(slice, 'utf8'));
}

/** writeFileSync(file, text) in UTF-8. */
export function writeTextSync(file: string, text: string): void {
  if (text.length <= SLICE) return writeFileSync(file, text);
  const fd = openSync(file, 'w');
  try {
    writeTextToFd(fd, text);
  } finally {
    closeSync(fd);
  }
}
