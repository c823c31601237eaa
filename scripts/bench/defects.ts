// Known defects for the synthetic org: each breaks one org-design principle in one place and
// declares the findings it causes, so that an org with `copies` of every defect has a known number
// of findings of each rule. The benchmarks time validation of such an org (reporting costs: exact
// positions, code frames) and a test checks the counts, rule by rule.
//
// Each copy works on a region of its own where there are enough regions (at most two defects share
// one), and on roles no other defect touches, so defects do not combine into findings of their own.

export interface DefectRole {
  id: string;
  title: string;
  titleZh: string;
  level: 'strategic' | 'tactical' | 'frontline' | 'operations';
  reportsTo?: string;
  dotted?: string[];
  headcount: number;
  vacancies: number;
  cut?: string[];
  scope?: Record<string, string[]>;
  duties: Record<string, string | string[]>;
  requires: Record<string, number>;
  experience?: number;
  /** Quota per seat, in millions of a currency (`1M CNY`). */
  quota?: { perSeat: number; currency: string };
  file: number;
}

/** What a defect can change: the org's parts before they are written out as YAML. */
export interface OrgParts {
  roles: DefectRole[];
  /** Duty lines (`  id: { … }`), KPI, service-level, target, people and signal lines likewise. */
  duties: string[];
  kpis: string[];
  slas: string[];
  targets: string[];
  people: string[];
  signals: string[];
  tierValues: string[];
  competencies: string[];
  /** Pay band lines (`  id: { … }`): the clean org has none, a defect adds one. */
  payBands: string[];
  regionIds: string[];
}

interface Region {
  r: string;
  rm: DefectRole;
  csm: DefectRole;
  leads: DefectRole[];
  frontline: DefectRole[];
}

interface Defect {
  rule: string;
  /** The findings one copy causes, by rule. */
  findings: Record<string, number>;
  apply(parts: OrgParts, region: Region, copy: number): void;
}

