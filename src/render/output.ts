// What a renderer produces: file contents by path, relative to the output directory, with `/`.
import type { PageMemo } from './page-memo.js';

export type Output = Map<string, string | Uint8Array>;

/** A page: whole, or in chunks (a large JSON file, section by section). */
export type Page = string | Uint8Array | Iterable<string | Uint8Array>;

/**
 * Where renderers put pages as they make them. The CLI's sinks stage each page on disk (or hash it,
 * for `--check`) at once, so that a large handbook is never held in memory whole; a Map collects.
 */
export interface PageSink {
  /** `key`, when given, is the page's key (page-key.ts), for the sink to remember beside it. */
  set(path: string, page: Page, key?: string): unknown;
  /**
   * Optional: whether the sink still holds the page at `path` as made from `key` (on disk, untouched
   * since a render that made it from the same key). When it does, it counts the page as produced
   * and the renderer makes nothing; when not, the renderer makes the page and `set`s it.
   */
  reuse?(path: string, key: string): boolean;
  readonly size: number;
}

export interface ChartLink {
  title: string;
  /** Relative to the output directory. */
  href: string;
}

export interface RenderOptions {
  /** Page kinds to produce (`index`, `summary`, `raci`, `jd`, `charts`); all when absent. */
  only?: readonly string[];
  /** A directory whose `<format>/*.hbs` override the built-in templates. */
  templates?: string;
  /** Show named people in org chart boxes. */
  people?: boolean;
  /** How svg, png and pdf charts are drawn: Mermaid in Chromium, or Graphviz without a browser. */
  engine?: 'mermaid' | 'graphviz';
  /** The browser Mermaid draws in (else ORGC_CHROME or a system Chromium). */
  browser?: string;
  /** Roles per org chart page (for tests). */
  maxChartRoles?: number;
  progress?: (done: number, total: number) => void;
  /**
   * The job descriptions made by the last render of the same org in this process, for a process
   * that renders again after each edit (`orgc render --watch`): see page-memo.ts.
   * @internal The command line's (its types reach the parsed YAML's, which the library does not export).
   */
  memo?: PageMemo;
}
