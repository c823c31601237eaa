// Buffers kept from one read of a file to the next, for a process that reads the same large files
// again after each save (`orgc render --watch`). A fresh buffer for a 75 MB org is 18,000 pages the
// kernel hands out one at a time (~0.3–0.4 s on the build VM, a fresh `readFile` or
// `readFileSync` alike), and external memory that counts towards V8's next collection; a buffer
// read into before costs the copy alone.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Room left for the file to grow before a larger buffer is needed. */
const HEADROOM = 1.125;

export class ReadBuffers {
  private readonly buffers = new Map<string, Buffer>();

  /**
   * The bytes of the file at `abs` (absolute), in the buffer of its last read when that is large
   * enough: valid until the next read of the same file, so nothing may keep them beyond its work.
   */
  read(abs: string): Uint8Array {
    const fd = openSync(abs, 'r');
    try {
      const size = fstatSync(fd).size;
      let buffer = this.buffers.get(abs);
      if (!buffer || buffer.length <= size) buffer = Buffer.allocUnsafeSlow(Math.ceil((size + 1) * HEADROOM));
      let length = 0;
      // To the end of the file, which may have grown since its size was taken.
      for (;;) {
        if (length === buffer.length) {
          const larger = Buffer.allocUnsafeSlow(Math.ceil(buffer.length * 2));
          buffer.copy(larger, 0, 0, length);
          buffer = larger;
        }
        const n = readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
      }
      this.buffers.set(abs, buffer);
      return buffer.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  }
}
