// Types for the validator that scripts/build.ts generates from schemas/orgc.schema.json.
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** With `verbose`: the keyword's value and the schema object holding it. */
  schema?: unknown;
  parentSchema?: Record<string, any>;
  propertyName?: string;
}
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
export declare const validate: ValidateFunction;
export default validate;
