// 人岗匹配, on the person side: a named person should meet their role's requirements.
import { defineRule } from '../rule.js';
import { keyAt, valueAt } from '../where.js';
import { named } from '../named.js';

export default defineRule({
  meta: {
    id: 'person-fit',
    description: { en: 'A named person lacking a competency level or the experience their role requires.', 'zh-CN': '在岗人员未达到其岗位要求的能力等级或工作经验。' },
    severity: 'warning',
    recommended: true,
    options: {},
    messages: {
      'competency-missing': { en: '{person} holds role {role}, which requires {competency} at level {required}; no level is recorded for them', 'zh-CN': '{person} 任职 {role}，该岗位要求 {competency} 达到 {required} 级；未记录其该项能力' },
      'competency-low': { en: '{person} has {competency} at level {level}; {role} requires {required}', 'zh-CN': '{person} 的 {competency} 为 {level} 级；{role} 要求 {required} 级' },
      experience: { en: '{person} has {years, plural, one {# year} other {# years}} of experience; {role} requires {required}', 'zh-CN': '{person} 有 {years} 年经验；{role} 要求 {required} 年' },
    },
  },
  check({ model, report }) {
    for (const person of model.people.values()) {
      const role = person.role;
      const who = named(model, person);
      // Only judge what was assessed: a person with no competencies recorded is not "lacking" them.
      if (person.competencies.size > 0) {
        for (const [competency, required] of role.requires.competencies) {
          const level = person.competencies.get(competency);
          if (level !== undefined && level >= required) continue;
          const data = { person: who, role: named(model, role), competency: named(model, competency), required };
          if (level === undefined) report({ messageId: 'competency-missing', data, at: keyAt(person.src, 'competencies') });
          else if (level < required) report({ messageId: 'competency-low', data: { ...data, level }, at: valueAt(person.src, 'competencies', competency.id) });
        }
      }
      const required = role.requires.experience;
      if (required !== undefined && person.experience !== undefined && person.experience < required) {
        report({ messageId: 'experience', data: { person: who, role: named(model, role), years: person.experience, required }, at: valueAt(person.src, 'experience') });
      }
    }
  },
});
