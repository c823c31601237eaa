// Generates schemas/orgc.schema.json from the zod source of truth (src/schema/org.ts).
// `npm run schema` writes it; `--check` exits 1 when the committed copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { orgJsonSchema } from '../src/schema/json-schema.js';

const target = fileURLToPath(new URL('../schemas/orgc.schema.json', import.meta.url));
const text = JSON.stringify(orgJsonSchema(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {}
  if (committed !== text) {
    console.error('schemas/orgc.schema.json is stale: run `npm run schema`');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log('wrote schemas/orgc.schema.json');
}
