// A synthetic people export of an HR system (the CSV `orgc import` reads), of any size, with one of
// three distributions of titles, because each stresses a different part of the import:
//
// - `concentrated`: one title in one department under one manager role holds 90 % of the people
//   (a large inside-sales floor): one role with 90,000 members at 100k, where anything that copies
//   or scans a role's members per person is quadratic.
// - `uniform`: frontline titles drawn evenly from 96 titles, managers' from 16, departments from 12:
//   tens of thousands of roles, many sharing a title, so that splits are named by region and team.
// - `long-tail`: titles drawn from a Zipf distribution over as many titles as a tenth of the people:
//   a few common titles and a long tail of titles held by one person, as real exports have.
//
// Every export has an employee id, a name (names repeat, as they do), a title, the manager's id, a
// department, a region and, for one person in fifty, a dotted-line manager. Deterministic for a
// given size and distribution.

import { random } from './synthetic-org.js';

export const DISTRIBUTIONS = ['concentrated', 'uniform', 'long-tail'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

const FIRST = ['Wei', 'Fang', 'Min', 'Jing', 'Li', 'Anna', 'James', 'Maria', 'David', 'Sofia', 'Lukas', 'Emma', 'Noah', 'Olivia', 'Liam', 'Mia', 'Hiroshi', 'Yuki', 'Priya', 'Arjun', 'Chloé', 'José', 'Zoë', 'Ólafur', 'Fatima', 'Omar', 'Ivan', 'Elena', 'Kwame', 'Amara'];
const LAST = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Smith', 'Johnson', 'García', 'Müller', 'Rossi', 'Kowalski', 'Nguyen', 'Kim', 'Tanaka', 'Patel', 'Singh', 'Silva', 'Dubois', 'Jansen', 'Novak', 'Ivanova', 'Okafor', 'Haddad', 'Cohen', 'Larsen', "O'Brien", 'Schmidt', 'Martin', 'Lopez', 'Brown'];
const REGIONS = ['East', 'West', 'North', 'South', 'Central', 'EMEA', 'APAC', 'LATAM'];
const DEPARTMENTS = ['Sales', 'Inside Sales', 'Enterprise Sales', 'Channel Sales', 'Customer Success', 'Sales Operations', 'Solutions Engineering', 'Marketing', 'Partnerships', 'Renewals', 'Sales Enablement', 'Business Development'];
const MANAGER_TITLES = ['Sales Manager', 'Inside Sales Manager', 'Enterprise Sales Manager', 'Channel Manager', 'Customer Success Manager', 'Sales Ops Manager', 'Solutions Engineering Manager', 'Marketing Manager', 'Partner Manager', 'Renewals Manager', 'Enablement Manager', 'BDR Manager', 'Team Lead', 'Sr. Sales Manager', 'Regional Sales Manager', 'Area Sales Manager'];
const SENIORITY = ['', 'Senior ', 'Junior ', 'Principal ', 'Associate ', 'Lead '];
const FUNCTIONS = ['Account Executive', 'Sales Development Representative', 'Business Development Representative', 'Account Manager', 'Solutions Consultant', 'Sales Engineer', 'Customer Success Specialist', 'Renewals Specialist', 'Channel Account Manager', 'Sales Operations Analyst', 'Marketing Specialist', 'Partner Specialist', 'Enablement Specialist', 'Inside Sales Representative', 'Key Account Manager', 'Deal Desk Analyst'];
const SPECIALTIES = ['', ', Fintech', ', Healthcare', ', Retail', ', Public Sector', ', Manufacturing', ', SMB', ', Mid-Market', ', Strategic Accounts', ', Cloud', ', Security', ', Analytics'];

/** CSV cell: quoted when it has a comma or a quote. */
const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * An export of about `people` rows: a CEO, directors (one per 1,000 people, at least two), managers
 * (one per 12 people) and the frontline, with titles as `distribution` says.
 */
export function peopleExport(people: number, distribution: Distribution): string {
  const rand = random(people * 7 + DISTRIBUTIONS.indexOf(distribution));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const rows: string[] = ['Employee ID,Name,Title,Manager ID,Department,Region,Dotted Line Manager'];
  let next = 0;
  const add = (title: string, manager: number, department: string, region: string, dotted = -1) => {
    const id = next++;
    rows.push([`E${id}`, `${pick(FIRST)} ${pick(LAST)}`, title, manager === -1 ? '' : `E${manager}`, department, region, dotted === -1 ? '' : `E${dotted}`].map(cell).join(','));
    return id;
  };
  const ceo = add('Chief Executive Officer', -1, 'Executive', '');
  const directorCount = Math.max(2, Math.round(people / 1000));
  const managerCount = Math.max(directorCount, Math.round(people / 12));
  const frontline = people - 1 - directorCount - managerCount;
  // Departments follow the manager, as in most exports: a director's, then each manager's.
  const directors: Array<{ id: number; department: string }> = [];
  for (let d = 0; d < directorCount; d++) {
    const region = REGIONS[d % REGIONS.length];
    const title = distribution === 'concentrated' ? 'Regional Sales Director' : pick(['Regional Sales Director', 'Director of Sales', 'VP Sales', 'Head of Customer Success']);
    const department = distribution === 'concentrated' ? 'Sales' : pick(DEPARTMENTS);
    directors.push({ id: add(title, ceo, department, region), department });
  }
  const managers: Array<{ id: number; region: string; department: string }> = [];
  for (let m = 0; m < managerCount; m++) {
    const director = directors[m % directorCount];
    const region = REGIONS[(m % directorCount) % REGIONS.length];
    const title = distribution === 'concentrated' ? 'Sales Manager' : pick(MANAGER_TITLES);
    managers.push({ id: add(title, director.id, director.department, region), region, department: director.department });
  }
  // Zipf over a tenth of the people's count of titles: rank k drawn with weight 1/k.
  const tail = Math.max(20, Math.round(people / 10));
  const harmonic: number[] = [];
  for (let k = 1, h = 0; k <= tail; k++) harmonic.push((h += 1 / k));
  const zipf = () => {
    const x = rand() * harmonic[harmonic.length - 1];
    let lo = 0;
    let hi = harmonic.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (harmonic[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const combos = SENIORITY.length * FUNCTIONS.length * SPECIALTIES.length;
  const tailTitle = (k: number) => {
    const base = `${SENIORITY[k % SENIORITY.length]}${FUNCTIONS[Math.floor(k / SENIORITY.length) % FUNCTIONS.length]}${SPECIALTIES[Math.floor(k / (SENIORITY.length * FUNCTIONS.length)) % SPECIALTIES.length]}`;
    return k < combos ? base : `${base} ${Math.floor(k / combos) + 1}`;
  };
  for (let f = 0; f < frontline; f++) {
    const manager = managers[f % managerCount];
    // One in fifty has a second manager: another manager of the same director.
    const dotted = rand() < 0.02 ? managers[(f + directorCount) % managerCount].id : -1;
    let title: string;
    const department = manager.department;
    if (distribution === 'concentrated') {
      // 90 % of everyone: Account Executives in Sales; the rest of the frontline in a few titles.
      const share = (people * 0.9) / frontline;
      title = rand() < share ? 'Account Executive' : pick(['Sales Development Representative', 'Solutions Consultant', 'Sales Operations Analyst']);
    } else if (distribution === 'uniform') {
      title = `${pick(SENIORITY)}${pick(FUNCTIONS)}`;
    } else title = tailTitle(zipf());
    add(title, manager.id, department, manager.region, dotted);
  }
  return rows.join('\n') + '\n';
}
