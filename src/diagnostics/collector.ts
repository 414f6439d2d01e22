/**
 * Severity policy, applied once (STYLE habit 5): defaults from the catalogue, then config
 * `severity`, then `--ignore`; `--strict` counts warnings as errors when the exit code is chosen.
 */
import { CODES, type Code, type Severity } from './codes.js';
import type { Diagnostic, Location, RawDiagnostic, SortKeys } from './diagnostic.js';
import { detach } from '../domain/text.js';
import { DEFAULT_MASK_RULE, redactIdNumbers, type MaskRule } from '../domain/mask.js';

/** Findings keep their own copy of each text, with any citizen ID number in it masked. */
function safeArgs<T extends object>(args: T, rule: MaskRule): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) out[k] = typeof v === 'string' ? detach(redactIdNumbers(v, rule)) : v;
  return out as T;
}

/**
 * A file, sheet or folder name may carry an ID number (张三_410702….xlsx): locations are printed
 * on stdout, in JSON and in report.json, so they are masked like args.
 */
function safeLocation(location: Location, rule: MaskRule): Location {
  const { file, sheet } = location;
  const f = file !== undefined ? redactIdNumbers(file, rule) : file;
  const s = sheet !== undefined ? redactIdNumbers(sheet, rule) : sheet;
  if (f === file && s === sheet) return location;
  return { ...location, ...(f !== undefined ? { file: f } : {}), ...(s !== undefined ? { sheet: s } : {}) };
}

export type SeverityOverrides = Partial<Record<string, Severity | 'off'>>;

export interface CollectedDiagnostic extends Diagnostic {
  sort: SortKeys;
}

export class DiagnosticCollector {
  private readonly items: CollectedDiagnostic[] = [];
  private readonly ignore: ReadonlySet<string>;
  private readonly overrides: SeverityOverrides;
  counts = { error: 0, warning: 0, info: 0 };

  private readonly maskRule: MaskRule;

  constructor(options: { severity?: SeverityOverrides; ignore?: Iterable<string>; maskRule?: MaskRule } = {}) {
    this.maskRule = options.maskRule ?? DEFAULT_MASK_RULE;
    this.overrides = options.severity ?? {};
    this.ignore = new Set(options.ignore ?? []);
  }

  severityOf(code: Code): Severity | 'off' {
    const info = CODES[code];
    if ('fixed' in info && info.fixed) return info.severity;
    if (this.ignore.has(code)) return 'off';
    return this.overrides[code] ?? info.severity;
  }

  add(raw: RawDiagnostic, department?: string, departmentRank?: number): void {
    const severity = this.severityOf(raw.code);
    if (severity === 'off') return;
    const named = raw.department ?? department;
    const dept = named !== undefined ? redactIdNumbers(named, this.maskRule) : undefined;
    const item: CollectedDiagnostic = {
      code: raw.code,
      severity,
      ...(dept !== undefined ? { department: dept } : {}),
      location: safeLocation(raw.location, this.maskRule),
      args: safeArgs(raw.args, this.maskRule),
      sort: {
        departmentRank: raw.sort?.departmentRank ?? departmentRank ?? Number.MAX_SAFE_INTEGER,
        sheetIndex: raw.sort?.sheetIndex ?? -1,
        columnIndex: raw.sort?.columnIndex ?? -1,
      },
    } as CollectedDiagnostic;
    this.items.push(item);
    this.counts[severity]++;
  }

  /** Sorted by department (matrix order), file, sheet, row, column (by index), code (cli.md). */
  sorted(): CollectedDiagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }

  get size(): number {
    return this.items.length;
  }
}

function cmp(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

export function compareDiagnostics(a: CollectedDiagnostic, b: CollectedDiagnostic): number {
  return (
    cmp(a.sort.departmentRank, b.sort.departmentRank) ||
    cmp(a.department, b.department) ||
    cmp(a.location.file, b.location.file) ||
    cmp(a.sort.sheetIndex, b.sort.sheetIndex) ||
    cmp(a.location.sheet, b.location.sheet) ||
    cmp(a.location.row ?? 0, b.location.row ?? 0) ||
    cmp(a.sort.columnIndex, b.sort.columnIndex) ||
    cmp(a.code, b.code) ||
    cmp(JSON.stringify(a.args), JSON.stringify(b.args))
  );
}

/** The exit code is chosen here and nowhere else (cli.md "Exit codes"). */
export function exitCodeFor(counts: { error: number; warning: number }, strict: boolean): 0 | 1 {
  return counts.error > 0 || (strict && counts.warning > 0) ? 1 : 0;
}

export type { SortKeys };
