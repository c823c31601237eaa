// Which fields of an org file refer to other entities, and of which sections: the knowledge the
// "did you mean" for names and the error recovery share (the model resolves the same fields).

/** The sections a reference field names entities of; for a map (`duties`, `scope`) its keys are the ids. */
export const REFERS_TO: Readonly<Record<string, readonly string[]>> = {
  reports_to: ['roles'],
  dotted_line_to: ['roles'],
  career_path: ['roles'],
  owners: ['roles'],
  owner: ['roles'],
  chair: ['roles'],
  attendees: ['roles'],
  role: ['roles'],
  roles: ['roles'],
  from: ['roles'],
  to: ['roles'],
  family: ['families'],
  duties: ['duties'],
  measures: ['duties'],
  tools: ['tools'],
  competencies: ['competencies'],
  demands: ['competencies'],
  scope: ['dimensions'],
  cut: ['dimensions'],
  step: ['steps'],
  part_of: ['service_levels'],
  parent: ['targets'],
  watch: ['kpis', 'metrics'],
  pay_band: ['pay_bands'],
};

/** The sections a field refers to, if it is a reference field (own keys only: a file may hold `__proto__`). */
export function refersTo(field: string | undefined): readonly string[] | undefined {
  return field !== undefined && Object.prototype.hasOwnProperty.call(REFERS_TO, field) ? REFERS_TO[field] : undefined;
}

/** An entity by its section (`roles`; `steps` for process steps) and id. */
export interface EntityRef {
  section: string;
  id: string;
}

/** The entities a piece of a declaration refers to, by the fields it holds at any depth. */
export function referencesIn(value: unknown, field?: string): EntityRef[] {
  const out: EntityRef[] = [];
  const add = (sections: readonly string[], id: unknown) => {
    if (typeof id !== 'string') return;
    // A list typed with the wrong punctuation (`a，b`) is one string holding several ids.
    for (const part of new Set([id, ...id.split(/[\s,，、[\]［］]+/).filter(Boolean)])) for (const section of sections) out.push({ section, id: part });
  };
  const walk = (v: unknown, key: string | undefined) => {
    const sections = refersTo(key);
    if (sections) {
      if (Array.isArray(v)) v.forEach((id) => add(sections, id));
      else if (v && typeof v === 'object') Object.keys(v).forEach((id) => add(sections, id));
      else add(sections, v);
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, inner] of Object.entries(v)) walk(inner, k);
  };
  walk(value, field);
  return out;
}
