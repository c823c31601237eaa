// orgc as a library: `import { lint, render, diff, loadConfig } from 'orgc'`. docs/api.md shows how.
// Everything exported here is public and versioned with the package; nothing else is.
export { lint, type LintOptions, type LintResult } from './lint.js';
export { render, type RenderOptions, type RenderResult } from './render.js';
export { diff, type DiffOptions, type DiffResult } from './diff.js';
export { loadConfig, type ConfigInput, type OrgInput } from './input.js';
export { OrgcError, EXIT, exitCodeOf, type OrgcErrorKind } from './errors.js';
export { formatDiagnostics, type ReportFormat } from './report.js';
export { RENDER_FORMATS, PAGE_KINDS, type RenderFormat, type PageSink, type Page } from '../render/index.js';
export { UI_LANGUAGES, type UiLanguage } from '../i18n/lang.js';
export { VERSION } from '../version.js';
export type { Config } from '../core/config.js';
export type { Diagnostic, RelatedDiagnostic, Range, Summary } from '../report/diagnostic.js';
export type { Position } from '../load/line-map.js';
export type { OrgFile } from './lint.js';
export type { OrgModel, Role, Duty, Person, Kpi, Target } from '../model/types.js';
export type { DiffReport } from '../diff/report.js';
