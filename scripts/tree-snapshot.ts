// What a directory holds, to tell whether anything wrote into it: every file and directory below
// it with its size and modification time. Used by the package check and the package test.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function treeSnapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const s = statSync(path.join(dir, f));
      return `${f} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    });
}
