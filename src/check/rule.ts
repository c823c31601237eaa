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

export interface RuleMeta<O, M extends string = string> extends CheckMeta {
  /** Message templates by id; `report` takes only these ids (checked by the type checker). */
  messages: Record<M, CheckMeta['messages'][string]>;
  /** Part of the `recommended` preset (every rule is part of `strict`). */
  recommended: boolean;
  options: OptionsMeta<O>;
}

export interface RuleReport<M extends string = string> {
  messageId: M;
  data?: MessageData;
  at: Pointer;
  related?: RelatedFinding[];
}

export interface RuleContext<O, M extends string = string> {
  model: OrgModel;
  options: O;
  report(finding: RuleReport<M>): void;
}

export interface Rule<O = Record<string, never>, M extends string = string> {
  meta: RuleMeta<O, M>;
  check(context: RuleContext<O, M>): void;
}

/**
 * A rule, its message ids inferred from `meta.messages`: reporting an id that has no message is a
 * type error. (A rule that names its options type, `defineRule<Options>`, names its ids too to get
 * the check: `defineRule<Options, 'a' | 'b'>`.)
 */
export function defineRule<O, M extends string = string>(rule: Rule<O, M>): Rule<O> {
  return rule as unknown as Rule<O>;
}

export function defaultOptions<O>(meta: RuleMeta<O>): O {
  const out: Record<string, unknown> = {};
  for (const [name, option] of Object.entries<OptionMeta<unknown>>(meta.options as any)) out[name] = option.default;
  return out as O;
}
