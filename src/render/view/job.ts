// A role as a job description a recruiter could post: the header fields (department, location,
// employment type, education, pay range), duties as numbered sentences with the RACI as a side
// note, what the role is only kept informed of apart, requirements as recruiting sentences, the
// career path, authority and working relationships. Wording follows 岗位说明书 in Chinese and
// job postings in English; the templates (md, html) and the docx writer all read this one view.
import { formatMoneyRange, formatYears } from '../../i18n/format.js';
import type { UiLanguage } from '../../i18n/lang.js';
import { jobFacts } from '../../model/jobs.js';
import { isWork, raciLetters } from '../../model/queries.js';
import type { Duty, Location, OrgModel, Role, Text } from '../../model/types.js';
import { AREAS, CUSTOMER, type EducationLevel, type EmploymentType } from '../../schema/grammar.js';
import { AREA_LABELS, RACI_LABELS } from '../labels.js';
import type { JobView, RoleRef } from './types.js';

type Entry = Record<UiLanguage, string>;
const e = (en: string, zhCN: string, zhTW: string): Entry => ({ en, 'zh-CN': zhCN, 'zh-TW': zhTW });

export const EMPLOYMENT_LABELS: Record<EmploymentType, Entry> = {
  'full-time': e('Full-time', '全职', '全職'),
  'part-time': e('Part-time', '兼职', '兼職'),
  contract: e('Contract', '合同制', '合約制'),
  temporary: e('Temporary', '临时', '臨時'),
  intern: e('Internship', '实习', '實習'),
  volunteer: e('Volunteer', '志愿者', '志願者'),
  'per-diem': e('Per diem', '按日计酬', '按日計酬'),
  other: e('Other', '其他', '其他'),
};

export const EDUCATION_LABELS: Record<EducationLevel, Entry> = {
  'high-school': e('High school diploma', '高中', '高中'),
  vocational: e('Vocational diploma', '中专', '中專'),
  associate: e('Associate degree', '大专', '大專'),
  bachelor: e("Bachelor's degree", '本科', '大學'),
  master: e("Master's degree", '硕士', '碩士'),
  doctorate: e('Doctorate', '博士', '博士'),
};

const WORK_LABELS = { hybrid: e('hybrid', '混合办公', '混合辦公'), remote: e('Remote', '远程办公', '遠端辦公') };

/** How a competency level reads in a sentence, by where it sits on its scale (lowest, middle, upper, top). */
const SKILL_PHRASES: Record<'basic' | 'proficient' | 'advanced' | 'expert', Entry> = {
  basic: e('Basic knowledge of {list}', '具备{list}的基础', '具備{list}的基礎'),
  proficient: e('Proficient in {list}', '熟练掌握{list}', '熟練掌握{list}'),
  advanced: e('Advanced skills in {list}', '精通{list}', '精通{list}'),
  expert: e('Expert in {list}', '在{list}方面达到专家水平', '在{list}方面達到專家水準'),
};

/** The phrase a level takes on a scale of `size` levels. */
function skillBand(level: number, size: number): keyof typeof SKILL_PHRASES {
  if (size <= 1 || level >= size) return 'expert';
  if (level <= 1) return 'basic';
  return (level - 1) / (size - 1) < 0.5 ? 'proficient' : 'advanced';
}

type Localize = (text: Text | undefined) => string;

/** formatYears, each number once: Intl's unit formatting is slow, and 10k job descriptions ask for a handful of numbers. */
const years = new Map<string, string>();
function yearsText(n: number, lang: UiLanguage): string {
  const key = `${lang}\u0000${n}`;
  let text = years.get(key);
  if (text === undefined) years.set(key, (text = formatYears(n, lang)));
  return text;
}

