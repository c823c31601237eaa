// The messages of scenario files (scenario.ts): their envelope, and operations that no longer fit
// the base org they name (stale) or contradict each other (conflicts).
import type { CheckMeta } from '../finding.js';

export const scenarioCheck: CheckMeta = {
  id: 'scenario',
  core: true,
  severity: 'error',
  description: {
    en: 'A scenario file is malformed, or one of its changes does not fit the base org it names.',
    'zh-CN': '方案文件格式有误，或其中某项变更与它所依据的基础组织不符。',
  },
  messages: {
    'not-a-map': { en: '`{key}` must be a map', 'zh-CN': '`{key}` 必须是一个映射（键: 值）' },
    'not-a-list': { en: '`{key}` must be a list of ids, e.g. `[{example}]`', 'zh-CN': '`{key}` 必须是 id 列表，例如 `[{example}]`' },
    'missing-scenario': {
      en: 'a scenario file starts with `scenario:` (its id, name and `base:`)',
      'zh-CN': '方案文件以 `scenario:` 开头（写明方案的 id、名称和 `base:`）',
    },
    'missing-field': {
      en: '`scenario:` needs `{field}:` — {why}',
      'zh-CN': '`scenario:` 缺少 `{field}:` ——{why}',
    },
    'bad-id': {
      en: '`{value}` is not a valid id: use lowercase letters, digits and hyphens, starting with a letter (e.g. `ka-split`)',
      'zh-CN': '`{value}` 不是有效的 id：请使用小写字母、数字和连字符，并以字母开头（例如 `ka-split`）',
    },
    'bad-text': { en: '`{key}` must be a text, or a text per language (`{ en: …, zh-CN: … }`)', 'zh-CN': '`{key}` 必须是文字，或按语言分别写的文字（`{ en: …, zh-CN: … }`）' },
    'unknown-key': {
      en: '`{key}` is not a part of a scenario file: it holds `orgc`, `scenario`, `add`, `change`, `remove`, `waves` and `notes`',
      'zh-CN': '方案文件中没有 `{key}`：方案文件只包含 `orgc`、`scenario`、`add`、`change`、`remove`、`waves` 和 `notes`',
    },
    'unknown-key-suggest': {
      en: '`{key}` is not a part of a scenario file: did you mean `{suggestion}`?',
      'zh-CN': '方案文件中没有 `{key}`：是不是想写 `{suggestion}`？',
    },
    'unknown-scenario-key': {
      en: '`{key}` is not a field of `scenario:`: it has `id`, `name`, `base`, `answers`, `description` and `notes`',
      'zh-CN': '`scenario:` 中没有 `{key}` 字段：可用的字段有 `id`、`name`、`base`、`answers`、`description` 和 `notes`',
    },
    'unknown-section': {
      en: '`{key}` is not a section of an org: use one of {sections}',
      'zh-CN': '`{key}` 不是组织文件的部分：请使用 {sections} 之一',
    },
    'unknown-section-suggest': {
      en: '`{key}` is not a section of an org: did you mean `{suggestion}`?',
      'zh-CN': '`{key}` 不是组织文件的部分：是不是想写 `{suggestion}`？',
    },
    'version': { en: 'a scenario file starts with `orgc: 1`, as org files do', 'zh-CN': '方案文件与组织文件一样，以 `orgc: 1` 开头' },
    'alone': {
      en: 'give the scenario without other org files: it names its base org in `base:`',
      'zh-CN': '请只给出方案文件，不要同时给出其他组织文件：方案已在 `base:` 中写明它的基础组织',
    },
    'base-differs': {
      en: 'the files of one scenario name the same base; this one names `{base}`, {other} names `{otherBase}`',
      'zh-CN': '同一方案的各个文件必须依据同一个基础组织；此文件写的是 `{base}`，{other} 写的是 `{otherBase}`',
    },
    'id-differs': {
      en: 'the files of one scenario have the same id; this one has `{id}`, {other} has `{otherId}`',
      'zh-CN': '同一方案的各个文件必须使用同一个 id；此文件是 `{id}`，{other} 是 `{otherId}`',
    },
    'base-missing': {
      en: 'there is no org at `{base}`: write the path of the base org from this file, e.g. `../sales-org`',
      'zh-CN': '`{base}` 处没有组织文件：请写基础组织相对于此文件的路径，例如 `../sales-org`',
    },
    'base-unreadable': {
      en: 'the base org `{base}` cannot be read: `orgc validate {base}` says why',
      'zh-CN': '无法读取基础组织 `{base}`：运行 `orgc validate {base}` 可查看原因',
    },
    'base-not-on-disk': {
      en: 'a scenario names its base by a path, so it is read from files on disk, not from a git revision or text: check out the revision to compare it',
      'zh-CN': '方案通过路径指定基础组织，因此只能从磁盘上的文件读取，不能从 git 版本或文本读取：请先检出该版本再比较',
    },
    'base-is-scenario': {
      en: 'the base `{base}` is itself a scenario: name the org it is based on instead',
      'zh-CN': '基础组织 `{base}` 本身是一个方案：请改为写它所依据的组织',
    },
    'change-unknown': {
      en: 'the base org has no `{id}` under `{section}:` to change: to add it, move it under `add:`',
      'zh-CN': '基础组织的 `{section}:` 中没有 `{id}`，无法修改：如果要新增，请把它移到 `add:` 下',
    },
    'change-unknown-suggest': {
      en: 'the base org has no `{id}` under `{section}:` to change: did you mean `{suggestion}`?',
      'zh-CN': '基础组织的 `{section}:` 中没有 `{id}`，无法修改：是不是想写 `{suggestion}`？',
    },
    'remove-unknown': {
      en: 'the base org has no `{id}` under `{section}:` to remove',
      'zh-CN': '基础组织的 `{section}:` 中没有 `{id}`，无法删除',
    },
    'remove-unknown-suggest': {
      en: 'the base org has no `{id}` under `{section}:` to remove: did you mean `{suggestion}`?',
      'zh-CN': '基础组织的 `{section}:` 中没有 `{id}`，无法删除：是不是想写 `{suggestion}`？',
    },
    'add-exists': {
      en: 'the base org already has `{id}` under `{section}:`: to change it, move it under `change:`; to replace it, remove it and add one with a new id',
      'zh-CN': '基础组织的 `{section}:` 中已有 `{id}`：如果要修改，请把它移到 `change:` 下；如果要替换，请删除它并用新 id 新增',
    },
    'change-removed': {
      en: '`{id}` under `{section}:` is both removed and changed by this scenario: keep one',
      'zh-CN': '此方案对 `{section}:` 中的 `{id}` 既删除又修改：请只保留一项',
    },
    'twice': {
      en: '`{id}` under `{section}:` appears twice in this scenario\'s `{operation}:`: merge the two',
      'zh-CN': '`{section}:` 中的 `{id}` 在此方案的 `{operation}:` 中出现了两次：请合并为一处',
    },
    'twice-at': { en: 'also here', 'zh-CN': '另一处在这里' },
    'waves-not-a-list': {
      en: '`waves:` is a list of steps, each with its date: `- effective: 2027-07-01` followed by its `add:`, `change:` or `remove:`',
      'zh-CN': '`waves:` 是按日期排列的步骤列表，每一步写明生效日期：`- effective: 2027-07-01`，再写它的 `add:`、`change:` 或 `remove:`',
    },
    'unknown-wave-key': {
      en: '`{key}` is not a field of a wave: it has `effective`, `name`, `add`, `change`, `remove` and `notes`',
      'zh-CN': '分步实施的步骤中没有 `{key}` 字段：可用的字段有 `effective`、`name`、`add`、`change`、`remove` 和 `notes`',
    },
    'unknown-wave-key-suggest': {
      en: '`{key}` is not a field of a wave: did you mean `{suggestion}`?',
      'zh-CN': '分步实施的步骤中没有 `{key}` 字段：是不是想写 `{suggestion}`？',
    },
    'wave-date-missing': {
      en: 'this wave has no date: add `effective:` with the day it takes effect, e.g. `effective: 2027-07-01`',
      'zh-CN': '此步骤没有生效日期：请添加 `effective:`，写明生效的日期，例如 `effective: 2027-07-01`',
    },
    'wave-date': {
      en: '`{value}` is not a date: write the day the wave takes effect as `YYYY-MM-DD`, e.g. `2027-07-01`',
      'zh-CN': '`{value}` 不是日期：请按 `YYYY-MM-DD` 写生效日期，例如 `2027-07-01`',
    },
    'wave-order': {
      en: 'the waves are listed in the order they take effect: {date} comes after the wave before it ({previous}); move this wave up, or correct its date',
      'zh-CN': '各步骤应按生效先后排列：{date} 不晚于上一步（{previous}）；请把此步骤上移，或更正日期',
    },
    'gone': {
      en: '`{id}` under `{section}:` is removed by an earlier step of this scenario: change or remove it before that, or add it again',
      'zh-CN': '`{section}:` 中的 `{id}` 已在此方案较早的步骤中删除：请在删除之前修改或删除它，或者重新新增',
    },
    'removed-at': { en: 'removed here', 'zh-CN': '在这里删除' },
    'answers-unknown': {
      en: 'the scenario answers the signal `{id}`, which the base org does not declare under `signals:`',
      'zh-CN': '方案回应的信号 `{id}` 不在基础组织的 `signals:` 中',
    },
  },
};
