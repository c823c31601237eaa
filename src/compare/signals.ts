// Adaptation signals against measured values: which fire, and which scenario answers each. The
// design records its signals (`signals:` — watch a metric or KPI, a condition, the change it calls
// for); a metrics file gives this period's values; scenarios name the signal they answer.
import { parseQuantity } from '../model/quantity.js';
import type { OrgModel, Quantity, Signal, Text } from '../model/types.js';

export interface AnsweringScenario {
  id: string;
  name?: Text;
  file: string;
  answers: string;
}

export type SignalState = 'fires' | 'quiet' | 'no-value' | 'not-comparable';

export interface SignalResult {
  signal: Signal;
  state: SignalState;
  /** The value measured, as written in the metrics file. */
  value?: string;
  scenarios: AnsweringScenario[];
}

export interface MeasuredValue {
  text: string;
  /** Where it is written, for messages: `metrics.csv:3`. */
  at: string;
}

const CONDITION = /^(<=|>=|<|>|=)\s?(.+)$/;

/** Each signal of the design, in declaration order, judged against the values measured. */
export function judgeSignals(model: OrgModel, values: ReadonlyMap<string, MeasuredValue>, scenarios: readonly AnsweringScenario[]): SignalResult[] {
  return [...model.signals.values()].map((signal) => {
    const answering = scenarios.filter((s) => s.answers === signal.id);
    const measured = values.get(signal.watch);
    if (!measured) return { signal, state: 'no-value', scenarios: answering };
    const state = fires(signal.when, parseQuantity(measured.text));
    return { signal, state, value: measured.text, scenarios: answering };
  });
}

/** Whether `value` meets a condition such as `> 30%` or `< 3.6M CNY`; not-comparable across units. */
export function fires(condition: string, value: Quantity): 'fires' | 'quiet' | 'not-comparable' {
  const m = CONDITION.exec(condition.trim());
  if (!m) return 'not-comparable';
  const bound = parseQuantity(m[2].trim());
  if (bound.kind !== value.kind || (bound.kind === 'money' && bound.currency !== value.currency) || Number.isNaN(bound.value) || Number.isNaN(value.value)) return 'not-comparable';
  const [a, b] = [value.value, bound.value];
  const met = m[1] === '<' ? a < b : m[1] === '<=' ? a <= b : m[1] === '>' ? a > b : m[1] === '>=' ? a >= b : a === b;
  return met ? 'fires' : 'quiet';
}

/** A value as the language writes quantities: `35%`, `18`, `3.2M CNY`, `24h`. */
export const VALUE = /^(?:-?\d+(?:\.\d+)?%|\d+(?:\.\d+)?(?:min|h|d|w)|\d+(?:\.\d+)?(?:K|M|B|万|亿|萬|億)? ?[A-Z]{3}|-?\d+(?:\.\d+)?)$/;
