// A realistic synthetic sales org of any size that validates clean under the recommended rules:
// a director, grouping layers of regional managers (≤ 11 reports each), team leads per region and
// segment, and frontline roles cut by region × segment × tier × product, with duties per region,
// RACI, KPIs, service levels, reviews, a target cascade that adds up, and people in positions.
// Used by the benchmarks and by scale tests; deterministic for a given size.
import { injectDefects, type DefectRole } from './defects.js';

export interface SyntheticOrg {
  /** File name → YAML text. The first file holds the org and the shared sections. */
  files: Map<string, string>;
  /** A config file to write beside the org: more layers than the default, rules the defects need. */
  config?: string;
  roles: number;
  /** With defects: the findings validation must report, by rule. */
  expected?: Record<string, number>;
}

const TIERS = ['ka', 'smb', 'consumer'] as const;
const PRODUCTS = ['software', 'hardware', 'cloud', 'services', 'security', 'analytics', 'network', 'devices'];
const TEAM_SIZE = 12; // frontline roles per team lead (3 tiers × 4 products)
const TEAMS_PER_REGION = 4;
const GROUP = 11; // direct reports of a grouping manager
const QUOTA = 1; // every frontline seat's quota, in millions of CNY
const STEPS = [
  ['acquisition', ['lead-generation', 'lead-qualification']],
  ['conversion', ['need-analysis', 'proposal', 'contract']],
  ['delivery', ['delivery', 'collection']],
  ['retention', ['complaint-handling', 'renewal']],
] as const;

/** Per-region duty templates: [id, area, step, competency demanded, who is Responsible]. */
const REGION_DUTIES = [
  ['plan', 'strategy', undefined, 'planning', 'manager'],
  ['generate-leads', 'execution', 'lead-generation', 'communication', 'smb+consumer'],
  ['qualify-leads', 'execution', 'lead-qualification', 'communication', 'frontline'],
  ['analyse-needs', 'execution', 'need-analysis', 'discovery', 'frontline'],
  ['propose', 'execution', 'proposal', 'solution-selling', 'frontline'],
  ['close', 'execution', 'contract', 'negotiation', 'frontline'],
  ['deliver', 'execution', 'delivery', 'communication', 'frontline'],
  ['collect', 'execution', 'collection', 'risk-control', 'frontline'],
  ['key-accounts', 'customer', undefined, 'account-management', 'ka'],
  ['nurture', 'customer', undefined, 'communication', 'smb+consumer'],
  ['complaints', 'customer', 'complaint-handling', 'empathy', 'csm'],
  ['renew', 'customer', 'renewal', 'account-management', 'csm'],
  ['coach', 'enablement', undefined, 'coaching', 'leads'],
] as const;

type Who = (typeof REGION_DUTIES)[number][4];

const COMPETENCIES = ['planning', 'communication', 'discovery', 'solution-selling', 'negotiation', 'risk-control', 'account-management', 'empathy', 'coaching', 'strategy'];

/** A deterministic pseudo-random sequence (mulberry32): the same org, export or walk on every run. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Role = DefectRole;

/**
 * A role's duties, in the order they are added. Every region's duties have ids of their own, so
 * ordinary objects would make V8 build a hidden class per region (a fifth of the time at 100k
 * roles); an object without a prototype is a plain dictionary from the start.
 */
function dutyMap(entries: Role['duties'] = {}): Role['duties'] {
  return Object.assign(Object.create(null) as Role['duties'], entries);
}

/**
 * About `targetRoles` roles, over `files` files; with `defects` = k, k copies of every known defect
 * (defects.ts), whose findings the result's `expected` counts.
 */
