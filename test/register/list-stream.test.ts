// register list --format json streams its records as bytes, about BYTES_PER_PART (64 KiB) at a time
// (reporters/json-bytes.ts): the bytes are those of the whole document made at once and passed through the terminal's
// sink once, and the privacy gate masks an ID number in a name, a key or a 移出原因 wherever the record falls — the records
// around the part boundary (the 1000th and 1001st, ten parts in) hold them, and bidi and escape characters beside them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { loadWorkbook } from '../helpers/workbook.js';
import { runCli, ROOT } from '../helpers/cases.js';
import { eventLine } from '../../src/register/chain.js';
import type { RegisterRecord } from '../../src/register/events.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { diff, registerList } from '../../src/api/register/register.js';
import { run } from '../../src/cli/program.js';
import { formatJson } from '../../src/diagnostics/report-document.js';
import { terminalSafe } from '../../src/reporters/sink.js';
import { loadRegister } from '../../src/io/register/register-store.js';
import { eachEntry } from '../../src/register/each-entry.js';
import { statusOn } from '../../src/register/state.js';
import { messagesFor } from '../../src/messages/index.js';
import { renderDocument } from '../../src/reporters/registry.js';
import { registerListView } from '../../src/reporters/register-views.js';
import type { ListedRecordDoc } from '../../src/schemas/documents/commands-register.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const person = (i: number): string => makeIdNumber('410702', '1990-01-01', String(i % 1000).padStart(3, '0'));

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-list-stream-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  const near = (i: number): boolean => i >= 995 && i <= 1005;
  const records = Array.from(
    { length: 2100 },
    (_, i) =>
      ({
        id: `e${String(i).padStart(11, '0')}`,
        listType: 'black',
        domain: '劳务派遣',
        department: '就业办',
        // Beside the boundary: a person's ID number in the name (typed there by mistake), an RLO and an ESC.
        subjectName: near(i) ? `张${i}（${person(i)}）\u202e\u001b[31m` : `主体${i}`,
        subjectType: near(i) ? '自然人' : '法人及非法人组织',
        creditCode: '',
        idType: near(i) ? '居民身份证' : '',
        idNumber: near(i) ? person(i) : '',
        decisionNo: `新人社罚〔2026〕${i}号`,
        decisionDate: '2026-01-01',
        publishUntil: '2030-01-01',
        severity: '严重',
      }) as unknown as RegisterRecord,
  );
  const ids = (from: number, to: number) => records.slice(from, to).map((r) => r.id);
  const events = chain([
    { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records, removals: [], unchanged: [] },
    {
      type: 'publish',
      batch: '2026Q2',
      on: '2026-07-15',
      package: 'e'.repeat(64),
      records: [],
      // Removed records are listed with their 移出原因: one names the person's ID number.
      removals: ids(990, 1010).map((id, k) => ({ id, type: 'violation' as const, reason: `违法，当事人${person(990 + k)}` })),
      unchanged: [],
    },
  ]);
  writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
  return ws;
}

