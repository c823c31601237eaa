// The check stage run again after an edit, for the language server: a rule whose input did not
// change gives the findings it gave last time, without running. What "its input" is comes from
// RULE_READS, per rule, as the fields of the org files it reads (directly or through the model's
// derived relations); what changed comes from comparing each file's data with the last check's.
// A rule that is not in the table, or any change the comparison cannot place (a file added or
// gone, an id added, removed or moved, `org:`, a file the load stage had to repair, another
// configuration), runs every rule again. The result is always the one `runRules` would give:
// test/lsp/incremental.test.ts compares the two over random edits.
import type { Finding } from '../finding.js';
import { isMap, sameData, sameList } from '../core/same-data.js';
import { fileData, type FileData, type LoadedFile } from '../load/loaded.js';
import type { OrgModel } from '../model/types.js';
import { ruleRuns, type Config } from '../core/config.js';
import { timed } from '../timing.js';
import { renameRefs } from './named.js';
import { RULES } from './rules/index.js';
import { withRule } from './index.js';

/**
 * What each rule reads, as `section.field` of the org file (`roles.reports_to`) or a whole
 * `section`. Derived relations count as the field they come from: a duty's Responsible roles are
 * `roles.duties`, a step's duties `duties.step`, an entity's name in a message its `title` or
 * `name` (needed when the model is built anew; when a title or a duty's name is read into the
 * same model, kept findings are renamed instead: `renameRefs`). Whatever reads the reporting lines (a manager, a team, layers) must list
 * `roles.reports_to` (and `roles.dotted_line_to` for dotted lines); what reads them only through
 * the roles' effective scopes (model/scope.ts) lists `roles.effective_scope` instead, which changes
 * with `roles.scope`, and with `roles.reports_to` unless the model stage tells that every effective
 * scope stayed as it was. The id sets and the order
 * of every section are compared separately: a rule that only iterates a section need not list it.
 * Keep an entry in step with its rule when the rule changes, or leave the rule out: a rule not
 * listed here simply runs on every check.
 */
export const RULE_READS: Readonly<Record<string, readonly string[]>> = {
  'territory-balance': ['roles.quota', 'roles.headcount', 'roles.scope', 'roles.level', 'roles.family', 'roles.cut', 'roles.title', 'dimensions', 'families'],
  'redundant-roles': ['roles.duties', 'roles.scope', 'roles.title', 'dimensions'],
  coverage: ['roles.scope', 'roles.duties', 'duties.step', 'duties.area', 'dimensions', 'process'],
  'segregation-of-duties': ['roles.duties', 'roles.quota', 'roles.title', 'duties.activity', 'duties.incompatible_with', 'duties.name'],
  'role-cut': ['roles.cut', 'roles.scope', 'roles.duties', 'roles.title', 'duties.step', 'dimensions'],
  'role-fit': ['roles.duties', 'roles.requires', 'roles.level', 'roles.title', 'duties.demands', 'duties.name', 'competencies'],
  workload: ['roles.duties', 'roles.headcount', 'roles.title', 'duties.effort'],
  'service-levels': ['roles.duties', 'duties.step', 'process', 'service_levels'],
  'orphan-duty': ['roles.duties', 'duties.name'],
  'role-without-duties': ['roles.duties', 'roles.title'],
  'raci-accountable': ['roles.duties', 'roles.title', 'duties.name', 'duties.accountable_per'],
  'raci-overload': ['roles.duties', 'roles.title'],
  'pay-band': ['pay_bands'],
  // The reporting lines through effective scopes only (designCapacity).
  'quota-capacity': ['roles.quota', 'roles.headcount', 'roles.vacancies', 'roles.title', 'roles.scope', 'roles.effective_scope', 'targets', 'dimensions'],
  'target-ownership': ['roles.quota', 'roles.scope', 'roles.effective_scope', 'roles.reports_to', 'roles.dotted_line_to', 'roles.title', 'targets', 'dimensions'],
  layers: ['roles.headcount', 'roles.reports_to', 'roles.title'],
  'metric-consistency': ['targets', 'kpis', 'signals', 'metrics', 'dimensions'],
  'kpi-coverage': ['roles.duties', 'roles.reports_to', 'roles.title', 'kpis', 'service_levels'],
  'kpi-duty-fit': ['roles.duties', 'roles.reports_to', 'roles.dotted_line_to', 'roles.title', 'kpis'],
  'span-of-control': ['roles.reports_to', 'roles.headcount', 'roles.level', 'roles.title'],
  headcount: ['roles.headcount', 'roles.vacancies', 'roles.title', 'people'],
  'critical-vacancy': ['roles.backup', 'roles.headcount', 'roles.vacancies', 'roles.reports_to', 'roles.duties', 'roles.title', 'targets', 'duties.accountable_per'],
  'reporting-structure': ['roles.reports_to', 'roles.dotted_line_to', 'roles.title'],
  'person-fit': ['people', 'roles.requires', 'roles.title', 'competencies'],
  'scoped-accountability': ['roles.duties', 'roles.scope', 'roles.effective_scope', 'roles.reports_to', 'roles.dotted_line_to', 'roles.title', 'duties.accountable_per', 'duties.name', 'dimensions'],
};

/** The fields that differ between two versions of an org (`roles.reports_to`, `duties.name`), or `all`. */
export type Changes = ReadonlySet<string> | 'all';