const DEFECTS: Defect[] = [
  {
    // No role touches the duty. (raci-accountable leaves such a duty to orphan-duty.)
    rule: 'orphan-duty',
    findings: { 'orphan-duty': 1 },
    apply(parts, { r }, copy) {
      parts.duties.push(`  forgotten-${copy}-${r}: { name: Forgotten work ${copy}/${r}, area: execution, demands: { communication: 1 } }`);
    },
  },
  {
    rule: 'role-without-duties',
    findings: { 'role-without-duties': 1 },
    apply(parts, { r, rm }, copy) {
      parts.roles.push(role({ id: `assistant-${r}-${copy}`, title: `Assistant ${r}/${copy}`, titleZh: `助理 ${r}/${copy}`, level: 'operations', reportsTo: rm.id, file: rm.file }));
    },
  },
  {
    // A second role for the same scope and duties, reporting to the regional manager.
    rule: 'redundant-roles',
    findings: { 'redundant-roles': 1 },
    apply(parts, { rm, frontline }, copy) {
      const original = frontline[2];
      const twin = role({ ...original, id: `${original.id}-twin-${copy}`, title: `${original.title} (twin)`, titleZh: `${original.titleZh}（重复）`, reportsTo: rm.id, headcount: 1, vacancies: 0, duties: { ...original.duties }, requires: { ...original.requires } });
      parts.roles.push(twin);
      addOwner(parts.kpis, `win-rate-${region(original)}`, twin.id);
    },
  },
  {
    // Scoped on a dimension it is not cut by.
    rule: 'role-cut',
    findings: { 'role-cut': 1 },
    apply(_, { csm }) {
      csm.scope = { ...csm.scope, segment: ['seg-1'] };
    },
  },
  {
    // Five person-days of complaints for two people.
    rule: 'workload',
    findings: { workload: 1 },
    apply(parts, { r }) {
      replaceLine(parts.duties, `  complaints-${r}:`, (line) => line.replace('demands:', 'effort: 5, demands:'));
    },
  },
  {
    // A tier value no role serves.
    rule: 'coverage',
    findings: { coverage: 1 },
    apply(parts, { r }, copy) {
      parts.tierValues.push(`gov-${r}-${copy}: { name: Government ${r}/${copy} }`);
    },
  },
  {
    // Two roles Accountable for the same duty.
    rule: 'raci-accountable',
    findings: { 'raci-accountable': 1 },
    apply(_, { r, frontline }) {
      frontline[9].duties[`qualify-leads-${r}`] = ['A', 'R'];
    },
  },
  {
    // Consulted on six of the eight duties it touches.
    rule: 'raci-overload',
    findings: { 'raci-overload': 1 },
    apply(_, { r, csm }) {
      for (const d of ['plan', 'generate-leads', 'qualify-leads', 'analyse-needs', 'propose', 'close']) csm.duties[`${d}-${r}`] = 'C';
    },
  },
  {
    // Asks for less than its duties demand.
    rule: 'role-fit',
    findings: { 'role-fit': 1 },
    apply(_, { frontline }) {
      frontline[1].requires.communication = 1;
    },
  },
  {
    // A person one level short in one competency.
    rule: 'person-fit',
    findings: { 'person-fit': 1 },
    apply(parts, { frontline }, copy) {
      const target = frontline[4];
      const [first, ...rest] = Object.entries(target.requires);
      const competencies = [`${first[0]}: ${first[1] - 1}`, ...rest.map(([c, l]) => `${c}: ${l}`)].join(', ');
      parts.people.push(`  p-short-${target.id}-${copy}: { name: Short ${target.id}, role: ${target.id}, experience: 3y, competencies: { ${competencies} } }`);
    },
  },
  {
    // A dotted line to the role's own solid-line manager.
    rule: 'reporting-structure',
    findings: { 'reporting-structure': 1 },
    apply(_, { frontline }) {
      frontline[7].dotted = [frontline[7].reportsTo!];
    },
  },
  {
    // One team lead for 24 people.
    rule: 'span-of-control',
    findings: { 'span-of-control': 1 },
    apply(_, { leads }) {
      leads[0].headcount = 1;
    },
  },
  {
    // A role below the frontline: one layer more than the org allows.
    rule: 'layers',
    findings: { layers: 1 },
    apply(parts, { r, frontline }, copy) {
      const boss = frontline[0];
      // A manager now: in post, or its empty seat would be a critical vacancy of its own.
      boss.vacancies = 0;
      const helper = role({ id: `helper-${r}-${copy}`, title: `Sales Helper ${r}/${copy}`, titleZh: `销售助手 ${r}/${copy}`, level: 'operations', reportsTo: boss.id, headcount: 2 * boss.headcount, duties: { [`close-${r}`]: 'R' }, requires: { negotiation: 2 }, file: boss.file });
      parts.roles.push(helper);
      addOwner(parts.kpis, `win-rate-${r}`, helper.id);
      // A manager now, it owns a team KPI too: on the deals its team closes (kpi-duty-fit).
      parts.kpis.push(`  helper-attainment-${r}-${copy}: { name: Helper attainment ${r}/${copy}, kind: team, target: 100%, measures: [close-${r}], owners: [${boss.id}] }`);
    },
  },
  {
    rule: 'headcount',
    findings: { headcount: 1 },
    apply(_, { frontline }) {
      // frontline[3] has one position and no named person.
      frontline[3].vacancies = frontline[3].headcount + 1;
    },
  },
  {
    // Its core duties measured by no KPI it owns.
    rule: 'kpi-coverage',
    findings: { 'kpi-coverage': 1 },
    apply(parts, { r, frontline }) {
      removeOwner(parts.kpis, `win-rate-${r}`, frontline[8].id);
    },
  },
  {
    // Two parts of a one-hour service level that take 75 minutes between them.
    rule: 'service-levels',
    findings: { 'service-levels': 1 },
    apply(parts, { r, csm, frontline }, copy) {
      const [from, to] = [frontline[0].id, csm.id];
      parts.slas.push(
        `  escalation-${r}-${copy}: { what: Escalation ${r}/${copy}, from: ${from}, to: ${to}, within: 1h }`,
        `  escalation-${r}-${copy}-triage: { what: Triage, from: ${from}, to: ${to}, within: 45min, part_of: escalation-${r}-${copy} }`,
        `  escalation-${r}-${copy}-reply: { what: Reply, from: ${from}, to: ${to}, within: 30min, part_of: escalation-${r}-${copy} }`,
      );
    },
  },
  {
    // A target nobody owns.
    rule: 'target-cascade',
    findings: { 'target-cascade': 1 },
    apply(parts, { r }, copy) {
      // A count of deals: a revenue target beside the tree would also be judged for capacity.
      parts.targets.push(`  stretch-${r}-${copy}: { metric: deals, value: 10, period: '2027' }`);
    },
  },
  {
    // A signal calling for a role that exists already.
    rule: 'adaptation-signals',
    findings: { 'adaptation-signals': 1 },
    apply(parts, { r, csm }, copy) {
      parts.signals.push(`  more-success-${r}-${copy}: { watch: online-share, when: '> 50%', change: add, role: ${csm.id} }`);
    },
  },
  {
    // Closing deals owned per tier, and a second A in the SMB cell.
    rule: 'scoped-accountability',
    findings: { 'scoped-accountability': 1 },
    apply(parts, { r, frontline }) {
      replaceLine(parts.duties, `  close-${r}:`, (line) => line.replace('area:', 'accountable_per: [tier], area:'));
      frontline[10].duties[`close-${r}`] = ['A', 'R'];
    },
  },
  {
    // Operating profit above the region's revenue.
    rule: 'metric-consistency',
    findings: { 'metric-consistency': 1 },
    apply(parts, { r, rm }, copy) {
      parts.targets.push(`  profit-${r}-${copy}: { metric: profit, value: 5亿 CNY, period: '2027', scope: { region: [${r}] }, owner: ${rm.id} }`);
    },
  },
  {
    // A team lead's seats all open, with no backup.
    rule: 'critical-vacancy',
    findings: { 'critical-vacancy': 1 },
    apply(_, { leads }) {
      leads[3].vacancies = leads[3].headcount;
    },
  },
  {
    // A seller who approves discounts.
    rule: 'segregation-of-duties',
    findings: { 'segregation-of-duties': 1 },
    apply(parts, { r, csm, frontline }, copy) {
      replaceLine(parts.duties, `  close-${r}:`, (line) => line.replace('area:', 'activity: sell, area:'));
      parts.duties.push(`  discount-${copy}-${r}: { name: Approve discounts ${r}/${copy}, area: execution, activity: approve-discount }`);
      csm.duties[`discount-${copy}-${r}`] = 'A';
      frontline[11].duties[`discount-${copy}-${r}`] = 'R';
    },
  },
  {
    // The region's revenue target owned by customer success, who neither sells nor manages sellers.
    rule: 'target-ownership',
    findings: { 'target-ownership': 1 },
    apply(parts, { r, rm, csm }) {
      replaceLine(parts.targets, `  revenue-${r}:`, (line) => line.replace(`owner: ${rm.id}`, `owner: ${csm.id}`));
    },
  },
  {
    // A KPI on collections owned by customer success, who does not collect.
    rule: 'kpi-duty-fit',
    findings: { 'kpi-duty-fit': 1 },
    apply(parts, { r, csm }, copy) {
      parts.kpis.push(`  collections-${r}-${copy}: { name: Collections ${r}/${copy}, kind: individual, target: 95%, measures: [collect-${r}], owners: [${csm.id}] }`);
    },
  },
  {
    // A quota written in another currency than the targets'.
    rule: 'quota-capacity',
    findings: { 'quota-capacity': 1 },
    apply(_, { frontline }) {
      frontline[5].quota = { ...frontline[5].quota!, currency: 'USD' };
    },
  },
  {
    // One product's sellers carry 30 % more than the same tier's sellers of other products.
    rule: 'territory-balance',
    findings: { 'territory-balance': 1 },
    apply(_, { leads, frontline }) {
      // The last team's first KA seller: no other defect touches it.
      const seller = frontline.filter((x) => x.reportsTo === leads[leads.length - 1].id)[0];
      seller.quota = { ...seller.quota!, perSeat: seller.quota!.perSeat * 1.3 };
    },
  },
  {
    // A pay band written the wrong way round: its minimum above its maximum.
    rule: 'pay-band',
    findings: { 'pay-band': 1 },
    apply(parts, { r }, copy) {
      parts.payBands.push(`  band-${r}-${copy}: { name: Band ${r}/${copy}, min: 350K CNY, max: 220K CNY }`);
    },
  },
  {
    rule: 'unused-definitions',
    findings: { 'unused-definitions': 1 },
    apply(parts, { r }, copy) {
      parts.competencies.push(`  unused-${r}-${copy}: { name: Unused skill ${r}/${copy} }`);
    },
  },
];

