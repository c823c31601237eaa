// Pointers into the YAML for what rules report: an entity's key, or one of its fields.
import type { PathPointer } from '../finding.js';
import type { Path } from '../load/node-index.js';
import type { Source } from '../model/types.js';

/** The key that declares the entity, e.g. `sales-rep:` under `roles:`. */
export function keyOf(src: Source): PathPointer {
  return { file: src.file, path: src.path, part: 'key' };
}

/** A value inside the entity, e.g. its `reports_to` or `headcount`. */
export function valueAt(src: Source, ...path: Path): PathPointer {
  return { file: src.file, path: [...src.path, ...path], part: 'value' };
}

/** A key inside the entity, e.g. one entry of its `duties` map. */
export function keyAt(src: Source, ...path: Path): PathPointer {
  return { file: src.file, path: [...src.path, ...path], part: 'key' };
}