export function jobView(model: OrgModel, role: Role, lang: UiLanguage, t: Localize, escape: (s: string) => string, ref: (r: Role) => RoleRef, contacts: Contacts = contactsOf()): JobView {
  const zh = lang !== 'en';
  const label = (entry: Entry) => escape(entry[lang]);
  const facts = jobFacts(role, model.org);
  const period = zh ? '。' : '.';
  const sentence = (s: string) => (s === '' || /[.!?。！？]$/.test(s) ? s : `${s}${period}`);

  // Duties the role does, decides or is consulted on, numbered through the page; those it is only
  // told about apart, so that 岗位职责 lists only what the role answers for.
  let n = 0;
  const responsibilities = AREAS.map((area) => ({
    area: label(AREA_LABELS[area]),
    duties: role.duties
      .filter((a) => a.duty.area === area && (isWork(a) || a.letters.has('C')))
      .map((a) => {
        const name = t(a.duty.name);
        const description = a.duty.description === undefined ? '' : t(a.duty.description);
        const letters = raciLetters(a.letters);
        return {
          n: ++n,
          sentence: description ? `${name}${zh ? '：' : ': '}${sentence(description)}` : sentence(name),
          raci: letters.join(', '),
          raciLong: letters.map((l) => label(RACI_LABELS[l])).join(zh ? '、' : ', '),
          step: a.duty.step ? t(a.duty.step.name) : undefined,
          note: '',
        };
      }),
  })).filter((g) => g.duties.length > 0);
  // The side note: the RACI part in words, and the process step. `（负责执行、最终负责 · 方案与报价）`.
  for (const g of responsibilities) for (const d of g.duties) d.note = zh ? `（${[d.raciLong, d.step].filter(Boolean).join(' · ')}）` : `(${[d.raciLong, d.step].filter(Boolean).join(' · ')})`;
  const informedOf = role.duties
    .filter((a) => a.letters.size === 1 && a.letters.has('I'))
    .map((a) => ({ name: t(a.duty.name), step: a.duty.step ? t(a.duty.step.name) : undefined }));

  return {
    department: facts.department === undefined ? undefined : t(facts.department),
    location: facts.location ? locationText(facts.location, lang, t, label) : undefined,
    addresses: (facts.location?.places ?? []).filter((p) => p.address !== undefined).map((p) => addressText(p, zh, t)),
    employmentType: facts.employmentType.length ? facts.employmentType.map((x) => label(EMPLOYMENT_LABELS[x])).join(zh ? '、' : ', ') : undefined,
    education: role.requires.education ? escape(zh ? `${EDUCATION_LABELS[role.requires.education.level][lang]}及以上` : `${EDUCATION_LABELS[role.requires.education.level][lang]} or higher`) : undefined,
    payRange: payRange(role, lang),
    responsibilities,
    informedOf,
    qualifications: qualifications(role, lang, t, escape, sentence),
    careerPath: role.careerPath.map(ref),
    authority: role.authority.map((x) => sentence(t(x))),
    relationships: relationships(role, t, ref, label, contacts),
  };
}

/** `Shanghai, Beijing (hybrid)`, `上海、北京`, `Remote (China)`, `远程办公（中国）`. */
export function locationText(l: Location, lang: UiLanguage, t: Localize, label: (e: Entry) => string): string {
  const zh = lang !== 'en';
  // A city with its province or state: `浙江杭州` / `Hangzhou, Zhejiang` (`Shanghai` once).
  const places = l.places.map((p) => addressText({ city: p.city, region: p.region }, zh, t)).join(zh ? '、' : l.places.some((p) => p.region !== undefined) ? '; ' : ', ');
  const countries = l.remoteIn.map((c) => countryName(c, lang)).join(zh ? '、' : ', ');
  const paren = (s: string) => (zh ? `（${s}）` : ` (${s})`);
  if (l.work === 'remote') return `${label(WORK_LABELS.remote)}${countries ? paren(countries) : places ? paren(places) : ''}`;
  if (l.work === 'hybrid') return places ? `${places}${paren(label(WORK_LABELS.hybrid))}` : label(WORK_LABELS.hybrid);
  return places;
}

/** An office's address as it is written in the language: `上海市浦东新区张江路 1000 号`, `1000 Zhangjiang Road, Pudong, Shanghai`; without `address`, the city and its province or state. */
function addressText(p: Pick<Location['places'][number], 'city' | 'region' | 'address'>, zh: boolean, t: Localize): string {
  const parts = (zh ? [p.region, p.city, p.address] : [p.address, p.city, p.region]).filter((x) => x !== undefined).map(t).filter(Boolean);
  // A part the one before already says (`上海市` then `上海`, `Shanghai` then `Shanghai`) is left out.
  const kept = parts.filter((x, i) => i === 0 || !(zh ? parts[i - 1].includes(x) || x.includes(parts[i - 1]) : parts[i - 1] === x));
  // `上海市` and `上海`: the longer stays, where the shorter stood.
  if (zh && kept.length < parts.length) return parts.filter((x, i) => !parts.some((y, j) => j !== i && y.includes(x) && y !== x)).join('');
  return kept.join(zh ? '' : ', ');
}

