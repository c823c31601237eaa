// The shape of a design-principle rule: metadata (id, description, default severity, options,
// messages) and a `check` that reads the resolved model and reports. Rules never print or exit;
// they see the whole org at once and must stay linear in its size.
import type { CheckMeta, Pointer, RelatedFinding, MessageData } from '../finding.js';
import type { OrgModel } from '../model/types.js';

/** One option: its JSON Schema (for the config file and editors), default and meaning. */
export interface OptionMeta<T> {
  description: string;
  default: T;
  schema: Record<string, unknown>;
}

export type OptionsMeta<O> = { [K in keyof O]: OptionMeta<O[K]> };

export interface RuleMeta<O> extends CheckMeta {
  /** Part of the `recommended` preset (every rule is part of `strict`). */
  recommended: boolean;
  options: OptionsMeta<O>;
}

export interface RuleReport {
  messageId: string;
  data?: MessageData;
  at: Pointer;
  related?: RelatedFinding[];
}

export interface RuleContext<O> {
  model: OrgModel;
  options: O;
  report(finding: RuleReport): void;
}

export interface Rule<O = Record<string, never>> {
  meta: RuleMeta<O>;
  check(context: RuleContext<O>): void;
}

export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}

export function defaultOptions<O>(meta: RuleMeta<O>): O {
  const out: Record<string, unknown> = {};
  for (const [name, option] of Object.entries<OptionMeta<unknown>>(meta.options as any)) out[name] = option.default;
  return out as O;
}
