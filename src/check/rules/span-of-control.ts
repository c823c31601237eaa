// Sane spans: a manager of one is a layer too many; a manager of forty manages nobody. First-line
// sales managers (those who lead sellers directly) have a narrower band of their own: they coach
// deals every week (docs/rules/span-of-control.md cites the sources).
import type { Role } from '../../model/types.js';
import { LEVELS, type RoleLevel } from '../../schema/grammar.js';
import { defineRule } from '../rule.js';
import { keyOf } from '../where.js';
import { named } from '../named.js';

interface Limits {
  min: number;
  max: number;
}

interface Options extends Limits {
  firstLine: Limits;
  levels: Partial<Record<RoleLevel, Limits>>;
}

const LIMITS = { type: 'object', properties: { min: { type: 'number', minimum: 0 }, max: { type: 'number', minimum: 1 } }, required: ['min', 'max'], additionalProperties: false };

export default defineRule<Options>({
  meta: {
    id: 'span-of-control',
    description: { en: 'A manager with fewer or more direct reports than is sensible, counting headcount.', 'zh-CN': '直接下属人数（按编制计）过少或过多的管理岗位。' },
    severity: 'warning',
    recommended: true,
    options: {
      min: { description: 'Fewest direct reports per manager (headcount of the roles reporting to it, divided by its own headcount).', default: 2, schema: { type: 'number', minimum: 0 } },
      max: { description: 'Most direct reports per manager.', default: 12, schema: { type: 'number', minimum: 1 } },
      firstLine: {
        description: 'Limits for first-line sales managers: managers whose direct reports are all frontline roles that manage nobody. They come before `levels`.',
        default: { min: 5, max: 10 },
        schema: LIMITS,
      },
      levels: {
        description: 'Limits by the manager\'s own level, e.g. `{ strategic: { min: 3, max: 8 } }`; a level left out uses `min` and `max`.',
        default: {},
        schema: { type: 'object', propertyNames: { enum: [...LEVELS] }, additionalProperties: LIMITS },
      },
    },
    messages: {
      'too-few': { en: 'each {role} has {span, plural, one {# direct report} other {# direct reports}} (at least {min}): merge the layer or widen the span', 'zh-CN': '每个 {role} 只有 {span} 名直接下属（至少 {min} 名）：可合并层级或扩大管理幅度' },
      'too-many': { en: 'each {role} has {span, plural, one {# direct report} other {# direct reports}} (at most {max}): add a layer or more managers', 'zh-CN': '每个 {role} 有 {span} 名直接下属（最多 {max} 名）：可增加层级或管理者' },
      'first-line-too-few': {
        en: 'each {role} leads {span, plural, one {# seller} other {# sellers}} directly (a first-line sales manager: at least {min}): give the team more sellers, or let a manager of a neighbouring team lead it',
        'zh-CN': '每个 {role} 直接带 {span} 名一线人员（一线销售经理：至少 {min} 名）：可扩充团队，或并入相邻团队的经理管理',
      },
      'first-line-too-many': {
        en: 'each {role} leads {span, plural, one {# seller} other {# sellers}} directly (a first-line sales manager: at most {max}, to coach every deal): add a manager seat or a team lead',
        'zh-CN': '每个 {role} 直接带 {span} 名一线人员（一线销售经理：最多 {max} 名，才能辅导每个商机）：可增加经理编制或设组长',
      },
    },
  },
  check({ model, options, report }) {
    for (const role of model.roles.values()) {
      if (role.reports.length === 0 || role.headcount === 0) continue;
      const people = role.reports.reduce((n, r) => n + r.headcount, 0);
      const span = Math.round((people / role.headcount) * 10) / 10;
      const firstLine = isFirstLine(role);
      const { min, max } = firstLine ? options.firstLine : (options.levels[role.level] ?? options);
      const prefix = firstLine ? 'first-line-' : '';
      if (span < min) report({ messageId: `${prefix}too-few`, data: { role: named(model, role), span, min }, at: keyOf(role.src) });
      else if (span > max) report({ messageId: `${prefix}too-many`, data: { role: named(model, role), span, max }, at: keyOf(role.src) });
    }
  },
});

/** A first-line sales manager: everyone reporting to it is a frontline role that manages nobody. */
function isFirstLine(role: Role): boolean {
  return role.reports.every((r) => r.level === 'frontline' && r.reports.length === 0);
}