describe('register list --format json, streamed', () => {
  it('is the whole document through the sink once, byte for byte, and no ID number crosses a part boundary unmasked', async () => {
    const ws = workspace();
    for (const lang of ['zh-CN', 'en'] as const)
      for (const status of ['all', 'removed'] as const) {
        const args = ['register', 'list', '--format', 'json', '--status', status, '-w', ws, '--today', '2026-10-15', '--lang', lang];
        const out = await runCli(args, ROOT);
        expect(out.code).toBe(0);
        const whole = registerList({ cwd: ws, workspace: ws, today: '2026-10-15', status });
        expect(out.stdout).toBe(terminalSafe(formatJson({ schemaVersion: 1, command: 'register list', ...whole }), false));
        const listed = JSON.parse(out.stdout) as { records: { subjectName: string; subjectKey: string }[] };
        expect(listed.records.length).toBe(status === 'all' ? 2100 : 20);
        for (let i = 990; i <= 1010; i++) expect(out.stdout).not.toContain(person(i));
        // The masked forms are there (the gate ran on every record, not only the first part's).
        expect(out.stdout).toContain(`${person(1000).slice(0, 6)}********${person(1000).slice(14)}`);
        expect(out.stdout).not.toMatch(/[\u202e\u001b]/);
      }
  }, 120_000);

  it('as bytes past the sink (bin/’s stdout): list and diff are the bytes the sink made of the whole document', async () => {
    const ws = workspace();
    const runBytes = async (args: string[]): Promise<{ code: number; out: Buffer; text: string }> => {
      const parts: Buffer[] = [];
      let text = '';
      const code = await run(args, {
        stdout: { write: (s: string) => (text += s), writeBytes: (b: Uint8Array) => parts.push(Buffer.from(b)), isTTY: false },
        stderr: { write: () => true, isTTY: false },
        env: {},
        cwd: ROOT,
      });
      return { code, out: Buffer.concat(parts), text };
    };
    const old = (doc: unknown): Buffer => Buffer.from(terminalSafe(formatJson(doc), false), 'utf8');
    const today = ['-w', ws, '--today', '2026-10-15'];
    for (const status of ['all', 'removed', 'active'] as const) {
      const r = await runBytes(['register', 'list', '--format', 'json', '--status', status, ...today]);
      expect(r.code).toBe(0);
      expect(r.text).toBe('');
      const whole = registerList({ cwd: ws, workspace: ws, today: '2026-10-15', status });
      expect(r.out).toEqual(old({ schemaVersion: 1, command: 'register list', ...whole }));
      for (let i = 990; i <= 1010; i++) expect(r.out.toString('utf8')).not.toContain(person(i));
    }
    const on = await runBytes(['register', 'list', '--format', 'json', '--on', '2026-05-01', ...today]);
    expect(on.out).toEqual(
      old({
        schemaVersion: 1,
        command: 'register list',
        ...registerList({ cwd: ws, workspace: ws, today: '2026-10-15', on: '2026-05-01' }),
      }),
    );
    const d = await runBytes(['diff', '2026Q1', '2026Q2', '--format', 'json', ...today]);
    expect(d.code).toBe(0);
    const changes = await diff('2026Q1', '2026Q2', { cwd: ws, workspace: ws, today: '2026-10-15' });
    expect(changes.removed).toHaveLength(20);
    expect(d.out).toEqual(old({ schemaVersion: 1, command: 'diff', ...changes }));
    expect(d.out.toString('utf8')).not.toMatch(/[\u202e\u001b]/);
    for (let i = 990; i <= 1010; i++) expect(d.out.toString('utf8')).not.toContain(person(i));
  }, 120_000);

  it('as a table, streamed (its widths, then its lines): the text the registry draws of the whole document', async () => {
    const ws = workspace();
    const { Chalk } = await import('chalk');
    for (const lang of ['zh-CN', 'en'] as const) {
      const ctx = { m: messagesFor(lang), chalk: new Chalk({ level: 0 }), ascii: false, width: 120, quiet: false, strict: false };
      // 2,100 records (aligned columns), 2,080 and 20 (a bordered table).
      for (const status of ['all', 'active', 'removed'] as const) {
        const args = ['register', 'list', '--status', status, '-w', ws, '--today', '2026-10-15', '--lang', lang];
        const out = await runCli(args, ROOT);
        expect(out.code).toBe(0);
        const whole = registerList({ cwd: ws, workspace: ws, today: '2026-10-15', status });
        expect(out.stdout).toBe(
          terminalSafe(renderDocument('register-list', 'pretty', { schemaVersion: 1, command: 'register list', ...whole }, ctx), false),
        );
        for (let i = 990; i <= 1010; i++) expect(out.stdout).not.toContain(person(i));
      }
    }
  }, 120_000);

  it('a table of a province’s records is drawn (the widest cell of each column found by a loop: a spread of 600,000 overflowed the stack)', async () => {
    const { Chalk } = await import('chalk');
    const ctx = { m: messagesFor('zh-CN'), chalk: new Chalk({ level: 0 }), ascii: false, width: 120, quiet: false, strict: false };
    const records: ListedRecordDoc[] = Array.from({ length: 300_000 }, (_, i) => ({
      id: String(i).padStart(12, '0'),
      listType: 'red',
      domain: '就业',
      department: '就业局',
      subjectName: `新乡市测试${i}有限公司`,
      subjectKey: '9141070000000U1P3G',
      batch: '2026Q1',
      publishedOn: '2026-04-15',
      publishUntil: '2029-04-14',
      status: 'active',
      removal: null,
      objection: false,
    }));
    const text = registerListView({ schemaVersion: 1, command: 'register list', on: '2026-10-15', records }, ctx);
    const lines = text.split('\n');
    expect(lines).toHaveLength(300_003);
    // The widest name (新乡市测试299999有限公司) sets its column: the next column starts at the same place on every line.
    expect(lines[1]?.indexOf('9141070000000U1P3G')).toBe(lines[300_000]?.indexOf('9141070000000U1P3G'));
  }, 120_000);

  it('read through a checkpoint, streaming every entry makes no event keep its records (a province’s 10⁶ were kept to the end)', () => {
    const ws = workspace();
    loadRegister(ws); // writes the checkpoint
    const { events, state } = loadRegister(ws);
    const kept = () => events.filter((e) => Object.getOwnPropertyDescriptor(e, 'records')?.get === undefined && 'records' in e);
    expect(kept()).toEqual([]);
    let active = 0;
    for (const entry of eachEntry(state)) if (statusOn(entry, '2026-10-15')?.status === 'active') active++;
    expect(active).toBe(2080);
    expect(kept()).toEqual([]);
  });
});

// The clerk asked for a file: a list longer than a screen's table (200 rows) is not printed too — 57,000 rows
// scrolled through a Windows console for minutes, a province's 575,000 (docs/decisions.md "The 台账 on the terminal").
describe('register list --xlsx on the terminal', () => {
  it('a long list: its count, that it is in the 台账 and how to print it, where the 台账 is; no row; the 台账 whole', async () => {
    const ws = workspace();
    const file = join(ws, '台账.xlsx');
    const out = await runCli(['register', 'list', '--status', 'all', '--xlsx', file, '-w', ws, '--today', '2026-10-15'], ROOT);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      '2026-10-15 的登记簿：2100 条记录\n' +
        '记录超过 200 条，屏幕上不逐条列出，请打开台账查看（不带 --xlsx 运行可在屏幕上列出全部记录）\n' +
        `台账已写入：${file}\n`,
    );
    const sheet = (await loadWorkbook(readFileSync(file))).getWorksheet('台账');
    expect(sheet?.actualRowCount).toBe(2101);
    const en = await runCli(['register', 'list', '--xlsx', file, '-w', ws, '--today', '2026-10-15', '--lang', 'en'], ROOT);
    expect(en.stdout).toContain('more than 200 records: not listed on screen, open the ledger');
    // Without --xlsx the list is printed in full, as the line says.
    const plain = await runCli(['register', 'list', '--status', 'all', '-w', ws, '--today', '2026-10-15'], ROOT);
    expect(plain.stdout).toContain('e00000002099');
  }, 120_000);
});
