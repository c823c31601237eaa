// Headcount that adds up: open positions are part of the headcount, and named people fill the rest.
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'headcount',
    description: { en: 'More vacancies than headcount, or more named people than filled positions.', 'zh-CN': '空缺数超过编制，或在岗人员多于已填补的岗位数。' },
    severity: 'error',
    recommended: true,
    options: {},
    messages: {
      vacancies: { en: 'role {role} has {vacancies, plural, one {# vacancy} other {# vacancies}} but a headcount of only {headcount}', 'zh-CN': '岗位 {role} 有 {vacancies} 个空缺，但编制只有 {headcount} 人' },
      people: { en: '{count, plural, one {# person holds} other {# people hold}} role {role}, which has {filled, plural, one {# filled position} other {# filled positions}} (headcount {headcount}, {vacancies} vacant)', 'zh-CN': '{count} 人任职岗位 {role}，但该岗位只有 {filled} 个已填补岗位（编制 {headcount}，空缺 {vacancies}）' },
    },
  },
  check({ model, report }) {
    for (const role of model.roles.values()) {
      const data = { role: named(model, role), headcount: role.headcount, vacancies: role.vacancies };
      if (role.vacancies > role.headcount) {
        report({ messageId: 'vacancies', data, at: valueAt(role.src, 'vacancies') });
        continue;
      }
      const filled = role.headcount - role.vacancies;
      if (role.people.length > filled) {
        // Point at the first person beyond the filled positions.
        report({ messageId: 'people', data: { ...data, count: role.people.length, filled }, at: valueAt(role.people[filled].src, 'role') });
      }
    }
  },
});