export function syntheticOrg(targetRoles: number, opts: { files?: number; defects?: number } = {}): SyntheticOrg {
  const rand = random(targetRoles);
  const fileCount = Math.max(1, opts.files ?? 1);
  const perRegion = TEAMS_PER_REGION * (TEAM_SIZE + 1) + 2; // team leads, frontline, manager, CSM
  const regions = Math.max(2, Math.round(targetRoles / perRegion));
  const roles: Role[] = [];
  const duties: string[] = [];
  const kpis: string[] = [];
  const slas: string[] = [];
  const reviews: string[] = [];
  const targets: string[] = [];
  const people: string[] = [];
  const regionIds = Array.from({ length: regions }, (_, i) => `r${i + 1}`);
  const fileOf = (i: number) => Math.min(fileCount - 1, Math.floor((i * fileCount) / regions));

  // Grouping layers above the regions, each manager with at most GROUP reports.
  const director: Role = {
    id: 'sales-director', title: 'Sales Director', titleZh: '销售总监', level: 'strategic', headcount: 1, vacancies: 0,
    duties: { 'set-strategy': ['A', 'R'], 'break-down-targets': ['A', 'R'], 'respond-to-competition': ['A', 'R'], 'design-incentives': ['A', 'R'], 'plan-r1': 'C', 'close-r1': 'I' },
    requires: { strategy: 3, planning: 3 }, experience: 8, file: 0,
  };
  roles.push(director);
  type Node = { id: string; regions: string[]; level: number };
  let layer: Node[] = regionIds.map((r) => ({ id: `rm-${r}`, regions: [r], level: 0 }));
  const groupLayers: Node[][] = [];
  // groupLayers[0] are region managers; higher entries group them; the last is below the director.
  const parentOf = new Map<string, string>();
  while (layer.length > GROUP) {
    // Even groups (sizes differ by at most one), so no manager is left with a single report.
    const count = Math.ceil(layer.length / GROUP);
    const next: Node[] = [];
    for (let g = 0; g < count; g++) {
      const children = layer.slice(Math.floor((g * layer.length) / count), Math.floor(((g + 1) * layer.length) / count));
      const node = { id: `g${groupLayers.length + 1}-${g + 1}`, regions: children.flatMap((c) => c.regions), level: groupLayers.length + 1 };
      for (const c of children) parentOf.set(c.id, node.id);
      next.push(node);
    }
    groupLayers.push(layer);
    layer = next;
  }
  groupLayers.push(layer);
  // Lookups by id and region: the org is written out in one pass over each list, never a search.
  const regionIndex = new Map(regionIds.map((r, i) => [r, i]));
  for (let l = groupLayers.length - 1; l >= 1; l--) {
    for (const node of groupLayers[l]) {
      roles.push({
        id: node.id, title: `Area Director ${node.id}`, titleZh: `大区总监 ${node.id}`, level: 'tactical',
        reportsTo: parentOf.get(node.id) ?? director.id, headcount: 1, vacancies: 0, cut: ['region'], scope: { region: node.regions },
        duties: { 'break-down-targets': 'C', 'respond-to-competition': 'C', 'design-incentives': 'C', [`coach-layer-${l}`]: 'R' },
        requires: { planning: 2, coaching: 2 }, experience: 5, file: fileOf(regionIndex.get(node.regions[0])!),
      });
    }
  }

  const regionTotal = new Map<string, number>();
  regionIds.forEach((r, ri) => {
    const file = fileOf(ri);
    const rm: Role = {
      id: `rm-${r}`, title: `Regional Sales Manager ${r}`, titleZh: `区域销售经理 ${r}`, level: 'tactical',
      reportsTo: parentOf.get(`rm-${r}`) ?? director.id, headcount: 1, vacancies: 0, cut: ['region'], scope: { region: [r] },
      duties: dutyMap({ 'break-down-targets': 'C', 'respond-to-competition': 'C' }), requires: {}, experience: 4, file,
    };
    const csm: Role = {
      id: `csm-${r}`, title: `Customer Success Manager ${r}`, titleZh: `客户成功经理 ${r}`, level: 'operations',
      reportsTo: rm.id, headcount: 2, vacancies: 0, cut: ['region'], scope: { region: [r] }, duties: dutyMap(), requires: {}, file,
    };
    roles.push(rm, csm);
    const leads: Role[] = [];
    const frontline: Role[] = [];
    const byTier: Record<string, Role[]> = { ka: [], smb: [], consumer: [] };
    for (let t = 0; t < TEAMS_PER_REGION; t++) {
      const segment = `seg-${t + 1}`;
      const lead: Role = {
        id: `lead-${r}-${t + 1}`, title: `Team Lead ${r}/${t + 1}`, titleZh: `团队主管 ${r}/${t + 1}`, level: 'tactical',
        reportsTo: rm.id, headcount: 2, vacancies: 0, cut: ['region', 'segment'], scope: { region: [r], segment: [segment] },
        duties: dutyMap(), requires: {}, experience: 3, file,
      };
      leads.push(lead);
      roles.push(lead);
      for (let k = 0; k < TEAM_SIZE; k++) {
        const tier = TIERS[k % 3];
        // Teams alternate between the first and the second half of the product lines.
        const product = PRODUCTS[(Math.floor(k / 3) + 4 * (t % 2)) % PRODUCTS.length];
        const headcount = 1 + (k % 3);
        const role: Role = {
          id: `${tier}-${product}-${r}-${t + 1}`, title: `${tier.toUpperCase()} Sales ${product} ${r}/${t + 1}`, titleZh: `${tier === 'ka' ? '大客户' : tier === 'smb' ? '中小企业' : '零售'}销售 ${product} ${r}/${t + 1}`,
          level: 'frontline', reportsTo: lead.id, headcount, vacancies: rand() < 0.15 ? 1 : 0,
          cut: ['region', 'segment', 'tier', 'product'], scope: { region: [r], segment: [segment], tier: [tier], product: [product] },
          duties: dutyMap(), requires: {}, file, quota: { perSeat: QUOTA, currency: 'CNY' },
        };
        frontline.push(role);
        byTier[tier].push(role);
        roles.push(role);
      }
    }
    const who: Record<Who, Role[]> = {
      manager: [rm], frontline, 'smb+consumer': [...byTier.smb, ...byTier.consumer], ka: byTier.ka, csm: [csm], leads,
    };
    for (const [template, area, step, competency, responsible] of REGION_DUTIES) {
      const id = `${template}-${r}`;
      const effort = template === 'analyse-needs' ? ` effort: ${round(0.3 * who.frontline.reduce((n, x) => n + x.headcount, 0))},` : '';
      duties.push(`  ${id}: { name: ${JSON.stringify(`${template.replace(/-/g, ' ')} (${r})`)}, area: ${area},${step ? ` step: ${step},` : ''}${effort} demands: { ${competency}: 2 } }`);
      for (const role of who[responsible]) {
        role.duties[id] = role === rm ? ['A', 'R'] : 'R';
        role.requires[competency] = Math.max(role.requires[competency] ?? 0, 2);
      }
      if (!who[responsible].includes(rm)) rm.duties[id] = 'A';
    }
    // A region's KPIs: individual ones for each kind of role, a team one for its managers, and a
    // cross-role one for the hand-off from the frontline to customer success.
    const measured = (role: Role) => Object.keys(role.duties).filter((d) => [role.duties[d]].flat().some((x) => x === 'R' || x === 'A')).slice(0, 2);
    kpis.push(`  win-rate-${r}: { name: Win rate ${r}, kind: individual, target: 25%, measures: [close-${r}, analyse-needs-${r}], owners: [${frontline.map((x) => x.id).join(', ')}] }`);
    kpis.push(`  attainment-${r}: { name: Target attainment ${r}, kind: team, target: 100%, measures: [${measured(rm).join(', ')}, coach-${r}], owners: [${[rm, ...leads].map((x) => x.id).join(', ')}] }`);
    kpis.push(`  retention-${r}: { name: Retention ${r}, kind: individual, target: 90%, measures: [renew-${r}, complaints-${r}], owners: [csm-${r}] }`);
    const handoff = frontline[0];
    kpis.push(`  referral-${r}: { name: Referral rate ${r}, kind: cross-role, target: 15%, measures: [collect-${r}, renew-${r}], owners: [${handoff.id}, csm-${r}] }`);
    slas.push(`  complaint-${r}: { what: Customer complaint, from: ${handoff.id}, to: csm-${r}, within: 1h, step: complaint-handling }`);
    reviews.push(`  weekly-${r}: { name: Weekly review ${r}, cadence: weekly, chair: rm-${r}, attendees: [${leads.map((x) => x.id).join(', ')}] }`);
    // The region's target: its seats' quotas, over-assigned by a fifth (quota-capacity's band).
    rand();
    const value = Math.round((frontline.reduce((n, x) => n + x.headcount, 0) * QUOTA) / 1.2);
    regionTotal.set(r, value);
    targets.push(`  revenue-${r}: { metric: revenue, value: ${value}M CNY, period: '2027', parent: revenue-${parentOf.get(rm.id) ?? 'company'}, scope: { region: [${r}] }, owner: rm-${r} }`);
    for (let i = 0; i < frontline.length; i += 5) {
      const role = frontline[i];
      if (role.headcount - role.vacancies < 1) continue;
      const competencies = Object.entries(role.requires).map(([c, l]) => `${c}: ${l + 1}`).join(', ');
      people.push(`  p-${role.id}: { name: Person ${role.id}, role: ${role.id}, experience: ${2 + (i % 5)}y, competencies: { ${competencies} } }`);
    }
  });
  for (const node of groupLayers.slice(1).flat()) {
    const sum = node.regions.reduce((n, r) => n + regionTotal.get(r)!, 0);
    targets.push(`  revenue-${node.id}: { metric: revenue, value: ${sum}M CNY, period: '2027', parent: revenue-${parentOf.get(node.id) ?? 'company'}, scope: { region: [${node.regions.join(', ')}] }, owner: ${node.id} }`);
    kpis.push(`  attainment-${node.id}: { name: Area attainment ${node.id}, kind: team, target: 100%, measures: [coach-layer-${node.level}], owners: [${node.id}] }`);
  }
  const total = [...regionTotal.values()].reduce((a, b) => a + b, 0);
  targets.unshift(`  revenue-company: { name: Company revenue, metric: revenue, value: ${total}M CNY, period: '2027', owner: sales-director }`);
  kpis.unshift(`  revenue-attainment: { name: Revenue attainment, kind: team, target: 100%, measures: [set-strategy, break-down-targets], owners: [sales-director] }`);
  const topChildren = roles.filter((r) => r.reportsTo === director.id).map((r) => r.id);
  for (let l = 1; l < groupLayers.length; l++) director.duties[`coach-layer-${l}`] = 'A';
  if (groupLayers.length === 1) director.duties['coach-managers'] = 'A';
  if (topChildren.every((id) => id.startsWith('rm-'))) {
    // Without grouping layers the region managers coach each other's managers: nobody else would.
    const byId = new Map(roles.map((r) => [r.id, r]));
    for (const id of topChildren) {
      const rm = byId.get(id)!;
      rm.duties['coach-managers'] = 'R';
      rm.requires.coaching = 2;
    }
  }

  const signals = ["  livestream: { watch: online-share, when: '> 30%', change: add, role: livestream-sales }"];
  const tierValues = ['ka: { name: Key accounts }', 'smb: { name: SMB }', 'consumer: { name: Consumers }'];
  const competencies = COMPETENCIES.map((c) => `  ${c}: { name: ${c.replace(/-/g, ' ')} }`);
  const payBands: string[] = [];
  const expected = opts.defects ? injectDefects({ roles, duties, kpis, slas, targets, people, signals, tierValues, competencies, payBands, regionIds }, opts.defects) : undefined;

  const layers = groupLayers.length + 3; // director, grouping layers, region managers, leads, frontline
  const header = (extra: string) => `# yaml-language-server: $schema=schemas/orgc.schema.json\n# A synthetic org for benchmarks (scripts/bench/synthetic-org.ts).\norgc: 1\n${extra}`;
  const shared = [
    'org: { id: synthetic-sales, name: { en: Synthetic Sales, zh-CN: 模拟销售组织 }, language: en }',
    'competency_levels: [Basic, Proficient, Advanced, Expert]',
    'competencies:',
    ...competencies,
    'dimensions:',
    `  region: { name: Region, values: { ${regionIds.map((r) => `${r}: { name: Region ${r} }`).join(', ')} } }`,
    `  segment: { name: Segment, values: { ${Array.from({ length: TEAMS_PER_REGION }, (_, t) => `seg-${t + 1}: { name: Segment ${t + 1} }`).join(', ')} } }`,
    `  tier: { name: Customer tier, values: { ${tierValues.join(', ')} } }`,
    `  product: { name: Product, values: { ${PRODUCTS.map((p) => `${p}: { name: ${p} }`).join(', ')} } }`,
    'process:',
    ...STEPS.map(([stage, steps]) => `  ${stage}: { name: ${stage}, steps: { ${steps.map((s) => `${s}: { name: ${s.replace(/-/g, ' ')} }`).join(', ')} } }`),
    'tools:',
    '  crm: { name: Salesforce, kind: crm }',
    'kpis:',
    ...kpis,
    'service_levels:',
    ...slas,
    'reviews:',
    ...reviews,
    'targets:',
    ...targets,
    'metrics:',
    '  online-share: { name: Online share of leads }',
    'signals:',
    ...signals,
    ...(payBands.length ? ['pay_bands:', ...payBands] : []),
  ];
  const sharedDuties = [
    '  set-strategy: { name: Set the sales strategy, area: strategy, demands: { strategy: 3 } }',
    '  break-down-targets: { name: Break down targets, area: strategy, demands: { planning: 3 } }',
    '  respond-to-competition: { name: Respond to competitors, area: strategy, demands: { strategy: 2 } }',
    '  design-incentives: { name: Design incentives, area: enablement, demands: { planning: 2 } }',
    ...(groupLayers.length === 1
      ? ['  coach-managers: { name: Coach the managers, area: enablement, demands: { coaching: 2 } }']
      : groupLayers.slice(1).map((_, i) => `  coach-layer-${i + 1}: { name: Coach the managers of layer ${i + 1}, area: enablement, demands: { coaching: 2 } }`)),
  ];
  // Every list split by file in one pass each, in its order.
  const byFile = <T>(list: T[], fileOfItem: (x: T) => number): T[][] => {
    const split: T[][] = Array.from({ length: fileCount }, () => []);
    for (const x of list) split[fileOfItem(x)].push(x);
    return split;
  };
  const fileOfRole = new Map(roles.map((r) => [r.id, r.file]));
  const dutiesOf = byFile(duties, (d) => fileOf(regionIndex.get(/-(r\d+):/.exec(d)![1])!));
  const rolesOf = byFile(roles, (r) => r.file);
  const peopleOf = byFile(people, (p) => fileOfRole.get(/role: ([^,]+),/.exec(p)![1])!);
  const files = new Map<string, string>();
  for (let f = 0; f < fileCount; f++) {
    const sections: string[] = [];
    if (f === 0) sections.push(...shared);
    const myDuties = [...(f === 0 ? sharedDuties : []), ...dutiesOf[f]];
    if (myDuties.length) sections.push('duties:', ...myDuties);
    sections.push('roles:', ...rolesOf[f].map(roleYaml));
    if (peopleOf[f].length) sections.push('people:', ...peopleOf[f]);
    files.set(fileCount === 1 ? 'org.yaml' : `org-${String(f + 1).padStart(2, '0')}.yaml`, header(sections.join('\n') + '\n'));
  }
  const config = [
    // Team leads lead 12 sellers (two lead seats for 24), as the figures of every benchmark so far
    // were measured on: above the first-line default of 10, so the config says so.
    '  span-of-control: { options: { firstLine: { min: 5, max: 12 } } }',
    ...(layers > 5 ? ['  # More layers than the default 5: a synthetic org this large needs them with spans of 11.', `  layers: { options: { max: ${layers} } }`] : []),
    // Every rule a defect breaks is on, warnings included, so that each finding is counted.
    ...(expected ? ['  unused-definitions: warning'] : []),
  ];
  return { files, config: config.length ? `rules:\n${config.join('\n')}\n` : undefined, roles: roles.length, expected };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A role as people write one: block style, with short flow maps for the title and the scope. */
function roleYaml(r: Role): string {
  const lines = [`  ${r.id}:`, `    title: { en: ${r.title}, zh-CN: ${r.titleZh} }`, `    level: ${r.level}`];
  if (r.cut) lines.push(`    cut: [${r.cut.join(', ')}]`);
  if (r.scope) lines.push(`    scope: { ${Object.entries(r.scope).map(([d, v]) => `${d}: [${v.join(', ')}]`).join(', ')} }`);
  if (r.reportsTo) lines.push(`    reports_to: ${r.reportsTo}`);
  if (r.dotted) lines.push(`    dotted_line_to: [${r.dotted.join(', ')}]`);
  if (r.headcount !== 1) lines.push(`    headcount: ${r.headcount}`);
  if (r.vacancies) lines.push(`    vacancies: ${r.vacancies}`);
  if (r.quota) lines.push(`    quota: { per_seat: ${Math.round(r.quota.perSeat * 100) / 100}M ${r.quota.currency} }`);
  if (Object.keys(r.duties).length) lines.push('    duties:');
  for (const [d, l] of Object.entries(r.duties)) lines.push(`      ${d}: ${Array.isArray(l) ? `[${l.join(', ')}]` : l}`);
  const competencies = Object.entries(r.requires).map(([c, l]) => `${c}: ${l}`).join(', ');
  if (r.experience || competencies) {
    lines.push('    requires:');
    if (r.experience) lines.push(`      experience: ${r.experience}y`);
    if (competencies) lines.push(`      competencies: { ${competencies} }`);
  }
  lines.push('    tools: [crm]');
  return lines.join('\n');
}
