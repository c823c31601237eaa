// A title or name written where an id belongs (`reports_to: 销售经理`, `owner: Sales Manager`) is
// not a valid id, and the schema check, which sees one file at a time, can only say so. Once every
// file is loaded, this pass looks the text up among the names of what the field refers to, in any
// file, and turns the finding into "did you mean `sales-manager` (销售经理)?" with the fix.
import { pushAll } from '../core/arrays.js';
import type { Finding } from '../finding.js';
import { idForName, namesOf, type Named } from './closest.js';
import type { LoadedFile } from './loaded.js';
import { refersTo } from './references.js';

export function suggestIdsForNames(files: readonly LoadedFile[], findings: readonly Finding[]): void {
  const bySection = new Map<string, Named[]>();
  const entities = (section: string): Named[] => {
    let list = bySection.get(section);
    if (!list) bySection.set(section, (list = collect(files, section)));
    return list;
  };
  for (const f of findings) {
    if (f.ruleId !== 'schema' || f.messageId !== 'bad-id' || !('path' in f.at)) continue;
    const written = f.data?.value;
    if (typeof written !== 'string') continue;
    // The field is the last key above the value, or above the key for a map of ids (`duties: { … }`).
    const below = f.at.path.slice(2, f.at.part === 'key' ? -1 : undefined);
    const field = [...below].reverse().find((s): s is string => typeof s === 'string');
    const sections = refersTo(field);
    if (!sections) continue;
    const match = idForName(written, sections.flatMap(entities));
    if (!match) continue;
    f.messageId = 'bad-id-suggest';
    f.data = { value: written, suggestion: match.id, name: match.name };
    f.fix = { text: match.id };
    // Error recovery left the value out: what it meant to refer to is a neighbour in doubt (a manager's span).
    const file = files.find((x) => x.path === f.at.file);
    if (file?.recovered) file.recovered.referenced.push(...sections.map((section) => ({ section, id: match.id })));
  }
}

/** Every entity of a section across the files, in file order; steps live inside `process` stages. */
function collect(files: readonly LoadedFile[], section: string): Named[] {
  const out: Named[] = [];
  for (const file of files) {
    const content = (file.data ?? file.raw) as Record<string, unknown> | undefined;
    if (!content || typeof content !== 'object') continue;
    if (section === 'steps') {
      for (const stage of Object.values(asRecord(content.process))) pushAll(out, named(asRecord((stage as { steps?: unknown } | null)?.steps)));
    } else {
      pushAll(out, named(asRecord(content[section])));
    }
  }
  return out;
}

function named(map: Record<string, unknown>): Named[] {
  return Object.entries(map).map(([id, v]) => {
    const e = (v ?? {}) as { title?: unknown; name?: unknown };
    return { id, names: [...namesOf(e.title), ...namesOf(e.name)] };
  });
}

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
