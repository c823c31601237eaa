// Types for the validator that scripts/build.ts generates from schemas/orgc.config.schema.json.
import type { AjvError } from './validate-org-file.js';
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
export declare const validate: ValidateFunction;
export default validate;
