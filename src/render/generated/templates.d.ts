// Types for the templates that scripts/build.ts precompiles from templates/<format>/*.hbs.
export interface Precompiled {
  /** The template's text, to tell whether the file read at run time is still the one compiled. */
  source: string;
  spec: TemplateSpecification;
}
export declare const PRECOMPILED: Record<'md' | 'html', Record<string, Precompiled>>;
