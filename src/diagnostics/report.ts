/** The report every command returns: the JSON contract of cli.md, before messages are rendered. */
import type { CollectedDiagnostic, DiagnosticCollector, DroppedFindings } from './collector.js';
import { exitCodeFor } from './collector.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  command: string;
  quarter?: string;
  valid: boolean;
  stats: { files: number; rows: number; errors: number; warnings: number; info: number };
  diagnostics: CollectedDiagnostic[];
  /** Findings counted in `stats` but beyond `limits.maxFindingsPerCode` for their file and code. */
  dropped: DroppedFindings[];
  exitCode: 0 | 1;
}

/** `ctx` is the api's Context; only what the report needs is named here, so diagnostics/ stays below the api. */
export function makeReport(
  ctx: { collector: DiagnosticCollector; strict: boolean },
  command: string,
  files: number,
  rows: number,
  quarter?: string,
): Report {
  const c = ctx.collector.counts;
  const exitCode = exitCodeFor(c, ctx.strict);
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command,
    ...(quarter ? { quarter } : {}),
    valid: exitCode === 0,
    stats: { files, rows, errors: c.error, warnings: c.warning, info: c.info },
    diagnostics: ctx.collector.sorted(),
    dropped: ctx.collector.dropped(),
    exitCode,
  };
}

/**
 * Whether the findings so far make the command exit 1 (an error, or a warning under `--strict`). A command that
 * writes to the register asks it just before it writes: a command that fails writes nothing (docs/decisions.md
 * "--strict and the register's writers"), so the log is never changed by a run that exits 1.
 */
export function failsNow(ctx: { collector: DiagnosticCollector; strict: boolean }): boolean {
  return exitCodeFor(ctx.collector.counts, ctx.strict) !== 0;
}