/** Every rule a defect breaks; the findings variant's config turns on those `recommended` leaves off. */
export const DEFECT_RULES = DEFECTS.map((d) => d.rule);

/** Apply `copies` of every defect; returns the findings expected, by rule. */
export function injectDefects(parts: OrgParts, copies: number): Record<string, number> {
  const regions = regionsOf(parts.roles, parts.regionIds);
  const expected: Record<string, number> = {};
  // The same defect twice in one region would break the same thing twice: one finding, not two.
  // There are more defects than a small org has regions: two may share a region (they touch
  // different roles), never more.
  if (copies * DEFECTS.length > 2 * regions.length) throw new Error(`${copies} copies of each defect need more regions than ${regions.length}: generate more roles or fewer copies`);
  const used = new Set<string>();
  let next = 0;
  for (let copy = 1; copy <= copies; copy++) {
    for (const defect of DEFECTS) {
      const region = regions[next++ % regions.length];
      if (used.has(`${defect.rule} ${region.r}`)) throw new Error(`${copies} copies of each defect need more regions than ${regions.length}: generate more roles or fewer copies`);
      used.add(`${defect.rule} ${region.r}`);
      defect.apply(parts, region, copy);
      for (const [rule, n] of Object.entries(defect.findings)) expected[rule] = (expected[rule] ?? 0) + n;
    }
  }
  return Object.fromEntries(Object.entries(expected).sort(([a], [b]) => a.localeCompare(b)));
}

