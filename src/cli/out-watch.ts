// What `orgc render --watch` knows of its handbook between renders: which files in it something
// else touched since its last commit. A page nothing touched is as the last render left it, so the
// next render keeps it without a stat (10,962 stats are ~160 ms of a 10k-role re-render on the
// build VM, 110k ~1.6 s at 100k); a page edited or removed by hand in the meantime is statted, and
// made again, as always (output-dir.ts `keep`).
//
// One watch per directory of the handbook (a handful: roles/, charts/, assets/), not a recursive
// one: Node 20 on Linux follows each file of a recursive watch, tens of thousands here. The watch
// starts after a commit and stops before the next, so the render's own writes are not taken for
// someone else's. Anything it cannot place — an event without a file name, a directory removed or
// renamed, a watch that fails — and it vouches for nothing.
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export class OutputWatch {
  private readonly watchers: FSWatcher[] = [];
  private readonly touched = new Set<string>();
  private alive = true;

  private constructor(readonly dir: string) {}

  /** Watch `dir` (absolute) and the directories in it; undefined when that cannot be done. */
  static start(dir: string): OutputWatch | undefined {
    const w = new OutputWatch(dir);
    try {
      w.add('');
    } catch {
      w.alive = false;
      w.close();
      return undefined;
    }
    return w;
  }

  /** Whether the page at `rel` (relative, with `/`) is as the last commit left it, by the watch. */
  untouched = (rel: string): boolean => this.alive && !this.touched.has(rel);

  /** Stop watching: `untouched` keeps answering for what was seen until now. */
  close(): void {
    for (const w of this.watchers) w.close();
    this.watchers.length = 0;
  }

  private add(rel: string): void {
    const abs = rel ? path.join(this.dir, rel) : this.dir;
    const subdirs = new Set<string>();
    for (const e of readdirSync(abs, { withFileTypes: true })) if (e.isDirectory()) subdirs.add(e.name);
    const w = watch(abs, (_event, name) => {
      if (name === null) this.alive = false;
      // A directory of the handbook removed or replaced (this one, or one in it): its pages with it, unnamed.
      else if (subdirs.has(String(name)) || String(name) === path.basename(abs)) this.alive = false;
      else this.touched.add(rel ? `${rel}/${name}` : String(name));
    });
    w.on('error', () => (this.alive = false));
    this.watchers.push(w);
    for (const name of subdirs) this.add(rel ? `${rel}/${name}` : name);
  }
}
