// What `orgc render --watch` knows of its handbook between renders: the pages it has seen as the
// manifest says (a stat, or their content read) since it began to watch, and which nothing wrote
// to, renamed or removed since. Such a page is kept by the next render without a stat (10,962
// stats are ~160 ms of a 10k-role re-render on the build VM, 110k ~1.6 s at 100k); any other page
// is statted, and made again if it changed, as always (output-dir.ts `keep`).
//
// One watch per directory of the handbook (a handful: roles/, charts/, assets/), not a recursive
// one: Node 20 on Linux follows each file of a recursive watch, tens of thousands here. The watch
// runs for the whole session, so an edit made while a render runs is heard of: the render's own
// writes are heard of too, and cost those pages a stat next time. Before a render decides, the
// events already queued are let in (`settle`). Anything the watch cannot place — an event without
// a file name, a directory removed or replaced, a watch that fails — and it vouches for nothing.
// What it cannot hear of: writes on another computer to a shared drive, and events the kernel
// dropped when its queue overflowed (libuv does not say) — a handbook edited by hand from
// elsewhere while a watch runs is rendered right by the next render without --watch.
//
// It also keeps what the last render wrote for the next one to read — the manifest (while its file
// still says what was written) and the stat cache — instead of parsing them again: 25 and 14 MB of
// JSON at 100k roles.
import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { MANIFEST, type HandbookWatch, type Manifest } from './output-dir.js';
import type { StatCache } from './stat-cache.js';

export class OutputWatch implements HandbookWatch {
  private readonly watchers: FSWatcher[] = [];
  /** Pages seen as the manifest says since the watch began, untouched since. */
  private readonly fresh = new Set<string>();
  /**
   * The stat cache the last render saved, per format (stat-cache.ts). Its entries need no watch to
   * be trusted (each is checked against the page's hash and stat, as one read from disk is); kept
   * here because it is saved and read again with the handbook.
   */
  private readonly saved = new Map<string, StatCache>();
  /**
   * The manifest the last render wrote, and its text: a file that still holds that text is that
   * manifest. (Read and compared: 0.03 s at 100k roles, against 0.3–0.7 s to parse it. Its stat
   * would not do: a write within the file system's clock tick after the render's leaves the times.)
   */
  private written?: { manifest: Manifest; text: string };
  private alive = true;

  private constructor(readonly dir: string) {}

  /** Watch `dir` (absolute) and the directories in it; undefined when that cannot be done. */
  static start(dir: string): OutputWatch | undefined {
    const w = new OutputWatch(dir);
    try {
      w.add('');
    } catch {
      w.close();
      return undefined;
    }
    return w;
  }

  /** Let in the events already queued: a render decides after them. */
  settle(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Whether the page at `rel` (relative, with `/`) is as it was last seen, by the watch. */
  untouched = (rel: string): boolean => this.alive && this.fresh.has(rel);

  /** The page at `rel` was just seen as the manifest says. */
  seen = (rel: string): void => {
    if (this.alive) this.fresh.add(rel);
  };

  manifest = (): Manifest | undefined => {
    const kept = this.written;
    // Given once: the render that takes it may change it and then fail before its commit.
    this.written = undefined;
    if (!kept) return undefined;
    let text: string;
    try {
      text = readFileSync(path.join(this.dir, MANIFEST), 'utf8');
    } catch {
      return undefined;
    }
    return text === kept.text ? kept.manifest : undefined;
  };

  keepManifest = (manifest: Manifest, text: string): void => void (this.written = { manifest, text });

  stats = (format: string): StatCache | undefined => this.saved.get(format);

  keepStats = (format: string, stats: StatCache | undefined): void => void (stats ? this.saved.set(format, stats) : this.saved.delete(format));

  close(): void {
    this.alive = false;
    this.fresh.clear();
    this.saved.clear();
    this.written = undefined;
    for (const w of this.watchers) w.close();
    this.watchers.length = 0;
  }

  private add(rel: string): void {
    const abs = rel ? path.join(this.dir, rel) : this.dir;
    const subdirs = new Set<string>();
    for (const e of readdirSync(abs, { withFileTypes: true })) if (e.isDirectory()) subdirs.add(e.name);
    const w = watch(abs, (_event, name) => {
      const entry = name === null ? undefined : String(name);
      // A directory of the handbook made, removed or replaced (this one, or one in it): its pages
      // with it, unnamed. (Pages and the render's temporary files have a dot in their names.)
      if (entry === undefined || subdirs.has(entry) || entry === path.basename(abs) || (!entry.includes('.') && isDirectory(path.join(abs, entry)))) this.lost();
      else this.fresh.delete(rel ? `${rel}/${entry}` : entry);
    });
    w.on('error', () => this.lost());
    this.watchers.push(w);
    for (const name of subdirs) this.add(rel ? `${rel}/${name}` : name);
  }

  /** Whether the watch still vouches for anything: one that lost track is replaced before the next render. */
  get live(): boolean {
    return this.alive;
  }

  private lost(): void {
    this.alive = false;
    this.fresh.clear();
  }
}

function isDirectory(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
