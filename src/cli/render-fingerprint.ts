// What a render's output depends on, as one hash: the org's files, the findings shown in the
// summary, the format, language and options, the templates, and orgc's own code. The manifest keeps
// it beside a hash of each page, so that `render --check` of an up-to-date handbook verifies the
// pages against their hashes without rendering anything.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../render/sha256.js';

export interface FingerprintParts {
  files: ReadonlyArray<{ path: string; text: string }>;
  /** Everything else the output depends on, JSON-serialisable: format, language, options, findings. */
  settings: unknown;
  /** A directory of template overrides, whose files are part of the input. */
  templates?: string;
}

let codeHash: string | undefined;

/** orgc's own code: a new build renders differently even when its version number did not change. */
function code(): string {
  if (codeHash === undefined) {
    try {
      codeHash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex');
    } catch {
      codeHash = '';
    }
  }
  return codeHash;
}

export function renderFingerprint(parts: FingerprintParts): string {
  const hash = createHash('sha256');
  const field = (s: string) => hash.update(String(Buffer.byteLength(s))).update(':').update(s);
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
