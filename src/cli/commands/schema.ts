// `orgc schema`: the JSON Schema of the language (or of the config file), exactly as committed.
import configSchema from '../../../schemas/orgc.config.schema.json' with { type: 'json' };
import orgSchema from '../../../schemas/orgc.schema.json' with { type: 'json' };
import type { Io } from '../output.js';

export function schemaCommand(opts: { config?: boolean }, io: Io): number {
  io.stdout(JSON.stringify(opts.config ? configSchema : orgSchema, null, 2) + '\n');
  return 0;
}
