// `--format jobposting`: one schema.org JobPosting per role as JSON-LD, the structured data job
// boards and Google for Jobs read (https://developers.google.com/search/docs/appearance/structured-data/job-posting),
// and an index of them. Required properties come from the org (title, description, datePosted,
// hiringOrganization, jobLocation or applicantLocationRequirements + jobLocationType); a posting
// that would lack one is reported by `postingGaps` before anything is written, never left out
// silently. The posting date comes from `org.jobs.posted`, never from the clock: the same org
// renders the same files.
import type { UiLanguage } from '../i18n/lang.js';
import { pick, type LocalText } from '../i18n/text.js';
import { jobFacts } from '../model/jobs.js';
import type { Location, OrgModel, Role, Text } from '../model/types.js';
import type { EducationLevel, EmploymentType } from '../schema/grammar.js';
import { localize } from '../i18n/text.js';
import type { PageSink } from './output.js';
import type { Labels, RoleView, Views } from './view/types.js';

const EMPLOYMENT: Record<EmploymentType, string> = {
  'full-time': 'FULL_TIME',
  'part-time': 'PART_TIME',
  contract: 'CONTRACTOR',
  temporary: 'TEMPORARY',
  intern: 'INTERN',
  volunteer: 'VOLUNTEER',
  'per-diem': 'PER_DIEM',
  other: 'OTHER',
};

/** schema.org's credentialCategory words that Google reads. */
const CREDENTIAL: Record<EducationLevel, string> = {
  'high-school': 'high school',
  vocational: 'professional certificate',
  associate: 'associate degree',
  bachelor: 'bachelor degree',
  master: 'postgraduate degree',
  doctorate: 'postgraduate degree',
};

/** A required property a role's posting would lack, and what to write to supply it. */
export interface PostingGap {
  /** The role, or undefined when the gap is the org's (every posting lacks it). */
  role?: string;
  property: 'datePosted' | 'description' | 'jobLocation' | 'applicantLocationRequirements';
}

const GAP_MESSAGES: Record<PostingGap['property'], LocalText> = {
  datePosted: {
    en: "every job posting lacks datePosted: add `posted: 'YYYY-MM-DD'` under `jobs:` in `org:` (the day the postings go out)",
    'zh-CN': "所有职位发布都缺少 datePosted（发布日期）：在 `org:` 的 `jobs:` 下添加 `posted: 'YYYY-MM-DD'`（职位发布的日期）",
  },
  description: {
    en: 'role {role}: the job posting lacks a description: give the role a `purpose` or duties',
    'zh-CN': '岗位 {role}：职位发布缺少 description（职位描述）：为该岗位填写 `purpose`（岗位目的）或职责',
  },
  jobLocation: {
    en: 'role {role}: the job posting lacks jobLocation: add `location: { places: [{ city: …, country: CN }] }` to the role, or to `jobs:` in `org:` for every role (`work: remote` with `remote_in` for remote jobs)',
    'zh-CN': '岗位 {role}：职位发布缺少 jobLocation（工作地点）：在该岗位添加 `location: { places: [{ city: …, country: CN }] }`，或在 `org:` 的 `jobs:` 下为所有岗位添加（远程岗位写 `work: remote` 和 `remote_in`）',
  },
  applicantLocationRequirements: {
    en: 'role {role}: the remote job posting lacks applicantLocationRequirements: add `remote_in: [CN]` (the countries applicants may live in) to its `location`',
    'zh-CN': '岗位 {role}：远程职位发布缺少 applicantLocationRequirements（应聘者所在地要求）：在其 `location` 中添加 `remote_in: [CN]`（应聘者可居住的国家）',
  },
};

/** Required properties the postings would lack, org-wide ones first, then by role in declaration order. */
export function postingGaps(model: OrgModel): PostingGap[] {
  const gaps: PostingGap[] = [];
  if (!model.org.jobs?.posted) gaps.push({ property: 'datePosted' });
  for (const role of model.roles.values()) {
    if (role.purpose === undefined && role.duties.length === 0) gaps.push({ role: role.id, property: 'description' });
    const where = jobFacts(role, model.org).location;
    if (where?.work === 'remote') {
      if (where.remoteIn.length === 0) gaps.push({ role: role.id, property: 'applicantLocationRequirements' });
    } else if (!where || where.places.length === 0) gaps.push({ role: role.id, property: 'jobLocation' });
  }
  return gaps;
}

