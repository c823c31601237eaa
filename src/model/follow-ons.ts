// Findings that follow from a broken part are not reported: where the org has a mistake the model
// was built around (a part the schema rejected, an id declared twice), the design rules' findings
// about the entities involved would be guesses. The entities are collected while loading and
// building; a rule's finding is left out when it is placed in one, related to one, or names one.
import type { Finding, Pointer } from '../finding.js';

export class Unreliable {
  private readonly entities = new Set<string>();
  private readonly ids = new Set<string>();
  /** Neighbours of those: a finding placed on one is left out, one that merely relates to one is not. */
  private readonly near = new Set<string>();

  /** An entity by its section (`roles`; `steps` for process steps) and id. */
  add(section: string, id: string): void {
    this.entities.add(`${section}\0${id}`);
    this.ids.add(id);
  }

  /** A neighbour of an entity in doubt: what is said about it (a manager's span) may count the one in doubt. */
  addNear(section: string, id: string): void {
    this.near.add(`${section}\0${id}`);
    this.ids.add(id);
  }

  has(section: string, id: string): boolean {
    return this.entities.has(`${section}\0${id}`);
  }

  get size(): number {
    return this.entities.size;
  }

  /** Whether a finding is about an unreliable entity: placed in it, related to it, or naming it (or a neighbour). */
  touches(f: Finding): boolean {
    if (this.covers(f.at, true) || f.related?.some((r) => this.covers(r.at, false))) return true;
    for (const v of Object.values(f.data ?? {})) {
      if (typeof v !== 'string') continue;
      // Ids are lowercase letters, digits and hyphens: any other character separates them.
      for (const token of v.split(/[^a-z0-9-]+/)) if (token && this.ids.has(token)) return true;
    }
    return false;
  }

  private covers(at: Pointer, placed: boolean): boolean {
    if (!('path' in at)) return false;
    const [section, id, below, step] = at.path;
    const keys = [`${String(section)}\0${String(id)}`];
    if (section === 'process' && below === 'steps') keys.push(`steps\0${String(step)}`);
    return keys.some((k) => this.entities.has(k) || (placed && this.near.has(k)));
  }
}

/** The rules' findings without those about unreliable entities. */
export function leaveOutFollowOns(findings: Finding[], unreliable: Unreliable | undefined): Finding[] {
  if (!unreliable || unreliable.size === 0) return findings;
  return findings.filter((f) => !unreliable.touches(f));
}
