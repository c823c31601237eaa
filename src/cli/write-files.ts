// Writing output files so that a crash or a full disk never leaves half a file: write a
// temporary file beside the target, then rename it over the target (atomic on one file system).
import { closeSync, openSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomSuffix } from './temp-name.js';
import { cannotWrite } from './write-errors.js';
import { writeAllSync, writeTextToFd } from './write-text.js';

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  return writeChunksAtomic(file, [content]);
}

/**
 * `writeFileAtomic` for text made piece by piece (the draft of `orgc import`): each chunk goes to
 * the temporary file as it is made, so the whole text is never in memory; the target appears only
 * when every chunk is written.
 */
export async function writeChunksAtomic(file: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  try {
    await writeChunks(file, chunks);
  } catch (error) {
    throw cannotWrite(file, error, 'file');
  }
}

async function writeChunks(file: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomSuffix()}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      // Bytes as they are: a writer that encodes as it goes (the draft) saves a copy.
      for (const chunk of chunks) typeof chunk === 'string' ? writeTextToFd(fd, chunk) : writeAllSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