/** A gap as the HR lead reads it. */
export function postingGapMessage(gap: PostingGap, model: OrgModel, lang: string): string {
  const role = gap.role === undefined ? undefined : model.roles.get(gap.role);
  const name = role ? `${localize(role.title, lang, model.org.language) || role.id} (${role.id})` : '';
  return pick(GAP_MESSAGES[gap.property], lang).replace('{role}', name);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The job description as the HTML `description` Google asks for: purpose, duties, qualifications, the rest. */
export function descriptionHtml(role: RoleView, labels: Labels): string {
  const job = role.job;
  const parts: string[] = [];
  if (role.purpose) parts.push(`<p>${esc(role.purpose)}</p>`);
  const list = (items: string[]) => `<ul>${items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
  const section = (title: string, body: string) => parts.push(`<h3>${esc(title)}</h3>${body}`);
  const duties = job.responsibilities.flatMap((g) => g.duties.map((d) => d.sentence));
  if (duties.length) section(labels.responsibilities, `<ol>${duties.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>`);
  if (job.qualifications.length) section(labels.qualifications, list(job.qualifications));
  if (job.authority.length) section(labels.authority, list(job.authority));
  if (job.careerPath.length) section(labels.careerPath, `<p>${job.careerPath.map((r) => esc(r.title)).join(' → ')}</p>`);
  return parts.join('');
}

function place(p: Location['places'][number], t: (x: Text | undefined) => string): object {
  return {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      ...(p.address === undefined ? {} : { streetAddress: t(p.address) }),
      addressLocality: t(p.city),
      ...(p.region === undefined ? {} : { addressRegion: t(p.region) }),
      addressCountry: p.country,
    },
  };
}

/** One role's JobPosting. Views must have been built without escaping (plain text). */
export function jobPosting(model: OrgModel, role: Role, view: RoleView, labels: Labels, lang: UiLanguage): Record<string, unknown> {
  const t = (x: Text | undefined) => localize(x, lang, model.org.language);
  const jobs = model.org.jobs;
  const facts = jobFacts(role, model.org);
  const where = facts.location;
  const band = (role as { payBand?: { min: number; max: number; currency: string } }).payBand;
  const education = role.requires.education;
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: view.title,
    description: descriptionHtml(view, labels),
    identifier: { '@type': 'PropertyValue', name: t(model.org.name), value: role.id },
    ...(jobs?.posted ? { datePosted: jobs.posted } : {}),
    ...(jobs?.validThrough ? { validThrough: jobs.validThrough } : {}),
    ...(facts.employmentType.length ? { employmentType: facts.employmentType.map((x) => EMPLOYMENT[x]) } : {}),
    hiringOrganization: { '@type': 'Organization', name: t(model.org.name), ...(jobs?.website ? { sameAs: jobs.website } : {}) },
    ...(where && where.places.length ? { jobLocation: where.places.map((p) => place(p, t)) } : {}),
    ...(where?.work === 'remote'
      ? { jobLocationType: 'TELECOMMUTE', ...(where.remoteIn.length ? { applicantLocationRequirements: where.remoteIn.map((c) => ({ '@type': 'Country', name: c })) } : {}) }
      : {}),
    ...(band
      ? { baseSalary: { '@type': 'MonetaryAmount', currency: band.currency, value: { '@type': 'QuantitativeValue', minValue: band.min, maxValue: band.max, unitText: 'YEAR' } } }
      : {}),
    ...(education ? { educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: CREDENTIAL[education.level] } } : {}),
    ...(role.requires.experience ? { experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: Math.round(role.requires.experience * 12) } } : {}),
    ...(role.vacancies > 0 ? { totalJobOpenings: role.vacancies } : {}),
    inLanguage: lang,
  };
}

/** `roles/<file>.jsonld` for every role, and `index.json` listing them. */
export function renderJobPostings(model: OrgModel, views: Views, lang: UiLanguage, out: PageSink): void {
  const index: Array<{ id: string; title: string; file: string }> = [];
  const roles = model.roles.values();
  for (const view of views.roles) {
    const role = roles.next().value as Role;
    const file = `roles/${view.file}.jsonld`;
    out.set(file, `${JSON.stringify(jobPosting(model, role, view, views.labels, lang), null, 2)}\n`);
    index.push({ id: view.id, title: view.title, file });
  }
  out.set('index.json', `${JSON.stringify({ org: views.org.name, lang, postings: index }, null, 2)}\n`);
}
