// The check stage: run every rule the config turns on, once, over the whole model.
import type { Finding } from '../finding.js';
import type { OrgModel } from '../model/types.js';
import { timed } from '../timing.js';
import { ruleRuns, type Config } from '../core/config.js';
import { RULES } from './rules/index.js';

export function runRules(model: OrgModel, config: Config): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const id = rule.meta.id;
    if (!ruleRuns(config, id)) continue;
    timed(`  rule ${id}`, () =>
      rule.check({
        model,
        options: config.rules.get(id)!.options,
        // Assigned, not spread: on Node 20 a property written after a spread is a slow store
        // (src/render/view/build.ts), and a large org has 100,000s of findings.
        report: (f) => findings.push(Object.assign({}, f, { ruleId: id })),
      }),
    );
  }
  return findings;
}
