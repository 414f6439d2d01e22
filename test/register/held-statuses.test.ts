// api/register/held-statuses.ts holds register list --xlsx's statuses at a few bytes each (a checkpoint's record by its
// row) and makes each again when read: what it gives back must be what statusOn gave, field for field, for every
// status (active, expired, removed; an objection; a corrected record at revision 2), and the ledger's list the list's.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HeldStatuses } from '../../src/api/register/held-statuses.js';
import { registerList } from '../../src/api/register/register.js';
import { loadRegister } from '../../src/io/register/register-store.js';
import { eachEntry } from '../../src/register/each-entry.js';
import { type RecordStatus, statusOn } from '../../src/register/state.js';
import { chain } from '../helpers/register-chain.js';
import { ROOT, runCli } from '../helpers/cases.js';
import { largeHistory } from './checkpoint-histories.js';
import { logText, plainValue } from './register-files.js';
import { zipTexts } from '../helpers/zip-entries.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-held-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  writeFileSync(join(ws, 'register', 'events.jsonl'), logText(chain(largeHistory())));
  return ws;
}

describe('HeldStatuses', () => {
  it('gives back every status statusOn gave, field for field, most made again from their row', () => {
    const ws = workspace();
    loadRegister(ws); // writes the checkpoint
    const { state } = loadRegister(ws);
    for (const day of ['2026-05-01', '2026-07-15', '2026-10-15']) {
      const given: RecordStatus[] = [];
      const held = new HeldStatuses();
      for (const entry of eachEntry(state)) {
        const s = statusOn(entry, day);
        if (!s) continue;
        given.push(s);
        held.push(s);
      }
      expect(held.length).toBe(given.length);
      expect(given.length).toBeGreaterThan(29_000);
      const back = [...held];
      expect(plainValue(back)).toEqual(plainValue(given));
      expect(back.map((s) => s.status)).toEqual(given.map((s) => s.status));
      // Made again (not the object kept) for each status of a checkpoint's record without a removal.
      const made = back.filter((s, i) => s !== given[i]).length;
      expect(made).toBe(given.filter((s) => s.removal === null).length);
      expect(made).toBeGreaterThan(19_000);
    }
  });

  it('register list --xlsx lists what register list lists (every status, through the checkpoint)', async () => {
    const ws = workspace();
    loadRegister(ws);
    for (const status of ['all', 'active', 'removed'] as const) {
      const out = join(ws, `台账-${status}.xlsx`);
      const r = await runCli(
        ['register', 'list', '--xlsx', out, '--status', status, '--format', 'json', '-w', ws, '--today', '2026-10-15'],
        ROOT,
      );
      expect(r.code).toBe(0);
      const listed = JSON.parse(r.stdout) as { records: { id: string }[] };
      expect(listed.records).toEqual(registerList({ cwd: ws, workspace: ws, today: '2026-10-15', status }).records);
      // The ids (a value per record) in their cells, not in sharedStrings.xml; the columns of few values shared.
      const parts = await zipTexts(readFileSync(out));
      const first = listed.records[0]?.id as string;
      expect(parts.get('xl/worksheets/sheet1.xml')).toContain(`<c r="B2" s="1" t="inlineStr"><is><t>${first}</t></is></c>`);
      expect(parts.get('xl/sharedStrings.xml')).not.toContain(`<si><t>${first}</t></si>`);
      expect(parts.get('xl/sharedStrings.xml')).toContain('<si><t>黑名单</t></si>');
    }
  }, 120_000);
});