/** Each region's manager, customer success manager, team leads and their reports, in role order. */
function regionsOf(roles: DefectRole[], regionIds: string[]): Region[] {
  const byId = new Map(roles.map((x) => [x.id, x]));
  const leadsOf = new Map<string, DefectRole[]>(regionIds.map((r) => [r, []]));
  const regionOfLead = new Map<string, string>();
  for (const x of roles) {
    const m = /^lead-(.+)-[^-]+$/.exec(x.id);
    const leads = m && leadsOf.get(m[1]);
    if (!leads) continue;
    leads.push(x);
    regionOfLead.set(x.id, m[1]);
  }
  const frontlineOf = new Map<string, DefectRole[]>(regionIds.map((r) => [r, []]));
  for (const x of roles) {
    const r = x.reportsTo === undefined ? undefined : regionOfLead.get(x.reportsTo);
    if (r !== undefined) frontlineOf.get(r)!.push(x);
  }
  return regionIds.map((r) => ({ r, rm: byId.get(`rm-${r}`)!, csm: byId.get(`csm-${r}`)!, leads: leadsOf.get(r)!, frontline: frontlineOf.get(r)! }));
}

function region(role: DefectRole): string {
  return role.scope!.region[0];
}

function role(r: Partial<DefectRole> & Pick<DefectRole, 'id' | 'title' | 'titleZh' | 'level' | 'file'>): DefectRole {
  return { headcount: 1, vacancies: 0, duties: {}, requires: {}, ...r };
}

function replaceLine(lines: string[], prefix: string, change: (line: string) => string): void {
  const at = lines.findIndex((l) => l.startsWith(prefix));
  if (at < 0) throw new Error(`no line ${prefix.trim()}`);
  lines[at] = change(lines[at]);
}

function addOwner(kpis: string[], kpi: string, owner: string): void {
  replaceLine(kpis, `  ${kpi}:`, (line) => line.replace(/owners: \[/, `owners: [${owner}, `));
}

function removeOwner(kpis: string[], kpi: string, owner: string): void {
  replaceLine(kpis, `  ${kpi}:`, (line) => line.replace(`${owner}, `, '').replace(`, ${owner}]`, ']'));
}
