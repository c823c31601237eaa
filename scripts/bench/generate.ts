// `npm run bench:generate -- --roles N --out FILE [--files K]`: write a synthetic org of about N
// roles that validates clean (see synthetic-org.ts). With --files K the org is split over K files
// in the directory FILE; a config raising the layer limit is written beside it when needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticOrg } from './synthetic-org.js';

const { values } = parseArgs({ options: { roles: { type: 'string' }, out: { type: 'string' }, files: { type: 'string', default: '1' } } });
const roles = Number(values.roles);
if (!Number.isInteger(roles) || roles < 10 || !values.out) {
  console.error('usage: npm run bench:generate -- --roles N --out FILE [--files K]   (N ≥ 10)');
  process.exit(2);
}
const files = Number(values.files);
const org = syntheticOrg(roles, { files });
const out = path.resolve(values.out);
const dir = files > 1 ? out : path.dirname(out);
mkdirSync(dir, { recursive: true });
let bytes = 0;
for (const [name, text] of org.files) {
  const target = files > 1 ? path.join(out, name) : out;
  writeFileSync(target, text);
  bytes += Buffer.byteLength(text);
}
if (org.config) writeFileSync(path.join(dir, 'orgc.config.yaml'), org.config);
console.log(`${org.roles} roles, ${(bytes / 1e6).toFixed(1)} MB → ${path.relative(process.cwd(), out)}${org.config ? ' (+ orgc.config.yaml)' : ''}`);
