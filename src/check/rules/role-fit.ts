// 人岗匹配, on the role side: what a role requires must cover what its duties demand, and senior
// roles must ask for the experience their level implies.
import { LEVELS, RACI_LETTERS, type RaciLetter, type RoleLevel } from '../../schema/grammar.js';
import type { Competency, Duty } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { keyAt, keyOf, valueAt } from '../where.js';
import { named } from '../named.js';

interface Options {
  letters: RaciLetter[];
  minExperience: Partial<Record<RoleLevel, number>>;
}

export default defineRule<Options>({
  meta: {
    id: 'role-fit',
    description: { en: "A role whose requirements do not cover what its duties demand, or ask for less experience than its level implies.", 'zh-CN': '岗位要求未覆盖其职责所需的能力，或经验要求低于其层级应有的水平。' },
    severity: 'error',
    recommended: true,
    options: {
      letters: {
        description: 'Which parts in a duty make its demands the role\'s: by default the duties a role is Responsible for.',
        default: ['R'],
        schema: { type: 'array', items: { enum: [...RACI_LETTERS] }, uniqueItems: true, minItems: 1 },
      },
      minExperience: {
        description: 'Least years of experience a role of each level must require, e.g. `{ strategic: 5, tactical: 3 }`.',
        default: { strategic: 5, tactical: 3 },
        schema: { type: 'object', propertyNames: { enum: [...LEVELS] }, additionalProperties: { type: 'number', minimum: 0 } },
      },
    },
    messages: {
      missing: { en: 'role {role} is {letter} for {duty}, which demands {competency} at level {level}, but the role does not require {competency}', 'zh-CN': '岗位 {role} 对 {duty} 承担 {letter}，该职责要求 {competency} 达到 {level} 级，但岗位未要求 {competency}' },
      'too-low': { en: 'role {role} requires {competency} at level {required}, but its duty {duty} demands level {level}', 'zh-CN': '岗位 {role} 要求 {competency} 为 {required} 级，但其职责 {duty} 要求 {level} 级' },
      experience: { en: 'a {level} role should require at least {min, plural, one {# year} other {# years}} of experience; {role} requires {years}', 'zh-CN': '{level} 层级的岗位应要求至少 {min} 年经验；{role} 要求 {years} 年' },
      'no-experience': { en: 'a {level} role should require at least {min, plural, one {# year} other {# years}} of experience; {role} states none', 'zh-CN': '{level} 层级的岗位应要求至少 {min} 年经验；{role} 未写明经验要求' },
    },
  },
  check({ model, options, report }) {
    // The highest level each competency is demanded at, and by which duty: one map, cleared for
    // each role, and nothing allocated for a demand the role meets.
    const demanded = new Map<Competency, { level: number; duty: Duty; letter: RaciLetter }>();
    for (const role of model.roles.values()) {
      demanded.clear();
      for (const a of role.duties) {
        if (a.duty.demands.size === 0) continue;
        const letter = options.letters.find((l) => a.letters.has(l));
        if (!letter) continue;
        for (const [competency, level] of a.duty.demands) {
          const best = demanded.get(competency);
          if (!best || level > best.level) demanded.set(competency, { level, duty: a.duty, letter });
        }
      }
      for (const [competency, { level, duty, letter }] of demanded) {
        const required = role.requires.competencies.get(competency);
        if (required !== undefined && required >= level) continue;
        const data = { role: named(model, role), duty: named(model, duty), competency: named(model, competency), level, letter };
        if (required === undefined) report({ messageId: 'missing', data, at: keyAt(role.src, 'duties', duty.id) });
        else report({ messageId: 'too-low', data: { ...data, required }, at: valueAt(role.src, 'requires', 'competencies', competency.id) });
      }
      const min = options.minExperience[role.level];
      if (min === undefined || min <= 0) continue;
      const years = role.requires.experience;
      if (years === undefined) report({ messageId: 'no-experience', data: { role: named(model, role), level: role.level, min }, at: keyOf(role.src) });
      else if (years < min) report({ messageId: 'experience', data: { role: named(model, role), level: role.level, min, years }, at: valueAt(role.src, 'requires', 'experience') });
    }
  },
});
