// The checks the model stage performs while it resolves references, with their messages.
import type { CheckMeta } from '../finding.js';

export const duplicateId: CheckMeta = {
  id: 'duplicate-id',
  core: true,
  severity: 'error',
  description: { en: 'An id is declared twice, in the same section of two files.', 'zh-CN': '同一个 id 在两个文件的同一部分中被重复声明。' },
  messages: {
    'duplicate-id': { en: '{kind|kind} `{id}` is declared twice: first at {file}:{line}, which counts; this later one is ignored — rename or remove one of them', 'zh-CN': '{kind|kind} `{id}` 声明了两次：先声明于 {file}:{line}，以它为准；此处后声明的被忽略——请重命名或删除其中一个' },
    'duplicate-org': { en: '`org` is already declared at {file}:{line}; an org declares it once', 'zh-CN': '`org` 已在 {file}:{line} 声明；一个组织只能声明一次' },
    'duplicate-levels': { en: '`competency_levels` is already declared at {file}:{line}', 'zh-CN': '`competency_levels` 已在 {file}:{line} 声明' },
    'first-declared': { en: 'first declared here', 'zh-CN': '首次声明于此' },
  },
};

export const unknownReference: CheckMeta = {
  id: 'unknown-reference',
  core: true,
  severity: 'error',
  description: { en: 'A reference to an id that is not declared.', 'zh-CN': '引用了未声明的 id。' },
  messages: {
    unknown: { en: 'unknown {kind|kind} `{id}`', 'zh-CN': '未知的{kind|kind} `{id}`' },
    'unknown-suggest': { en: 'unknown {kind|kind} `{id}`; did you mean `{suggestion}`?', 'zh-CN': '未知的{kind|kind} `{id}`；您是否想写 `{suggestion}`？' },
    'unknown-suggest-name': { en: 'unknown {kind|kind} `{id}`; did you mean `{suggestion}` ({name})?', 'zh-CN': '未知的{kind|kind} `{id}`；您是否想写 `{suggestion}`（{name}）？' },
    'unknown-value': { en: '`{id}` is not a value of dimension `{dimension}`', 'zh-CN': '`{id}` 不是维度 `{dimension}` 的取值' },
    'unknown-value-suggest': { en: '`{id}` is not a value of dimension `{dimension}`; did you mean `{suggestion}`?', 'zh-CN': '`{id}` 不是维度 `{dimension}` 的取值；您是否想写 `{suggestion}`？' },
    'missing-org': { en: 'no file declares `org:` (id, name and default language of the org)', 'zh-CN': '没有文件声明 `org:`（组织的 id、名称和默认语言）' },
    'removed-by-scenario': { en: 'the scenario removes it here: change the reference in the scenario too', 'zh-CN': '方案在此处删除了它：请在方案中一并修改这个引用' },
  },
};

export const competencyLevel: CheckMeta = {
  id: 'competency-level',
  core: true,
  severity: 'error',
  description: { en: 'A competency level beyond the top of its scale.', 'zh-CN': '能力等级超出了其等级量表的上限。' },
  messages: {
    'beyond-scale': { en: 'level {level} is beyond the scale of `{competency}`, which has {max} levels', 'zh-CN': '等级 {level} 超出了 `{competency}` 的量表（共 {max} 级）' },
    'no-scale': { en: '`{competency}` has no level scale: declare `competency_levels` or the competency\'s own `levels`', 'zh-CN': '`{competency}` 没有等级量表：请声明 `competency_levels` 或该能力自己的 `levels`' },
  },
};

export const reportingCycle: CheckMeta = {
  id: 'reporting-cycle',
  core: true,
  severity: 'error',
  description: { en: 'Solid reporting lines that go round in a circle.', 'zh-CN': '实线汇报关系形成了循环。' },
  messages: {
    cycle: { en: 'reporting cycle: {cycle}', 'zh-CN': '汇报关系形成循环：{cycle}' },
    self: { en: '`{role}` reports to itself', 'zh-CN': '`{role}` 向自己汇报' },
  },
};

export const parentCycle: CheckMeta = {
  id: 'parent-cycle',
  core: true,
  severity: 'error',
  description: { en: 'A target or service level that is, through its parents, part of itself.', 'zh-CN': '目标或服务水平通过上级关系成为了自身的一部分。' },
  messages: {
    target: { en: 'target `{id}` cannot be part of `{parent}`: `{parent}` is already part of `{id}`', 'zh-CN': '目标 `{id}` 不能属于 `{parent}`：`{parent}` 已经属于 `{id}`' },
    'service-level': { en: 'service level `{id}` cannot be part of `{parent}`: `{parent}` is already part of `{id}`', 'zh-CN': '服务水平 `{id}` 不能属于 `{parent}`：`{parent}` 已经属于 `{id}`' },
  },
};

export const MODEL_CHECKS: readonly CheckMeta[] = [duplicateId, unknownReference, competencyLevel, reportingCycle, parentCycle];
