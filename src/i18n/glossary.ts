// Words that messages fill in from data (`{kind|kind}`, `{expected|type}`), in each language.
import { pick, type LocalText } from './text.js';

type Glossary = Record<string, LocalText>;

const kind: Glossary = {
  role: { en: 'role', 'zh-CN': '岗位' },
  duty: { en: 'duty', 'zh-CN': '职责' },
  competency: { en: 'competency', 'zh-CN': '能力' },
  step: { en: 'process step', 'zh-CN': '流程步骤' },
  stage: { en: 'process stage', 'zh-CN': '流程阶段' },
  dimension: { en: 'dimension', 'zh-CN': '维度' },
  family: { en: 'role family', 'zh-CN': '岗位族' },
  tool: { en: 'tool', 'zh-CN': '工具' },
  kpi: { en: 'KPI', 'zh-CN': 'KPI' },
  metric: { en: 'metric', 'zh-CN': '指标' },
  'service-level': { en: 'service level', 'zh-CN': '服务水平' },
  review: { en: 'review', 'zh-CN': '复盘会议' },
  target: { en: 'target', 'zh-CN': '目标' },
  signal: { en: 'signal', 'zh-CN': '调整信号' },
  person: { en: 'person', 'zh-CN': '人员' },
  'pay-band': { en: 'pay band', 'zh-CN': '薪酬带宽' },
  'kpi or metric': { en: 'KPI or metric', 'zh-CN': 'KPI 或指标' },
};

const type: Glossary = {
  string: { en: 'a string', 'zh-CN': '字符串' },
  number: { en: 'a number', 'zh-CN': '数字' },
  integer: { en: 'a whole number', 'zh-CN': '整数' },
  boolean: { en: 'true or false', 'zh-CN': '布尔值' },
  object: { en: 'a map (key: value)', 'zh-CN': '映射（键: 值）' },
  array: { en: 'a list', 'zh-CN': '列表' },
  null: { en: 'nothing', 'zh-CN': '空值' },
};

const change: Glossary = {
  add: { en: 'add', 'zh-CN': '新增' },
  split: { en: 'split', 'zh-CN': '拆分' },
  merge: { en: 'merge', 'zh-CN': '合并' },
  retire: { en: 'retire', 'zh-CN': '撤销' },
};

const GLOSSARIES: Record<string, Glossary> = { kind, type, change };

export function gloss(glossary: string, word: string, lang: string): string {
  const entries = GLOSSARIES[glossary];
  // `integer|number` style alternatives from a union of types.
  return word
    .split('|')
    .map((w) => (entries?.[w] ? pick(entries[w], lang) : w))
    .join(pick({ en: ' or ', 'zh-CN': '或' }, lang));
}
