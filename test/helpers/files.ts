import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (a handbook's manifest included), by relative path with `/`, as bytes in a string. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      out[name.split(path.sep).join('/')] = readFileSync(path.join(dir, name), 'latin1');
    } catch {} // a directory
  }
  return out;
}
