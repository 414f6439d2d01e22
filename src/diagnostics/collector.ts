/**
 * Severity policy, applied once (STYLE habit 5): defaults from the catalogue, then config
 * `severity`, then `--ignore`; `--strict` counts warnings as errors when the exit code is chosen.
 */
import { CODES, type Code, type Severity } from './codes.js';
import type { Diagnostic, Location, RawDiagnostic, SortKeys } from './diagnostic.js';
import { detach } from '../domain/text.js';
import { DEFAULT_MASK_RULE, type MaskRule } from '../domain/mask.js';
import { publicReader, showText } from '../domain/privacy.js';

// Record ids (12 hex digits, sometimes all digits) and a package's hash are names the tool made,
// never personal data: a run of their digits may look like a phone number.
const RECORD_IDS = new Set(['id', 'ids', 'package']);

/**
 * Findings keep their own copy of each text, shown as the public audience sees it (privacy.md "The
 * gate"): stdout, `--format json` and report.json all print findings.
 */
function safeArgs<T extends object>(args: T, rule: MaskRule): T {
  const reader = publicReader(rule);
  // Lists of names (files a cover names, places of a duplicate) are text too.
  const safe = (v: unknown): unknown => {
    if (typeof v === 'string') return detach(showText(v, reader));
    if (Array.isArray(v)) return v.map(safe);
    if (v !== null && typeof v === 'object') return safeArgs(v, rule);
    return v;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) out[k] = RECORD_IDS.has(k) ? v : safe(v);
  return out as T;
}

export type SeverityOverrides = Partial<Record<string, Severity | 'off'>>;

export interface CollectedDiagnostic extends Diagnostic {
  sort: SortKeys;
}

/**
 * Findings of one code in one file beyond `limits.maxFindingsPerCode`: counted (stats stay exact),
 * not kept. The JSON report's `dropped` list (README "The JSON report").
 */
export interface DroppedFindings {
  department?: string;
  file?: string;
  code: Code;
  severity: Severity;
  /** How many of this code in this file are in `diagnostics`. */
  kept: number;
  /** How many more there were. */
  dropped: number;
}

interface PerCode {
  kept: number;
  dropped: number;
  severity: Severity;
  department: string | undefined;
}

/** The default of `limits.maxFindingsPerCode`. */
export const DEFAULT_MAX_PER_CODE = 1000;

export class DiagnosticCollector {
  private readonly items: CollectedDiagnostic[] = [];
  private readonly ignore: ReadonlySet<string>;
  private readonly overrides: SeverityOverrides;
  counts = { error: 0, warning: 0, info: 0 };

  private readonly maskRule: MaskRule;
  private readonly maxPerCode: number;
  /** file ('' when none) → code → how many kept and dropped. */
  private readonly perFile = new Map<string, Map<Code, PerCode>>();
  /** One copy of each file, sheet and column name, shared by every finding that names it. */
  private readonly names = new Map<string, string>();

  constructor(options: { severity?: SeverityOverrides; ignore?: Iterable<string>; maskRule?: MaskRule; maxPerCode?: number } = {}) {
    this.maskRule = options.maskRule ?? DEFAULT_MASK_RULE;
    this.maxPerCode = options.maxPerCode ?? DEFAULT_MAX_PER_CODE;
    this.overrides = options.severity ?? {};
    this.ignore = new Set(options.ignore ?? []);
  }

  severityOf(code: Code): Severity | 'off' {
    const info = CODES[code];
    if ('fixed' in info && info.fixed) return info.severity;
    if (this.ignore.has(code)) return 'off';
    return this.overrides[code] ?? info.severity;
  }

  /**
   * `asData`: a finding a command shows as data, never as its exit code (objections.md: OBJECTION_OVERDUE is shown
   * by status as data; only `objection list --overdue` makes it exit 1) — at info, unless it is turned off.
   */
  add(raw: RawDiagnostic, department?: string, departmentRank?: number, asData = false): void {
    const policy = this.severityOf(raw.code);
    const severity = asData && policy !== 'off' ? 'info' : policy;
    if (severity === 'off') return;
    this.counts[severity]++;
    const named = raw.department ?? department;
    const dept = named !== undefined ? this.name(named) : undefined;
    const fileKey = this.name(raw.location.file) ?? '';
    let codes = this.perFile.get(fileKey);
    if (!codes) this.perFile.set(fileKey, (codes = new Map()));
    let n = codes.get(raw.code);
    if (!n) codes.set(raw.code, (n = { kept: 0, dropped: 0, severity, department: dept }));
    if (n.kept >= this.maxPerCode) {
      n.dropped++;
      return;
    }
    n.kept++;
    const item: CollectedDiagnostic = {
      code: raw.code,
      severity,
      ...(dept !== undefined ? { department: dept } : {}),
      location: this.location(raw.location),
      args: safeArgs(raw.args, this.maskRule),
      sort: {
        departmentRank: raw.sort?.departmentRank ?? departmentRank ?? Number.MAX_SAFE_INTEGER,
        sheetIndex: raw.sort?.sheetIndex ?? -1,
        columnIndex: raw.sort?.columnIndex ?? -1,
      },
    } as CollectedDiagnostic;
    this.items.push(item);
  }

  /**
   * One shared copy of a name (department, file, sheet, column), with any ID number in it masked: a
   * file, sheet or folder name may carry one (张三_410702….xlsx), and locations are printed on stdout, in
   * JSON and in report.json. Masked once per distinct name.
   */
  private name(s: string | undefined): string | undefined {
    if (s === undefined) return undefined;
    let shared = this.names.get(s);
    if (shared === undefined) this.names.set(s, (shared = detach(showText(s, publicReader(this.maskRule)))));
    return shared;
  }

  /** The location with its names masked and shared; keys in the order cli.md shows them. */
  private location(l: Location): Location {
    const out: Location = {};
    if (l.file !== undefined) out.file = this.name(l.file) as string;
    if (l.sheet !== undefined) out.sheet = this.name(l.sheet) as string;
    if (l.row !== undefined) out.row = l.row;
    if (l.column !== undefined) out.column = this.name(l.column) as string;
    if (l.field !== undefined) out.field = this.name(l.field) as string;
    return out;
  }

  /** Findings counted but not kept, by department (matrix order is not known here), file and code. */
  dropped(): DroppedFindings[] {
    const out: DroppedFindings[] = [];
    for (const [file, codes] of this.perFile) {
      for (const [code, n] of codes) {
        if (n.dropped === 0) continue;
        out.push({
          ...(n.department !== undefined ? { department: n.department } : {}),
          ...(file ? { file } : {}),
          code,
          severity: n.severity,
          kept: n.kept,
          dropped: n.dropped,
        });
      }
    }
    return out.sort((a, b) => cmp(a.file, b.file) || cmp(a.code, b.code));
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
