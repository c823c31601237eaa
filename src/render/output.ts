// What a renderer produces: file contents by path, relative to the output directory, with `/`.
export type Output = Map<string, string | Uint8Array>;

export interface ChartLink {
  title: string;
  /** Relative to the output directory. */
  href: string;
}

export interface RenderOptions {
  /** Page kinds to produce (`index`, `summary`, `raci`, `jd`); all when absent. */
  only?: readonly string[];
  /** A directory whose `<format>/*.hbs` override the built-in templates. */
  templates?: string;
  charts?: ChartLink[];
  progress?: (done: number, total: number) => void;
}