/**
 * What differs between the data of two checks of the same org, file by file. Files whose data is
 * the same object (not loaded again) are skipped; in a changed file, each entity is compared
 * field by field.
 */
export function changesBetween(before: readonly FileData[], after: readonly FileData[]): Changes {
  if (before.length !== after.length) return 'all';
  const changed = new Set<string>();
  for (let i = 0; i < after.length; i++) {
    const [a, b] = [before[i], after[i]];
    // A repaired file's findings depend on what the repair left out: not worth placing.
    if (a.path !== b.path || !a.data || !b.data || a.recovered || b.recovered) return 'all';
    if (a.data === b.data) continue;
    const x = a.data as Record<string, unknown>;
    const y = b.data as Record<string, unknown>;
    const sections = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const section of sections) {
      const [s, t] = [x[section], y[section]];
      if (s === t) continue;
      if (!ENTITY_SECTIONS.has(section)) {
        // `org:`, the competency scale, the version line: read by everything.
        if (!sameData(s, t)) return 'all';
        continue;
      }
      if (!isMap(s) || !isMap(t)) return 'all';
      const ids = Object.keys(s);
      // Ids added, removed or reordered: references resolve differently, rules iterate differently.
      if (!sameList(ids, Object.keys(t))) return 'all';
      for (const id of ids) {
        const [e, f] = [s[id], t[id]];
        if (e === f) continue;
        if (!isMap(e) || !isMap(f)) return 'all';
        // Most entities of an edited file are as they were: one comparison each, fields only for the others.
        if (sameData(e, f)) continue;
        // A field added or removed counts as changed; the order of an entity's fields is read by nothing.
        for (const field of new Set([...Object.keys(e), ...Object.keys(f)])) {
          if (!sameData(e[field], f[field])) changed.add(`${section}.${field}`);
        }
      }
    }
  }
  return changed;
}

/** The changes with what follows from them: a role's effective scope from its scope and its line. */
function derived(changes: Changes, scopesKept: boolean): Changes {
  if (changes === 'all') return changes;
  if (changes.has('roles.scope') || (changes.has('roles.reports_to') && !scopesKept)) return new Set([...changes, 'roles.effective_scope']);
  return changes;
}

/** The names a model takes in place (model/incremental.ts): a role's title, a duty's name. */
const NAMES = new Set(['roles.title', 'duties.name']);

/** Sections of entities by id: every other top-level key is compared whole. */
const ENTITY_SECTIONS = new Set(['dimensions', 'families', 'competencies', 'process', 'tools', 'pay_bands', 'metrics', 'duties', 'roles', 'kpis', 'service_levels', 'reviews', 'targets', 'signals', 'people']);

/** Whether a rule reading `reads` must run again after `changes`. */
export function mustRerun(reads: readonly string[] | undefined, changes: Changes): boolean {
  if (!reads || changes === 'all') return true;
  for (const change of changes) {
    const section = change.slice(0, change.indexOf('.'));
    if (reads.includes(change) || reads.includes(section)) return true;
  }
  return false;
}

/**
 * `runRules` with memory: each rule's findings are kept for the next run, which reuses those of
 * the rules whose input `changes` did not touch. One per org.
 */
export class RuleCache {
  private config?: Config;
  /** The files the kept findings were made from. */
  private files: readonly FileData[] = [];
  private last = new Map<string, Finding[]>();
  /** The model the kept findings were made from. */
  private model?: OrgModel;
  /** Rules that ran (not reused) on the last call: tests read it. */
  ran: string[] = [];

  run(model: OrgModel, config: Config, files: readonly LoadedFile[], hints: { scopesKept?: boolean } = {}): Finding[] {
    if (config !== this.config) {
      this.config = config;
      this.last.clear();
    }
    const sameModel = model === this.model;
    this.model = model;
    let changes = this.last.size === 0 ? 'all' : derived(changesBetween(this.files, files), hints.scopesKept ?? false);
    // A title or a duty's name read again into the same model (model/incremental.ts) changes what
    // findings say, not which there are: rules read names only to word messages (check/named.ts),
    // so a kept finding is renamed instead of its rule run again. In a model built anew, the kept
    // findings name entities that are gone: the rules that list the name run.
    const renamed = sameModel && changes !== 'all' && [...changes].some((c) => NAMES.has(c));
    if (renamed) changes = new Set([...changes].filter((c) => !NAMES.has(c)));
    const findings: Finding[] = [];
    const next = new Map<string, Finding[]>();
    this.ran = [];
    for (const rule of RULES) {
      const id = rule.meta.id;
      if (!ruleRuns(config, id)) continue;
      let own = this.last.get(id);
      if (!own || mustRerun(RULE_READS[id], changes)) {
        const out: Finding[] = (own = []);
        this.ran.push(id);
        timed(`  rule ${id}`, () => rule.check({ model, options: config.rules.get(id)!.options, report: (f) => out.push(withRule(f, id)) }));
      } else if (renamed) {
        for (const f of own) renameRefs(f);
      }
      next.set(id, own);
      // Copies: later stages may rewrite a finding (its place), the kept one stays as reported.
      for (const f of own) findings.push({ ...f });
    }
    // The files' data as they are now, with the findings made from it (a rule that threw leaves
    // the last of both): the model stage only reads it (the server's copies are not consumed).
    this.files = files.map(fileData);
    this.last = next;
    return findings;
  }
}
