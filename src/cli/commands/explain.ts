// `orgc explain <rule-id>`: print the rule's documentation page from docs/rules/.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_CHECKS } from '../../catalogue.js';
import { closest } from '../../load/closest.js';
import { UsageError } from '../errors.js';
import type { Io } from '../output.js';
import { packageRoot } from '../../package-root.js';

export async function explainCommand(id: string, io: Io): Promise<number> {
  if (!ALL_CHECKS.has(id)) {
    const suggestion = closest(id, ALL_CHECKS.keys());
    throw new UsageError(`unknown rule '${id}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (run \`orgc rules\` for the list)`);
  }
  const doc = await readFile(path.join(packageRoot(), 'docs', 'rules', `${id}.md`), 'utf8');
  io.stdout(doc.endsWith('\n') ? doc : `${doc}\n`);
  return 0;
}
