// The shape of a design-principle rule: metadata (id, description, severity, options, messages)
// and a `check` that reads the resolved model and reports. Rules never print or exit.
import type { CheckMeta, Finding } from '../finding.js';
import type { OrgModel } from '../model/types.js';

export interface RuleMeta<O> extends CheckMeta {
  /** Part of the `recommended` preset (every rule is part of `strict`). */
  recommended: boolean;
  defaultOptions: O;
}

export interface RuleContext<O> {
  model: OrgModel;
  options: O;
  report(finding: Omit<Finding, 'ruleId'>): void;
}

export interface Rule<O = Record<string, never>> {
  meta: RuleMeta<O>;
  check(context: RuleContext<O>): void;
}
