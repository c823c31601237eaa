// What a render's output depends on, as one hash: the org's files, the configuration, the format,
// language and options, the templates, and orgc's own code — all of it read before the org is
// parsed. The manifest keeps it beside a hash of each page, so that `render --check` of an
// up-to-date handbook verifies the pages against their hashes without validating or rendering
// anything (the findings in the handbook's summary follow from the same inputs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configOf, sourcesOf } from '../api/input.js';
import type { Config } from '../core/config.js';
import type { ReadBuffers } from '../load/read-buffers.js';
import { isDate } from '../load/scenario.js';
import { packageRoot } from '../package-root.js';
import { sha256 } from '../render/sha256.js';

export interface FingerprintParts {
  files: ReadonlyArray<{ path: string; text: string | Uint8Array }>;
  /** Everything else the output depends on, JSON-serialisable: format, language, options. */
  settings: unknown;
  /** A directory of template overrides, whose files are part of the input. */
  templates?: string;
}

let codeHash: string | undefined;

/**
 * orgc's own code and built-in templates: a new build renders differently even when its version
 * number did not change, and the templates are read from the package at run time (a template
 * changed since the build is compiled as it is: render/templates.ts).
 */
function code(): string {
  if (codeHash === undefined) {
    const hash = createHash('sha256');
    try {
      hash.update(readFileSync(fileURLToPath(import.meta.url)));
    } catch {}
    const builtIn = path.join(packageRoot(), 'templates');
    let names: string[] = [];
    try {
      names = readdirSync(builtIn, { recursive: true, encoding: 'utf8' }).sort();
    } catch {}
    for (const name of names) {
      try {
        const bytes = readFileSync(path.join(builtIn, name));
        hash.update(`\0${name}\0${bytes.byteLength}\0`).update(bytes);
      } catch {} // a directory
    }
    codeHash = hash.digest('hex');
  }
  return codeHash;
}

export function renderFingerprint(parts: FingerprintParts): string {
  const hash = createHash('sha256');
  const field = (s: string | Uint8Array) => hash.update(String(typeof s === 'string' ? Buffer.byteLength(s) : s.byteLength)).update(':').update(s);
  field(code());
  field(JSON.stringify(parts.settings));
  for (const f of parts.files) {
    field(f.path);
    field(f.text);
  }
  if (parts.templates) {
    let names: string[] = [];
    try {
      names = readdirSync(parts.templates, { recursive: true, encoding: 'utf8' }).sort();
    } catch {}
    for (const name of names) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(parts.templates, name));
      } catch {
        continue; // a directory
      }
      field(name);
      hash.update(bytes);
    }
  }
  return hash.digest('hex');
}

/** A render's inputs, read as they are on disk before anything is parsed. */
export interface RenderInputs {
  config: Config;
  /** The org's files as given on the command line (a scenario's base is found only when parsing). */
  files: readonly string[];
  fingerprint: string;
  /** The org files' bytes the fingerprint was made from, by path: only when asked to keep them. */
  bytes?: ReadonlyMap<string, Uint8Array>;
}

export interface InputOptions {
  format: string;
  lang?: string;
  config?: string;
  templates?: string;
  people?: boolean;
  engine?: string;
  at?: string;
}

/**
 * The render's inputs and their fingerprint, or undefined when they cannot be read twice (the
 * standard input). What cannot be read throws what validation would (the same calls, in the same
 * order: the configuration, then the org).
 */
export async function readRenderInputs(
  paths: readonly string[],
  opts: InputOptions,
  where: { cwd: string; env: NodeJS.ProcessEnv },
  /**
   * Read the org's files into these buffers, and keep their bytes in the result (`render --watch`:
   * its analysis takes them instead of reading the files again, and keeps nothing of them).
   */
  buffers?: ReadBuffers,
): Promise<RenderInputs | undefined> {
  // Stdin cannot be read twice; a date that is not one is validation's to refuse, in its words.
  if (paths.includes('-') || (opts.at !== undefined && !isDate(opts.at))) return undefined;
  const words = { lang: opts.lang, env: where.env };
  const config = await configOf({ files: paths, cwd: where.cwd, config: opts.config }, words);
  const sources = await sourcesOf({ files: paths, cwd: where.cwd }, words);
  // Read here and again by validation (from the page cache): holding the bytes until then would
  // keep a large org's whole text alive twice while it is parsed. (A watch, which keeps its org in
  // memory anyway, takes them: its analysis reads the org once, and the very bytes fingerprinted.)
  const files = await Promise.all(sources.map(async (s) => ({ path: s.path, text: await s.read(buffers) })));
  // The configuration as written: its rules, overrides and render defaults (which preset it
  // extends is orgc's code). `config.file` is its path as shown, from the working directory.
  const configBytes = config.file ? await readFile(path.resolve(where.cwd, config.file)) : new Uint8Array();
  const templates = opts.templates ? path.resolve(where.cwd, opts.templates) : config.render.templates;
  const settings = {
    format: opts.format,
    lang: opts.lang ?? null,
    people: opts.people ?? false,
    engine: opts.engine ?? null,
    at: opts.at ?? null,
    config: config.file ?? null,
    render: config.render,
    templates: templates ?? null,
  };
  const fingerprint = renderFingerprint({ files: [{ path: config.file ?? '', text: configBytes }, ...files], settings, templates });
  return { config, files: files.map((f) => f.path), fingerprint, bytes: buffers ? new Map(files.map((f) => [f.path, f.text])) : undefined };
}

/**
 * What the manifest keeps of a render's inputs: their fingerprint and the handbook's language
 * (the terminal's messages of a check that reads nothing else fall back on it), and whether the
 * render said more than its result (a draft's to-do list, errors rendered with --force): a check
 * that did not validate could not say it again, so such a handbook is checked by rendering.
 */
export function recordedInputs(fingerprint: string, lang: string, notes: boolean): string {
  return `${fingerprint} ${lang}${notes ? ' notes' : ''}`;
}

/** The handbook's language, when `recorded` is a quiet render's record of these very inputs. */
export function quietRender(recorded: string | undefined, fingerprint: string): string | undefined {
  const [hash, lang, ...rest] = recorded?.split(' ') ?? [];
  return hash === fingerprint && lang && rest.length === 0 ? lang : undefined;
}

/** A page's hash as the manifest keeps it. */
export function pageHash(content: string | Uint8Array): string {
  // One-shot: a hash object per page costs more than hashing the page (src/render/sha256.ts).
  return sha256(content);
}

/** The same hash, of a page handed over in chunks. */
export function pageHasher(): { update(chunk: string | Uint8Array): void; digest(): string } {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: () => hash.digest('base64url') };
}
