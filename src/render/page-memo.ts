// What a process that renders the same org again and again (`orgc render --watch`) remembers of
// the job descriptions it made: each page's key, the chart page it linked to, and the roles it
// named. A page whose role and named roles are untouched since is known to have the same key
// without making its view — the view and its key are most of what a re-render costs (at 10k roles
// about a second, where the one changed role's page takes a millisecond).
//
// "Untouched" is the model stage's to say (model/incremental.ts): an edit it patched into the
// model in place, naming the roles whose own fields it read again. Anything else — a model built
// anew, a role moved, a duty or RACI letters changed, other templates or options — forgets every
// page, and the next render makes every view and key as a new process would. What a role page
// shows of another role goes through the view's link to it (`ref` in view/build.ts, which records
// the roles a page names); a role's own fields show on its own page and on those that name it.
// The sink's `reuse` still checks each page on disk, so a page edited by hand is made again.
// test/cli/render-watch.test.ts renders through a memo over a series of edits and compares every
// file with a render in a new process.
import type { ModelChange } from '../model/incremental.js';

/** A role page as made last time. */
interface Made {
  key: string;
  chart: string | undefined;
  /** Ids of the roles its view linked to. */
  named: readonly string[];
}

export class PageMemo {
  private pages = new Map<string, Made>();
  /** The key of what every page shares (templates, org header, labels, options) when the pages were made. */
  private shared?: string;

  /** Forget the pages the change may have touched. Called once per render, before it. */
  changed(change: ModelChange): void {
    if (change.kind === 'kept') return;
    if (change.kind === 'other') {
      this.pages.clear();
      return;
    }
    const touched = new Set(change.ids);
    for (const [id, made] of this.pages) if (touched.has(id) || made.named.some((n) => touched.has(n))) this.pages.delete(id);
  }

  /** Pages recorded since the render began: made again (tests). */
  made = 0;

  /** Start a render whose pages share `shared`: made under anything else, every page is forgotten. */
  begin(shared: string): void {
    if (shared !== this.shared) this.pages.clear();
    this.shared = shared;
    this.made = 0;
  }

  /** The key the role's page had, when nothing it depends on changed since; else undefined. */
  key(roleId: string, chart: string | undefined): string | undefined {
    const made = this.pages.get(roleId);
    return made && made.chart === chart ? made.key : undefined;
  }

  record(roleId: string, key: string, chart: string | undefined, named: Iterable<string>): void {
    this.pages.set(roleId, { key, chart, named: [...named] });
    this.made++;
  }

  /** Pages remembered (tests). */
  get size(): number {
    return this.pages.size;
  }
}
