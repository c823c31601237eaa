// Realistic mistakes of hand-editing an org file, each a small change to a valid example org, with
// the one finding it must give: the check, and the file and line of the mistake. Nothing else may
// be reported (the examples are clean), unless a case lists what else its change rightly brings.
// Written as the people who edit these files type: English in the quickstart, Chinese in the
// sales org (whose messages are Chinese by its default language).

export type Base = 'quickstart' | 'sales-org';

export interface Mistake {
  name: string;
  /** The language the messages come in (the base org's default language). */
  lang: 'en' | 'zh-CN';
  base: Base;
  /** The file changed, relative to the base directory. */
  file: string;
  /** Text that occurs once in the file, and what it was mistyped as. */
  from: string;
  to: string;
  /** More changes in the same file, made after the first: what a case needs besides the mistake. */
  more?: { from: string; to: string }[];
  /** A file added to the org, for mistakes across files; the finding is in it when `inAdded`. */
  added?: { file: string; text: string };
  inAdded?: boolean;
  ruleId: string;
  /** The finding's line, counted from the first line of `to` (or of the added file): 0 is that line. */
  line?: number;
  /** Findings the change rightly brings besides the mistake's own (by rule id). */
  also?: string[];
}

const Q = { lang: 'en', base: 'quickstart', file: 'org.yaml' } as const;
const S = (file: string) => ({ lang: 'zh-CN', base: 'sales-org', file }) as const;

