// What a rule's message calls an entity: its name or title in the reader's language, with its id
// (`李娜 (li-na)`). The rule hands over the entity; the report stage words it in the language the
// reader asked for.
import type { Finding, MessageData, NamedRef } from '../finding.js';
import type { OrgModel, Text } from '../model/types.js';

type Nameable = { id: string; title?: Text; name?: Text };

/** The entity each name was taken from, so that a finding kept for another check can be named anew (`renameRefs`). */
const entities = new WeakMap<NamedRef, Nameable>();

export function named(model: OrgModel, entity: Nameable): NamedRef {
  const ref = { id: entity.id, name: entity.title ?? entity.name, lang: model.org.language };
  entities.set(ref, entity);
  return ref;
}

/**
 * The names in a finding's data (and its related locations') taken again from their entities, in
 * place: the language server keeps a rule's findings when an edit only renamed something in the
 * model they were made from (check/incremental.ts), and their messages must say the new names.
 * Rules word entities only through `named`, never by copying a title into a text.
 */
export function renameRefs(finding: Finding): void {
  rename(finding.data);
  for (const r of finding.related ?? []) rename(r.data);
}

function rename(data: MessageData | undefined): void {
  if (!data) return;
  for (const value of Object.values(data)) {
    if (typeof value !== 'object') continue;
    for (const ref of Array.isArray(value) ? value : [value as NamedRef]) {
      const entity = entities.get(ref);
      if (entity) ref.name = entity.title ?? entity.name;
    }
  }
}
