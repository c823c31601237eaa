// The load stage for a process that reads the same org again after each edit (`orgc render
// --watch`): each file that loaded cleanly last time is kept (its text and data), and its next
// version is read into that data where the edit lies within whole entries (text-patch.ts); any
// other file, and any edit the patch cannot place, is loaded in full (index.ts), as a first load is.
import { pushAll } from '../core/arrays.js';
import type { Finding } from '../finding.js';
import type { OrgFileInput } from '../schema/org.js';
import { decodeUtf8 } from './decode.js';
import { loadBytes } from './index.js';
import { LineMap } from './line-map.js';
import type { LoadedFile } from './loaded.js';
import { Positions } from './positions.js';
import { isScenario, type LoadedOrg } from './scenario.js';
import type { SourceFile } from './sources.js';
import { suggestIdsForNames } from './suggest-ids.js';
import { patchData, type Version } from './text-patch.js';

export class Reloader {
  /** The files of the last load that the fast parser read whole, without a finding, by path. */
  private versions = new Map<string, Version>();

  /**
   * The org's files, as `loadFiles` gives them; a scenario (applied to its base org) always by `full`.
   * `given`: bytes of some of the files, read already, by path (taken instead of reading them again).
   */
  async load(sources: readonly SourceFile[], full: () => Promise<LoadedOrg>, given?: ReadonlyMap<string, Uint8Array>): Promise<LoadedOrg> {
    const read: Array<{ path: string; bytes: Uint8Array }> = [];
    for (const s of sources) read.push({ path: s.path, bytes: given?.get(s.path) ?? (await s.read()) });
    if (read.some((r) => isScenario(r.bytes))) {
      this.versions.clear();
      return full();
    }
    const files: LoadedFile[] = [];
    const findings: Finding[] = [];
    for (const { path, bytes } of read) {
      const before = this.versions.get(path);
      const decoded = before ? decodeUtf8(bytes) : undefined;
      const data = before && decoded?.ok ? patchData(path, before, decoded.text) : undefined;
      if (data && decoded?.ok) {
        const text = decoded.text;
        files.push({ path, text, lines: new LineMap(text), positions: new Positions(text), data: data as OrgFileInput, fast: true });
        continue;
      }
      // (Decoded again there: a patch that did not take is the rarer case.)
      const loaded = await loadBytes(path, bytes);
      files.push(loaded.file);
      pushAll(findings, loaded.findings);
    }
    // As loadFiles does, once every file is read.
    suggestIdsForNames(files, findings);
    const troubled = new Set(findings.map((f) => f.at.file));
    // Only what the fast parser read whole: an entry of it, read alone, means what it means in the file.
    this.versions = new Map(files.filter((f) => f.fast && f.data && !f.recovered && !troubled.has(f.path)).map((f) => [f.path, { text: f.text, data: f.data as Record<string, unknown> }]));
    return { files, findings };
  }
}
