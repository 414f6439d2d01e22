/**
 * `export`'s 移出名单 and 更正名单 (package.md): the register plan a package was written with, rebuilt from
 * its records.json (the removals, the corrections) and the register of its workspace (the removed records'
 * columns, which records.json does not keep) — as the register stood before the batch's publication, or as
 * it stands now when the batch is not published yet (compile's own view, api/quarter/compile.ts).
 * Removed records the register does not hold (no register, a package folder outside any workspace) are not
 * invented: their rows keep what records.json says and the ids are returned (EXPORT_REMOVED_NOT_FOUND).
 */
import { basename, dirname, join } from 'node:path';
import { eventsPath, hasRegister, loadRegister } from '../../io/register/register-store.js';
import type { IoPort } from '../../io/port.js';
import type { RecordSummary, StoredRecord } from '../../register/stored.js';
import { summariesOf } from '../../register/stored-columns.js';
import type { RecordsFile } from '../../schemas/documents/records.js';
import type { RegisterPlan } from '../register/register-compile.js';
import { publishedBatch } from '../register/status-published.js';

/** Whether the package was compiled with a register: it lists removals or corrections, or its 公示 holds more than the two list CSVs. */
function hadRegister(dir: string, data: RecordsFile, io: IoPort): boolean {
  if (data.removals.length > 0 || data.corrected.length > 0 || data.unchanged.length > 0) return true;
  try {
    return io.readdirSync(join(dir, '公示')).filter((e) => e.kind === 'file' && e.name.endsWith('.csv')).length > 2;
  } catch {
    return false;
  }
}

/** The workspace whose register holds the package's records: the one the package lies in (…/packages/<batch>), else the run's. */
function registerHome(dir: string, workspace: string | undefined, io: IoPort): string | undefined {
  const home = basename(dirname(dir)) === 'packages' ? dirname(dirname(dir)) : undefined;
  if (home && begun(home, io)) return home;
  return workspace && begun(workspace, io) ? workspace : undefined;
}

/** A register with a log that is not empty: an empty events.jsonl is a register not begun (EXPORT_NO_REGISTER, as none). */
function begun(workspace: string, io: IoPort): boolean {
  return hasRegister(workspace, io) && io.statSync(eventsPath(workspace)).size > 0;
}

export function exportPlan(
  dir: string,
  data: RecordsFile,
  workspace: string | undefined,
  io: IoPort,
): { plan?: RegisterPlan; missing: string[]; noRegister: boolean } {
  if (!hadRegister(dir, data, io)) return { missing: [], noRegister: false };
  const removed = new Map<string, RecordSummary>();
  const home = data.removals.length > 0 ? registerHome(dir, workspace, io) : undefined;
  if (home) {
    const { state } = loadRegister(home, io);
    const found = new Map<string, StoredRecord>();
    // As the register stood before the batch's publication: a record's latest publication before that event.
    // Only publish and import events add publications, and never take one away (register/state.ts), so that
    // is its publications before the event's seq — no replay of the earlier events (a province's 10⁶ records).
    const before = publishedBatch(state, data.quarter)?.seq ?? Number.POSITIVE_INFINITY;
    for (const r of data.removals) {
      if (found.has(r.id)) continue;
      const publications = state.records.get(r.id)?.publications ?? [];
      let record: StoredRecord | undefined;
      for (const p of publications) if (p.seq < before) record = p.record;
      // The summary holds every column 移出名单 shows (removed-sheet.ts): no line of the log is read again.
      if (record) found.set(r.id, record);
    }
    // Each text column read once for them all and not kept (stored-columns.ts summariesOf).
    const of = summariesOf([...found.values()]);
    for (const [k, id] of [...found.keys()].entries()) removed.set(id, of[k] as RecordSummary);
  }
  const missing = [...new Set(data.removals.map((r) => r.id).filter((id) => !removed.has(id)))];
  return {
    plan: { records: data.records, unchanged: data.unchanged, removals: data.removals, removed, corrected: data.corrected },
    missing,
    // No register to look in at all (EXPORT_NO_REGISTER), rather than one that lacks them (EXPORT_REMOVED_NOT_FOUND).
    noRegister: home === undefined,
  };
}
