/**
 * `export`'s 移出名单 and 更正名单 (package.md): the register plan a package was written with, rebuilt from
 * its records.json (the removals, the corrections) and the register of its workspace (the removed records'
 * columns, which records.json does not keep) — as the register stood before the batch's publication, or as
 * it stands now when the batch is not published yet (compile's own view, api/quarter/compile.ts).
 * Removed records the register does not hold (no register, a package folder outside any workspace) are not
 * invented: their rows keep what records.json says and the ids are returned (EXPORT_REMOVED_NOT_FOUND).
 */
import { basename, dirname, join } from 'node:path';
import { hasRegister, loadRegister, wholeRecords } from '../../io/register/register-store.js';
import type { IoPort } from '../../io/port.js';
import type { StoredRecord } from '../../register/stored.js';
import type { RecordsFile } from '../../schemas/documents/records.js';
import type { CreditRecord } from '../../schemas/record.js';
import type { RegisterPlan } from '../register/register-compile.js';
import { publishedBatch, registerBefore } from '../register/status-published.js';

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
  if (home && hasRegister(home, io)) return home;
  return workspace && hasRegister(workspace, io) ? workspace : undefined;
}

export function exportPlan(
  dir: string,
  data: RecordsFile,
  workspace: string | undefined,
  io: IoPort,
): { plan?: RegisterPlan; missing: string[] } {
  if (!hadRegister(dir, data, io)) return { missing: [] };
  const removed = new Map<string, CreditRecord>();
  const home = data.removals.length > 0 ? registerHome(dir, workspace, io) : undefined;
  if (home) {
    let loaded = loadRegister(home, io);
    const published = publishedBatch(loaded.state, data.quarter);
    if (published) loaded = registerBefore(loaded, published.seq);
    const found: { id: string; record: StoredRecord }[] = [];
    // A set, not a search of `found`: a province's batch lists ~25,000 expiries.
    const seen = new Set<string>();
    for (const r of data.removals) {
      if (seen.has(r.id)) continue;
      const entry = loaded.state.records.get(r.id);
      const record = entry?.publications[entry.publications.length - 1]?.record;
      if (!record) continue;
      seen.add(r.id);
      found.push({ id: r.id, record });
    }
    const whole = wholeRecords(found.map((f) => f.record));
    for (const [i, f] of found.entries()) removed.set(f.id, whole[i] as CreditRecord);
  }
  const missing = [...new Set(data.removals.map((r) => r.id).filter((id) => !removed.has(id)))];
  return {
    plan: { records: data.records, unchanged: data.unchanged, removals: data.removals, removed, corrected: data.corrected },
    missing,
  };
}
