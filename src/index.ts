/** The public API: narrow on purpose (STYLE habit 10). */
export { validate, type ValidateOptions } from './api/department/validate.js';
export type { Report } from './diagnostics/report.js';
export { ToolError, type ToolErrorCode } from './diagnostics/tool-error.js';
export { CODES, ALL_CODES, type Code, type CodeArgs, type Severity } from './diagnostics/codes.js';
export type { Diagnostic, Location } from './diagnostics/diagnostic.js';
export { checkCreditCode, makeCreditCode, normaliseCreditCode } from './domain/credit-code.js';
export { checkIdNumber, makeIdNumber, normaliseIdNumber } from './domain/id-number.js';
export { recordIdentity, type IdentitySource, type RecordIdentity } from './domain/identity.js';
export { maskIdentifier } from './domain/mask.js';
export { parseQuarter, resolveQuarter, formatQuarter } from './domain/quarter.js';
export { toJsonReport, type JsonReport, type JsonDiagnostic } from './reporters/json.js';
