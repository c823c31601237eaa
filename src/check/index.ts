// The check stage: run every enabled rule over the model once and collect what they report.
import type { Finding } from '../finding.js';
import type { OrgModel } from '../model/types.js';
import { RULES } from './rules/index.js';

export function runRules(model: OrgModel): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    rule.check({
      model,
      options: rule.meta.defaultOptions,
      report: (f) => findings.push({ ...f, ruleId: rule.meta.id }),
    });
  }
  return findings;
}