export const CORPUS: readonly Mistake[] = [
  // --- punctuation from a Chinese keyboard ---------------------------------------------------
  { ...Q, name: 'full-width colon after a key', from: '    headcount: 5\n', to: '    headcount：5\n', ruleId: 'syntax' },
  { ...S('roles/operations.yaml'), name: '全角冒号在岗位 id 之后', from: '  delivery-support:\n', to: '  delivery-support：\n', ruleId: 'syntax' },
  { ...S('roles/operations.yaml'), name: '全角冒号加空格', from: '    reports_to: sales-director\n', to: '    reports_to： sales-director\n', ruleId: 'syntax' },
  { ...S('performance.yaml'), name: '列表中的全角逗号', from: 'owners: [customer-success-manager, customer-operations]', to: 'owners: [customer-success-manager，customer-operations]', ruleId: 'syntax' },
  { ...Q, name: 'full-width brackets around a list', from: 'owners: [sales-rep]\n', to: 'owners: ［sales-rep］\n', ruleId: 'syntax' },
  { ...S('people.yaml'), name: '全角花括号', from: 'competencies: { empathy: 4, account-management: 3, data-analysis: 2, communication: 3 }', to: 'competencies: ｛ empathy: 4, account-management: 3, data-analysis: 2, communication: 3 ｝', ruleId: 'syntax' },
  { ...S('roles/operations.yaml'), name: '缩进中的全角空格', from: '    headcount: 3\n', to: '　　headcount: 3\n', ruleId: 'syntax' },
  // --- indentation ------------------------------------------------------------------------------
  { ...Q, name: 'a line one space deeper than its siblings', from: '    reports_to: sales-manager\n    headcount: 5\n', to: '    reports_to: sales-manager\n     headcount: 5\n', ruleId: 'syntax', line: 1 },
  { ...S('roles/operations.yaml'), name: '少缩进一个空格', from: '    headcount: 3\n', to: '   headcount: 3\n', ruleId: 'syntax' },
  { ...Q, name: 'a tab for indentation', from: '    level: frontline\n', to: '\tlevel: frontline\n', ruleId: 'syntax' },
  {
    ...S('roles/operations.yaml'),
    name: '整个岗位块用 Tab 缩进',
    from: '    level: support\n    pay_band: operations\n    family: customer-success\n    cut: [process]\n    reports_to: customer-success-manager\n    headcount: 2\n',
    to: '\t\tlevel: support\n\t\tpay_band: operations\n\t\tfamily: customer-success\n\t\tcut: [process]\n\t\treports_to: customer-success-manager\n\t\theadcount: 2\n',
    ruleId: 'syntax',
  },
  // --- quotes and brackets ----------------------------------------------------------------------
  { ...Q, name: 'an unclosed quote', from: 'title: { en: Customer Success Manager, zh-CN: 客户成功经理 }', to: 'title: { en: "Customer Success Manager, zh-CN: 客户成功经理 }', ruleId: 'syntax' },
  { ...S('people.yaml'), name: '引号没有闭合', from: '    name: 陈杰\n', to: '    name: "陈杰\n', ruleId: 'syntax' },
  { ...Q, name: 'an unclosed bracket', from: 'measures: [support-customers]\n', to: 'measures: [support-customers\n', ruleId: 'syntax' },
  { ...S('roles/leadership.yaml'), name: '花括号没有闭合', from: '    title: { en: Sales Director, zh-CN: 销售总监 }\n', to: '    title: { en: Sales Director, zh-CN: 销售总监\n', ruleId: 'syntax' },
  // --- a title or name where an id belongs ------------------------------------------------------
  { ...Q, name: 'a Chinese title where a role id belongs', from: '    level: operations\n    reports_to: sales-director\n', to: '    level: operations\n    reports_to: 销售总监\n', ruleId: 'schema', line: 1 },
  { ...Q, name: 'an English title where a role id belongs', from: '    reports_to: sales-manager\n    headcount: 5\n', to: '    reports_to: Sales Manager\n    headcount: 5\n', ruleId: 'schema' },
  { ...S('people.yaml'), name: '人员的岗位写成了岗位名称', from: '    role: ka-account-manager\n', to: '    role: KA客户经理\n', ruleId: 'schema' },
  { ...S('performance.yaml'), name: 'KPI 负责人写成了岗位名称', from: '    owners: [ka-account-manager]\n', to: '    owners: [KA 客户经理]\n', ruleId: 'schema' },
  // A name no role has: no suggestion, rather than a guess.
  { ...S('people.yaml'), name: '岗位名称写得和任何岗位都不一样', from: '    role: customer-success-manager\n', to: '    role: 客服主管\n', ruleId: 'schema' },
  // --- RACI -------------------------------------------------------------------------------------
  { ...Q, name: 'two RACI letters in one', from: 'set-targets: [A, R]', to: 'set-targets: RA', ruleId: 'schema' },
  { ...S('roles/leadership.yaml'), name: 'RACI 字母小写连写', from: '      set-sales-strategy: [A, R]\n', to: '      set-sales-strategy: ar\n', ruleId: 'schema' },
  { ...S('roles/leadership.yaml'), name: 'RACI 字母用全角逗号分隔', from: '      coordinate-resources: [A, R]\n', to: '      coordinate-resources: A，R\n', ruleId: 'schema' },
  { ...Q, name: 'a lowercase RACI letter', from: '      coach-team: R\n', to: '      coach-team: r\n', ruleId: 'schema' },
  // --- keys and values --------------------------------------------------------------------------
  { ...Q, name: 'a misspelled key', from: '    headcount: 5\n', to: '    headcont: 5\n', ruleId: 'unknown-key' },
  { ...S('roles/operations.yaml'), name: '键名拼错', from: '    reports_to: sales-director\n', to: '    reprots_to: sales-director\n', ruleId: 'unknown-key' },
  { ...S('roles/operations.yaml'), name: '中文键名', from: '    headcount: 3\n', to: '    编制: 3\n', ruleId: 'unknown-key' },
  { ...Q, name: 'a Chinese word for a key in an English org', from: '    reports_to: sales-manager\n    headcount: 5\n', to: '    汇报给: sales-manager\n    headcount: 5\n', ruleId: 'unknown-key' },
  { ...Q, name: 'a wrong enum value', from: '    level: tactical\n', to: '    level: tactic\n', ruleId: 'schema' },
  { ...S('duties.yaml'), name: '职责领域写成中文', from: '    area: customer\n    step: complaint-handling\n', to: '    area: 客户\n    step: complaint-handling\n', ruleId: 'schema' },
  { ...Q, name: 'a number written as text', from: '    headcount: 2\n', to: '    headcount: "2"\n', ruleId: 'schema' },
  { ...S('roles/operations.yaml'), name: '编制写成中文数字', from: '    headcount: 3\n', to: '    headcount: 三\n', ruleId: 'schema' },
  { ...S('people.yaml'), name: '工作年限少了单位', from: '    experience: 4y\n', to: '    experience: 4\n', ruleId: 'schema' },
  { ...Q, name: 'a duration without a unit', from: '    within: 1d\n', to: '    within: 24\n', ruleId: 'schema' },
  { ...Q, name: 'a single role where a list belongs', from: 'owners: [customer-success-manager]', to: 'owners: customer-success-manager', ruleId: 'schema' },
  { ...Q, name: 'a required key left out', from: '    title: { en: Sales Representative, zh-CN: 销售代表 }\n    level: frontline\n', to: '    title: { en: Sales Representative, zh-CN: 销售代表 }\n', ruleId: 'schema', line: -1 },
  { ...Q, name: 'an id with capitals', from: '  sales-rep:\n', to: '  Sales-Rep:\n', ruleId: 'schema' },
  // --- references ----------------------------------------------------------------------------
  { ...Q, name: 'a misspelled role id', from: '    reports_to: sales-manager\n    headcount: 5\n', to: '    reports_to: sales-manger\n    headcount: 5\n', ruleId: 'unknown-reference' },
  { ...S('duties.yaml'), name: '流程步骤 id 拼错', from: '    step: complaint-handling\n', to: '    step: complaint-handing\n', ruleId: 'unknown-reference' },
  // --- duplicates -------------------------------------------------------------------------------
  { ...Q, name: 'a key twice in one role', from: '    level: frontline\n    reports_to: sales-manager\n', to: '    level: frontline\n    reports_to: sales-manager\n    level: operations\n', ruleId: 'duplicate-key', line: 2 },
  {
    ...S('roles/leadership.yaml'),
    name: '同一个岗位 id 在两个文件中声明',
    from: '',
    to: '',
    added: { file: 'roles/new-hires.yaml', text: 'orgc: 1\nroles:\n  sales-manager:\n    title: { en: Sales Manager, zh-CN: 销售经理 }\n    level: tactical\n    reports_to: sales-director\n    duties: { plan-actions: A }\n' },
    inAdded: true,
    ruleId: 'duplicate-id',
    line: 2,
  },
  // --- suppressions -----------------------------------------------------------------------------
  {
    ...Q,
    name: 'a misspelled rule id in a suppression',
    // A one-person rep team: the manager's span is too narrow, on purpose, and the suppression for it is misspelled.
    from: '  sales-manager:\n',
    to: '  # orgc-disable-next-line span-of-contrl -- one rep while we hire\n  sales-manager:\n',
    more: [{ from: '    headcount: 5\n', to: '    headcount: 1\n' }],
    ruleId: 'unused-suppression',
    // Misspelled, the suppression silences nothing: the warning it was written for shows.
    also: ['span-of-control'],
  },
];
