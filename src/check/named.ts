// What a rule's message calls an entity: its name or title in the reader's language, with its id
// (`李娜 (li-na)`). The rule hands over the entity; the report stage words it in the language the
// reader asked for.
import type { NamedRef } from '../finding.js';
import type { OrgModel, Text } from '../model/types.js';

export function named(model: OrgModel, entity: { id: string; title?: Text; name?: Text }): NamedRef {
  return { id: entity.id, name: entity.title ?? entity.name, lang: model.org.language };
}
