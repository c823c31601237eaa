// The installed package's root (where docs/ and templates/ live), found from this module's
// location so it works from src/ under tests and from dist/chunks/ when bundled.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'orgc') return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the orgc package root');
    dir = parent;
  }
}
