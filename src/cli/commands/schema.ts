// `orgc schema`: the JSON Schema of the language, exactly as committed in schemas/.
import schema from '../../../schemas/orgc.schema.json' with { type: 'json' };
import type { Io } from '../output.js';

export function schemaCommand(io: Io): number {
  io.stdout(JSON.stringify(schema, null, 2) + '\n');
  return 0;
}