const regionNames = new Map<string, Intl.DisplayNames>();
/** `CN` → `China` / `中国`: Intl's region names. */
export function countryName(code: string, lang: UiLanguage): string {
  let names = regionNames.get(lang);
  if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The yearly base pay range of the role's pay band, once the language has pay bands (`role.payBand`). */
function payRange(role: Role, lang: UiLanguage): string | undefined {
  const band = (role as { payBand?: { min: number; max: number; currency: string } }).payBand;
  return band ? formatMoneyRange(band.min, band.max, band.currency, lang) : undefined;
}

function qualifications(role: Role, lang: UiLanguage, t: Localize, escape: (s: string) => string, sentence: (s: string) => string): string[] {
  const zh = lang !== 'en';
  const out: string[] = [];
  const r = role.requires;
  if (r.education) {
    const level = EDUCATION_LABELS[r.education.level][lang];
    const field = r.education.field === undefined ? '' : t(r.education.field);
    out.push(
      zh
        ? sentence(`${escape(level)}${lang === 'zh-TW' ? '及以上學歷' : '及以上学历'}${field ? `，${field}` : ''}`)
        : sentence(`${escape(level)} or higher${field ? ` in ${field}` : ''}`),
    );
  }
  if (r.experience !== undefined && r.experience > 0) {
    const years = { 'zh-CN': '{n} 年以上相关工作经验', 'zh-TW': '{n} 年以上相關工作經驗' } as const;
    out.push(zh ? sentence(years[lang as 'zh-CN' | 'zh-TW'].replace('{n}', String(r.experience))) : sentence(`At least ${yearsText(r.experience, lang)} of relevant experience`));
  }
  // Competencies grouped by how well they must be mastered: `熟练掌握需求洞察、数据分析。`
  const bands = new Map<keyof typeof SKILL_PHRASES, string[]>();
  for (const [c, level] of r.competencies) {
    const band = skillBand(level, c.levels.length);
    const name = t(c.name);
    // The org's text as written (no lower-casing): `Proficient in Coaching and Negotiation.`
    (bands.get(band) ?? bands.set(band, []).get(band)!).push(name);
  }
  for (const band of ['expert', 'advanced', 'proficient', 'basic'] as const) {
    const names = bands.get(band);
    if (!names) continue;
    const list = zh ? names.join('、') : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
    const [before, after] = SKILL_PHRASES[band][lang].split('{list}');
    out.push(sentence(`${escape(before)}${list}${escape(after)}`));
  }
  for (const x of r.other) out.push(sentence(t(x)));
  return out;
}

/** Internal contacts from the reporting lines, hand-offs and shared duties; external ones from hand-offs with customers and the text. */
function relationships(role: Role, t: Localize, ref: (r: Role) => RoleRef, label: (e: Entry) => string, contactsOn: Contacts): JobView['relationships'] {
  const seen = new Set<Role>([role]);
  const internal: RoleRef[] = [];
  const add = (r: Role | typeof CUSTOMER | undefined) => {
    if (!r || r === CUSTOMER || seen.has(r)) return;
    seen.add(r);
    internal.push(ref(r));
  };
  add(role.manager);
  role.dottedManagers.forEach(add);
  role.reports.forEach(add);
  role.dottedReports.forEach(add);
  for (const sl of role.serviceLevelsFrom) add(sl.to);
  for (const sl of role.serviceLevelsTo) add(sl.from);
  // On the duties it works on: whom it answers to (A), who does what it owns (R), whom it consults (C).
  // Peers doing the same work are not contacts of each other.
  for (const a of role.duties) {
    if (!isWork(a)) continue;
    for (const other of contactsOn(a.duty, a.letters.has('R'), a.letters.has('A'))) add(other);
  }
  const more = Math.max(0, internal.length - RELATIONSHIP_LIMIT);
  const customer = [...role.serviceLevelsFrom, ...role.serviceLevelsTo].some((sl) => sl.from === CUSTOMER || sl.to === CUSTOMER) || role.duties.some((a) => isWork(a) && a.duty.area === 'customer');
  return {
    internal: internal.slice(0, RELATIONSHIP_LIMIT),
    internalMore: more ? label(e(`and ${more} more`, `等另外 ${more} 个岗位`, `等另外 ${more} 個崗位`)) : undefined,
    internalText: role.relationships.internal.map(t),
    external: [...(customer && !role.relationships.external.length ? [label(e('Customers', '客户', '客戶'))] : []), ...role.relationships.external.map(t)],
  };
}

/**
 * The roles on a duty that one of its doers works with, in the duty's order: its A roles for an R,
 * its R roles for an A, its C roles for both. Worked out once a duty and kind of doer: a duty
 * shared by thousands of roles was walked whole for each of them.
 */
export type Contacts = (duty: Duty, isR: boolean, isA: boolean) => readonly Role[];

/** A Contacts for the job descriptions of one model (each call of buildViews has its own). */
export function contactsOf(): Contacts {
  const lists = new Map<Duty, Role[][]>();
  return (duty, isR, isA) => {
    let mine = lists.get(duty);
    if (!mine) lists.set(duty, (mine = []));
    const kind = (isR ? 1 : 0) + (isA ? 2 : 0);
    return (mine[kind] ??= duty.assignments.filter((o) => (isR && o.letters.has('A')) || (isA && o.letters.has('R')) || o.letters.has('C')).map((o) => o.role));
  };
}

/** Roles named in a job description's working relationships before "and N more". */
const RELATIONSHIP_LIMIT = 12;
