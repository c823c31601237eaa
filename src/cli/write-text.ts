// writeFileSync for text that may be tens of megabytes (a 100k-role org's RACI page, its
// manifest): written a slice at a time, which Node does many times faster than one long string
// (src/core/long-text.ts).
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { SLICE, slices } from '../core/long-text.js';

/** writeFileSync(file, text) in UTF-8. */
export function writeTextSync(file: string, text: string): void {
  if (text.length <= SLICE) return writeFileSync(file, text);
  const fd = openSync(file, 'w');
  try {
    for (const slice of slices(text)) {
      const bytes = Buffer.from(slice, 'utf8');
      // A write may take fewer bytes than it is given: the rest follows.
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    }
  } finally {
    closeSync(fd);
  }
}
