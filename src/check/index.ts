// The check stage: run every rule the config turns on, once, over the whole model.
import type { Finding } from '../finding.js';
import type { OrgModel } from '../model/types.js';
import { timed } from '../timing.js';
import { ruleRuns, type Config } from '../core/config.js';
import { RULES } from './rules/index.js';
import { copyWith } from '../core/copy-with.js';

export function runRules(model: OrgModel, config: Config): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const id = rule.meta.id;
    if (!ruleRuns(config, id)) continue;
    timed(`  rule ${id}`, () =>
      rule.check({
        model,
        options: config.rules.get(id)!.options,
        report: (f) => findings.push(withRule(f, id)),
      }),
    );
  }
  return findings;
}

/** A rule's finding with the rule's id (a large org has 100,000s: see core/copy-with.ts). */
export function withRule(f: Omit<Finding, 'ruleId'>, id: string): Finding {
  return copyWith(f, { ruleId: id });
}
