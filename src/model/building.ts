// The model as its builder fills it in: the same types as types.ts with their fields and
// collections writable. Only the model stage imports this; every reader gets types.ts, where the
// model is read-only (roles with the same scope share one map: a reader that changed it would
// change them all, and a second check of the same model would see the first one's changes).
import type * as T from './types.js';

type Entityish = T.Entity | T.Assignment | T.OrgInfo | T.Requirements | T.Quota | T.OrgModel;

/** A writable version of a model type, through its references to other entities. */
export type Writable<X> = { -readonly [P in keyof X]: Field<X[P]> };

/**
 * Lists of entities and maps by id become writable. Lists of words (`cut`, competency levels), the
 * maps keyed by entities (`scope`, `demands`, `competencies`) and the RACI letters stay read-only
 * even here: they are shared between entities, or taken from the files as they are.
 */
type Field<X> =
  X extends ReadonlyMap<string, infer V> ? Map<string, Field<V>>
  : X extends readonly (infer U)[] ? ([U] extends [T.Text] ? X : Field<U>[])
  : X extends Entityish ? Writable<X>
  : X;

export type Assignment = Writable<T.Assignment>;
export type Competency = Writable<T.Competency>;
export type Dimension = Writable<T.Dimension>;
export type DimensionValue = Writable<T.DimensionValue>;
export type Duty = Writable<T.Duty>;
export type Kpi = Writable<T.Kpi>;
export type Metric = Writable<T.Metric>;
export type OrgModel = Writable<T.OrgModel>;
export type Party = Role | 'customer';
export type Person = Writable<T.Person>;
export type PayBand = Writable<T.PayBand>;
export type Quota = Writable<T.Quota>;
export type Review = Writable<T.Review>;
export type Role = Writable<T.Role>;
export type ServiceLevel = Writable<T.ServiceLevel>;
export type Signal = Writable<T.Signal>;
export type Stage = Writable<T.Stage>;
export type Step = Writable<T.Step>;
export type Target = Writable<T.Target>;
export type Scope = T.Scope;
export type Source = T.Source;
