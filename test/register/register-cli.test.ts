// publish, register verify|repair|list|show and diff through the CLI, on the compiled example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LEDGER_DEFLATE_LEVEL } from '../../src/api/register/register.js';
import { openWorkbook } from '../../src/io/sniff.js';
import { loadWorkbook } from '../helpers/workbook.js';
import { eventLine, sealEvent } from '../../src/register/chain.js';
import type { EventBody, RegisterEvent } from '../../src/register/events.js';
import { DEFAULT_LIMITS } from '../../src/schemas/config.js';
import { BUILTIN_DEPARTMENTS, BUILTIN_DOMAINS, Matrix } from '../../src/schemas/matrix.js';
import { scoreRows } from '../../src/table/header.js';
import {
  compiledExample,
  copyWorkspace,
  creditRecord,
  eventsFile,
  packageRecords,
  readEvents,
  reseal,
  runCli,
  tempDir,
  TODAY,
  ROOT,
  writePackage,
  type Rec,
} from './helpers.js';

let tmp: string;
let template: string;
let n = 0;
const NOW = '2026-10-15T01:30:00Z';
const env = { HRSS_CREDIT_NOW: NOW, HRSS_CREDIT_LOCK_WAIT_MS: '100' };

beforeAll(async () => {
  tmp = tempDir('register');
  template = await compiledExample(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fresh = (): string => copyWorkspace(template, join(tmp, `ws-${++n}`));
const cli = (ws: string, args: string[], extra: Record<string, string> = {}) =>
  runCli([...args, '-w', ws, '--today', TODAY], ROOT, { ...env, ...extra });
const json = (s: string) => JSON.parse(s) as Record<string, any>;

describe('publish', () => {
  it('records the package once: one line with who, when, host, the manifest hash and every record; prints the head', async () => {
    const ws = fresh();
    const res = await cli(ws, ['publish', '2026Q3', '--by', '王五', '--format', 'json']);
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    const [e] = readEvents(ws) as [Record<string, any>];
    expect(out).toMatchObject({ command: 'publish', outcome: 'published', batch: '2026Q3', on: TODAY, records: 17, head: `1:${e.hash}` });
    expect(e).toMatchObject({
      seq: 1,
      type: 'publish',
      batch: '2026Q3',
      on: TODAY,
      by: '王五',
      host: hostname(),
      at: '2026-10-15T09:30:00+08:00',
      prev: null,
    });
    expect(e.records.map((r: Rec) => r.id)).toEqual(packageRecords(ws).map((r) => r.id));
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
  });

  it('who: --by, else HRSS_CREDIT_USER, else the config clerk, else the OS user', async () => {
    const who = async (args: string[], extra: Record<string, string>, config?: Record<string, unknown>) => {
      const ws = fresh();
      if (config) {
        const path = join(ws, 'hrss-credit.config.json');
        writeFileSync(path, JSON.stringify({ ...json(readFileSync(path, 'utf8')), ...config }));
      }
      expect((await cli(ws, ['publish', '2026Q3', ...args], extra)).code).toBe(0);
      return readEvents(ws)[0]?.by;
    };
    expect(await who(['--by', '甲'], { HRSS_CREDIT_USER: '乙' }, { clerk: '丙' })).toBe('甲');
    expect(await who([], { HRSS_CREDIT_USER: '乙' }, { clerk: '丙' })).toBe('乙');
    expect(await who([], {}, { clerk: '丙' })).toBe('丙');
    expect(await who([], {})).toBe(userInfo().username);
  });

  it('the same package again is a no-op (exit 0); the log is not touched', async () => {
    const ws = fresh();
    await cli(ws, ['publish', '2026Q3']);
    const before = readFileSync(eventsFile(ws));
    const again = await cli(ws, ['publish', '2026Q3', '--format', 'json']);
    expect(again.code).toBe(0);
    expect(json(again.stdout)).toMatchObject({ outcome: 'unchanged', event: { seq: 1 } });
    expect(readFileSync(eventsFile(ws)).equals(before)).toBe(true);
  });

  it('a changed package is REGISTER_PACKAGE_CHANGED (exit 1) and nothing is recorded', async () => {
    const ws = fresh();
    appendFileSync(join(ws, 'packages', '2026Q3', 'records.json'), ' ');
    const res = await cli(ws, ['publish', '2026Q3', '--format', 'json']);
    expect(res.code).toBe(1);
    expect(json(res.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['REGISTER_PACKAGE_CHANGED']);
    expect(json(res.stdout).diagnostics[0].args).toMatchObject({ batch: '2026Q3', changed: 'records.json', count: 1 });
    expect(existsSync(eventsFile(ws))).toBe(false);
  });

  it('another package for a published batch is REGISTER_ALREADY_PUBLISHED (exit 1); the log is not touched', async () => {
    const ws = fresh();
    await cli(ws, ['publish', '2026Q3']);
    const before = readFileSync(eventsFile(ws));
    reseal(join(ws, 'packages', '2026Q3'), 'recompiled');
    const res = await cli(ws, ['publish', '2026Q3', '--format', 'json']);
    expect(res.code).toBe(1);
    expect(json(res.stdout).diagnostics[0]).toMatchObject({
      code: 'REGISTER_ALREADY_PUBLISHED',
      args: { batch: '2026Q3', seq: 1, publishedOn: TODAY },
    });
    expect(readFileSync(eventsFile(ws)).equals(before)).toBe(true);
  });

  it('no package for the batch: PACKAGE_NOT_FOUND, exit 2', async () => {
    const res = await cli(fresh(), ['publish', '2026Q2', '--format', 'json']);
    expect(res.code).toBe(2);
    expect(json(res.stdout).error.code).toBe('PACKAGE_NOT_FOUND');
  });
});

/** A workspace with two published batches: 2026Q2 (the example's records) and 2026Q3 (changes). */
async function twoBatches(): Promise<{ ws: string; records: Rec[] }> {
  const ws = fresh();
  const records = packageRecords(ws);
  writePackage(ws, '2026Q2', records.slice(0, 10));
  expect((await cli(ws, ['publish', '2026Q2', '--on', '2026-07-15'])).code).toBe(0);
  writePackage(ws, '2026Q3', records.slice(10), {
    removals: [
      { id: records[0]!.id, type: 'violation', on: '2026-09-01', reason: '违法违规' },
      { id: records[7]!.id, type: 'early', on: '2026-09-02', reason: '信用修复', filedOn: '2026-09-03' },
    ],
    unchanged: [records[1]!.id],
  });
  expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
  return { ws, records };
}

describe('the event log', () => {
  it('an edited, deleted or reordered event: verify exit 1 naming the line; writers refuse with REGISTER_CORRUPT (exit 2)', async () => {
    const { ws } = await twoBatches();
    const good = readFileSync(eventsFile(ws), 'utf8');
    const [l1, l2] = good.split('\n') as [string, string];
    const cases: [string, string, number][] = [
      ['edited', `${l1.replace('"by":"', '"by":"x')}\n${l2}\n`, 1],
      ['deleted', `${l2}\n`, 1],
      ['reordered', `${l2}\n${l1}\n`, 1],
    ];
    for (const [what, text, line] of cases) {
      writeFileSync(eventsFile(ws), text);
      const v = await cli(ws, ['register', 'verify', '--format', 'json']);
      expect(v.code, what).toBe(1);
      expect(json(v.stdout).broken.line, what).toBe(line);
      writePackage(ws, '2026Q4', []);
      const p = await cli(ws, ['publish', '2026Q4', '--format', 'json']);
      expect(p.code, what).toBe(2);
      expect(json(p.stdout).error.code, what).toBe('REGISTER_CORRUPT');
      expect(readFileSync(eventsFile(ws), 'utf8'), what).toBe(text);
      expect((await cli(ws, ['register', 'list', '--format', 'json'])).code, what).toBe(2);
      const r = await cli(ws, ['register', 'repair', '--format', 'json']);
      expect(r.code, what).toBe(2);
      expect(readFileSync(eventsFile(ws), 'utf8'), what).toBe(text);
    }
  });

  it('a torn last line: readers stop (exit 2), verify names it, repair cuts it after a copy, the log verifies again', async () => {
    const { ws } = await twoBatches();
    const good = readFileSync(eventsFile(ws));
    const firstLine = good.indexOf(0x0a) + 1;
    truncateSync(eventsFile(ws), firstLine + 37);
    const torn = readFileSync(eventsFile(ws));
    const v = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(v.code).toBe(1);
    expect(json(v.stdout).broken).toEqual({ line: 2, reason: 'torn' });
    expect((await cli(ws, ['register', 'list'])).code).toBe(2);
    const r = await cli(ws, ['register', 'repair', '--by', 'repairer', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out).toMatchObject({ action: 'cut', line: 2, bytes: 37 });
    expect(readFileSync(join(ws, out.backup)).equals(torn)).toBe(true);
    // The whole lines are kept byte for byte; the repair itself is recorded after them, with who did it.
    expect(readFileSync(eventsFile(ws)).subarray(0, firstLine).equals(good.subarray(0, firstLine))).toBe(true);
    expect(readEvents(ws).map((e) => e.type)).toEqual(['publish', 'repair']);
    expect(readEvents(ws)[1]).toMatchObject({ seq: 2, line: 2, bytes: 37, backup: out.backup, by: 'repairer' });
    expect(out.head).toBe(`2:${readEvents(ws)[1]?.hash}`);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
    expect(json((await cli(ws, ['register', 'repair', '--format', 'json'])).stdout).action).toBe('intact');
  });

  it('a cut tail is caught against the head publish printed', async () => {
    const { ws } = await twoBatches();
    const head = json((await cli(ws, ['register', 'verify', '--format', 'json'])).stdout).head as string;
    const good = readFileSync(eventsFile(ws));
    truncateSync(eventsFile(ws), good.indexOf(0x0a) + 1);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
    const v = await cli(ws, ['register', 'verify', '--head', head, '--format', 'json']);
    expect(v.code).toBe(1);
    expect(json(v.stdout).broken).toEqual({ line: 2, reason: 'head' });
    expect((await cli(ws, ['register', 'verify', '--head', 'nonsense'])).code).toBe(2);
  });

  it('--head: shorter than 16 hex digits is refused (exit 2); a history rewritten to the same seq is "not reached or rewritten"; heads are printed whole', async () => {
    const { ws } = await twoBatches();
    const head = json((await cli(ws, ['register', 'verify', '--format', 'json'])).stdout).head as string;
    expect(head).toMatch(/^2:[0-9a-f]{64}$/);
    const ok = await cli(ws, ['register', 'verify']);
    expect(ok.stdout).toContain(head);
    expect((await cli(ws, ['register', 'verify', '--head', head.slice(0, 2 + 16)])).code).toBe(0);
    for (const digits of [8, 15]) {
      const short = await cli(ws, ['register', 'verify', '--head', head.slice(0, 2 + digits), '--format', 'json']);
      expect(short.code, String(digits)).toBe(2);
      expect(json(short.stdout).error.code).toBe('REGISTER_HEAD_SHORT');
    }
    // Seen: a malformed head (no colon, a word, a non-hex digit) gave a bare usage error; it says what a head looks like.
    for (const bad of ['3f9a0c1d2e4b5a69', 'latest', '2:3f9a0c1d2e4b5a6g', '2-3f9a0c1d2e4b5a69']) {
      const res = await cli(ws, ['register', 'verify', '--head', bad, '--format', 'json']);
      expect(res.code, bad).toBe(2);
      expect(json(res.stdout).error.code, bad).toBe('REGISTER_HEAD_INVALID');
      const pretty = await cli(ws, ['register', 'verify', '--head', bad]);
      expect(pretty.stderr + pretty.stdout, bad).toContain('序号:哈希');
      expect(pretty.stderr + pretty.stdout, bad).toContain('16 位十六进制');
    }
    const zh = await cli(ws, ['register', 'verify', '--head', head.slice(0, 10)]);
    expect(zh.code).toBe(2);
    expect(zh.stderr + zh.stdout).toContain('16');
    // The last event rewritten and sealed again: the chain holds, the seq is reached, the hash is not.
    const lines = readFileSync(eventsFile(ws), 'utf8').split('\n');
    const first = JSON.parse(lines[0]!) as RegisterEvent;
    const second = JSON.parse(lines[1]!) as RegisterEvent;
    const { hash: _h, seq: _s, prev: _p, at, by, host, ...body } = second as RegisterEvent & Record<string, unknown>;
    const rewritten = sealEvent(
      { ...body, on: '2026-10-16' } as EventBody,
      { at, by: 'someone', host },
      { seq: first.seq, hash: first.hash },
    );
    writeFileSync(eventsFile(ws), `${lines[0]}\n${eventLine(rewritten)}`);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
    const v = await cli(ws, ['register', 'verify', '--head', head, '--format', 'json']);
    expect(v.code).toBe(1);
    expect(json(v.stdout).broken).toEqual({ line: 2, reason: 'head' });
    const pretty = await cli(ws, ['register', 'verify', '--head', head]);
    expect(pretty.stdout).toContain('未达到或已被改写');
    const en = await cli(ws, ['register', 'verify', '--head', head, '--lang', 'en']);
    expect(en.stdout).toContain('not reached or rewritten');
    void by;
  });

  it('no register yet: verify exit 2; list shows nothing (exit 0)', async () => {
    const ws = fresh();
    expect((await cli(ws, ['register', 'verify'])).code).toBe(2);
    const l = await cli(ws, ['register', 'list', '--format', 'json']);
    expect(l.code).toBe(0);
    expect(json(l.stdout).records).toEqual([]);
  });

  it('a workspace copied elsewhere keeps a working register (no absolute paths inside)', async () => {
    const { ws } = await twoBatches();
    expect(readFileSync(eventsFile(ws), 'utf8')).not.toContain(ws);
    expect(readFileSync(eventsFile(ws), 'utf8')).not.toContain(tmp);
    const moved = join(tmp, `moved-${++n}`);
    cpSync(ws, moved, { recursive: true });
    rmSync(ws, { recursive: true, force: true });
    expect((await cli(moved, ['register', 'verify'])).code).toBe(0);
    expect(json((await cli(moved, ['register', 'list', '--format', 'json', '--status', 'all'])).stdout).records).toHaveLength(17);
    writePackage(moved, '2026Q4', []);
    expect((await cli(moved, ['publish', '2026Q4'])).code).toBe(0);
  });
});

describe('the lock', () => {
  const lockFile = (ws: string) => join(ws, 'register', '.lock');
  it('a live writer on this host: the second waits briefly then fails with REGISTER_LOCKED (exit 2), nothing written', async () => {
    const ws = fresh();
    writePackage(ws, '2026Q4', []);
    await cli(ws, ['publish', '2026Q3']);
    const before = readFileSync(eventsFile(ws));
    writeFileSync(lockFile(ws), JSON.stringify({ host: hostname(), pid: process.pid, since: 'x' }));
    const res = await cli(ws, ['publish', '2026Q4', '--format', 'json']);
    expect(res.code).toBe(2);
    expect(json(res.stdout).error.code).toBe('REGISTER_LOCKED');
    expect(readFileSync(eventsFile(ws)).equals(before)).toBe(true);
    expect(existsSync(lockFile(ws))).toBe(true);
  });

  it('a lock of a dead process on this host is taken over at once', async () => {
    const ws = fresh();
    await cli(ws, ['publish', '2026Q3']);
    writePackage(ws, '2026Q4', []);
    writeFileSync(lockFile(ws), JSON.stringify({ host: hostname(), pid: 2 ** 22 + 12345, since: 'x' }));
    expect((await cli(ws, ['publish', '2026Q4'])).code).toBe(0);
    expect(existsSync(lockFile(ws))).toBe(false);
  });

  it('another host’s lock: held while refreshed, even if its pid is unknown here; taken over after 30 s unrefreshed', async () => {
    const ws = fresh();
    await cli(ws, ['publish', '2026Q3']);
    writePackage(ws, '2026Q4', []);
    writeFileSync(lockFile(ws), JSON.stringify({ host: 'OTHER-PC', pid: 2 ** 22 + 12345, since: 'x' }));
    expect((await cli(ws, ['publish', '2026Q4'])).code).toBe(2);
    const old = new Date(Date.now() - 31_000);
    utimesSync(lockFile(ws), old, old);
    expect((await cli(ws, ['publish', '2026Q4'])).code).toBe(0);
    expect(readEvents(ws).map((e) => e.batch)).toEqual(['2026Q3', '2026Q4']);
  });
});

describe('register list and show', () => {
  it('list: JSON in the shape of register.md, active by default, masked ID numbers unless --full', async () => {
    const { ws, records } = await twoBatches();
    const res = await cli(ws, ['register', 'list', '--format', 'json']);
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    expect(Object.keys(out)).toEqual(['schemaVersion', 'command', 'on', 'records']);
    expect(out).toMatchObject({ schemaVersion: 1, command: 'register list', on: TODAY });
    expect(Object.keys(out.records[0])).toEqual([
      'id',
      'listType',
      'domain',
      'department',
      'subjectName',
      'subjectKey',
      'batch',
      'publishedOn',
      'publishUntil',
      'status',
      'removal',
      'objection',
    ]);
    const ids = out.records.map((r: Rec) => r.id);
    expect(ids).toHaveLength(15);
    expect(ids).not.toContain(records[0]!.id);
    expect(ids).not.toContain(records[7]!.id);
    const person = out.records.find((r: Rec) => r.id === records[14]!.id);
    expect(person.subjectKey).toBe('410782********0510');
    expect(res.stdout).not.toContain('410782198503120510');
    const full = json((await cli(ws, ['register', 'list', '--format', 'json', '--full'])).stdout);
    expect(full.records.find((r: Rec) => r.id === records[14]!.id).subjectKey).toBe('410782198503120510');
  });

  it('list filters: --status, --on, --list, --department, --expiring-before, --find', async () => {
    const { ws, records } = await twoBatches();
    const ids = async (...args: string[]) =>
      (json((await cli(ws, ['register', 'list', '--format', 'json', ...args])).stdout).records as Rec[]).map((r) => r.id);
    const removed = json((await cli(ws, ['register', 'list', '--format', 'json', '--status', 'removed'])).stdout).records;
    expect(removed.map((r: Rec) => [r.id, r.removal])).toEqual([
      [records[0]!.id, { type: 'violation', on: '2026-10-15', batch: '2026Q3', reason: '违法违规' }],
      [records[7]!.id, { type: 'early', on: '2026-10-15', batch: '2026Q3', reason: '信用修复' }],
    ]);
    expect(await ids('--on', '2026-07-14')).toEqual([]);
    expect(await ids('--on', '2026-08-01')).toEqual(records.slice(0, 10).map((r) => r.id));
    expect(await ids('--status', 'all')).toHaveLength(17);
    expect(await ids('--status', 'expired', '--on', '2027-09-20')).toEqual([records[14]!.id]);
    expect(await ids('--list', 'red')).toEqual(records.filter((r, i) => r.listType === 'red' && i !== 0).map((r) => r.id));
    expect(await ids('--department', '考试中心')).toEqual([records[15]!.id, records[16]!.id]);
    expect(await ids('--expiring-before', '2029-07-20')).toEqual(
      records.filter((r, i) => i !== 0 && i !== 7 && (r.publishUntil as string) < '2029-07-20').map((r) => r.id),
    );
    expect(await ids('--find', records[3]!.id.slice(0, 8))).toEqual([records[3]!.id]);
    expect(await ids('--find', '410782198503120510')).toEqual([records[14]!.id]);
    expect(await ids('--find', (records[4]!.subjectName as string).slice(2, 6))).toContain(records[4]!.id);
  });

  it('a long list prints as aligned columns, one line per record (a bordered table of 10⁵ rows takes minutes)', async () => {
    const ws = fresh();
    const base = packageRecords(ws);
    const many = Array.from({ length: 250 }, (_, i) => ({ ...base[i % base.length]!, id: i.toString(16).padStart(12, '0') }));
    const e = sealEvent(
      {
        type: 'publish',
        batch: '2026Q3',
        on: TODAY,
        package: '0'.repeat(64),
        records: many.map(creditRecord),
        removals: [],
        unchanged: [],
      },
      { at: 'x', by: 'y', host: 'z' },
      null,
    );
    mkdirSync(join(ws, 'register'), { recursive: true });
    writeFileSync(eventsFile(ws), eventLine(e));
    const res = await cli(ws, ['register', 'list']);
    expect(res.code).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 250 + 1);
    expect(lines[1]?.startsWith('000000000000  ')).toBe(true);
    expect(res.stdout).not.toMatch(/[┌│─]/);
  });

  it('show: the record and every event that touched it', async () => {
    const { ws, records } = await twoBatches();
    const res = await cli(ws, ['register', 'show', records[1]!.id, '--format', 'json']);
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    expect(out.records).toHaveLength(1);
    expect(out.records[0].events.map((e: Rec) => [e.seq, e.effect])).toEqual([
      [1, 'published'],
      [2, 'unchanged'],
    ]);
    const byName = json((await cli(ws, ['register', 'show', records[0]!.subjectName as string, '--format', 'json'])).stdout);
    expect(byName.records[0]).toMatchObject({ id: records[0]!.id, status: 'removed' });
    expect(byName.records[0].events.map((e: Rec) => e.effect)).toEqual(['published', 'removed:violation']);
    expect((await cli(ws, ['register', 'show', 'no-such-thing'])).code).toBe(1);
  });
});

async function ledgerRows(file: string): Promise<string[][]> {
  const wb = await openWorkbook(file, 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
  const rows: string[][] = [];
  const sheet = wb.sheets.find((s) => s.name === '台账');
  await sheet?.read((r) => {
    rows.push(r.cells.map((c) => (c === null || c === undefined ? '' : String(c))));
  });
  await wb.close();
  return rows;
}

describe('register list --xlsx', () => {
  it('writes the ledger (台账): one row per listed record, removals and masking as in the list', async () => {
    const { ws, records } = await twoBatches();
    const file = join(ws, '台账.xlsx');
    const res = await cli(ws, ['register', 'list', '--status', 'all', '--xlsx', file, '--format', 'json']);
    expect(res.code).toBe(0);
    const rows = await ledgerRows(file);
    expect(rows[0]?.slice(0, 3)).toEqual(['序号', '记录编号', '名单类型']);
    // 序号 is a number cell (1, 2, …), as in the leaders' workbooks; 记录编号 stays text.
    const sheet = (await loadWorkbook(readFileSync(file))).getWorksheet('台账');
    const numbers: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) numbers.push(row.getCell(1).value, typeof row.getCell(2).value);
    });
    expect(numbers).toEqual(rows.slice(1).flatMap((_, i) => [i + 1, 'string']));
    expect(rows.slice(1).map((r) => r[1])).toEqual(json(res.stdout).records.map((r: Rec) => r.id));
    const removed = rows.find((r) => r[1] === records[7]!.id)!;
    expect([removed[12], removed[13], removed[15]]).toEqual(['已移出', '提前移出', '2026Q3']);
    // The day the removal took effect (its batch's publication), named apart from the package's 移出日期 (its own
    // date in 移出名单): two facts, two names (a new user's trial saw one name for both).
    expect(rows[0]?.slice(12, 16)).toEqual(['状态', '移出类型', '移出生效日期', '移出批次']);
    expect(rows[0]).not.toContain('移出日期');
    expect(removed[14]).toBe(json(res.stdout).records.find((r: Rec) => r.id === records[7]!.id).removal.on);
    expect(rows.find((r) => r[1] === records[14]!.id)?.[6]).toBe('410782********0510');
    expect(rows.flat().join(' ')).not.toContain('410782198503120510');
    // --full shows identifiers on the terminal only (privacy.md): the 台账 is a file and stays masked, and the command says so.
    const full = await cli(ws, ['register', 'list', '--xlsx', file, '--full']);
    expect(full.stdout).toContain('410782198503120510');
    expect(full.stderr).toContain('--full');
    expect((await ledgerRows(file)).find((r) => r[1] === records[14]!.id)?.[6]).toBe('410782********0510');
  });

  it("deflates every part of the 台账 at its own level (2: docs/decisions.md), not the package workbooks' 5", async () => {
    const { ws } = await twoBatches();
    const file = join(ws, '台账.xlsx');
    expect((await cli(ws, ['register', 'list', '--xlsx', file])).code).toBe(0);
    const zip = readFileSync(file);
    const names: string[] = [];
    let level5Differs = false;
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
      const compressed = zip.readUInt32LE(at + 18);
      const nameLength = zip.readUInt16LE(at + 26);
      const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
      const deflated = zip.subarray(start, start + compressed);
      const data = inflateRawSync(deflated);
      names.push(zip.toString('utf8', at + 30, at + 30 + nameLength));
      expect(deflated.equals(deflateRawSync(data, { level: LEDGER_DEFLATE_LEVEL }))).toBe(true);
      if (names.at(-1) === 'xl/worksheets/sheet1.xml') level5Differs = !deflated.equals(deflateRawSync(data, { level: 5 }));
      at = start + compressed;
    }
    expect(LEDGER_DEFLATE_LEVEL).toBe(2);
    expect(names).toContain('xl/worksheets/sheet1.xml');
    // The sheet's bytes at level 5 would differ: the level is what is tested.
    expect(level5Differs).toBe(true);
  });
});

describe('diff', () => {
  it('between two published batches: added, removed with type, unchanged; counts per department and domain', async () => {
    const { ws, records } = await twoBatches();
    const res = await cli(ws, ['diff', '2026Q2', '2026Q3', '--format', 'json']);
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    expect(Object.keys(out).slice(0, 8)).toEqual(['schemaVersion', 'command', 'from', 'to', 'added', 'removed', 'corrected', 'unchanged']);
    expect(out).toMatchObject({ schemaVersion: 1, command: 'diff', from: '2026Q2', to: '2026Q3' });
    expect(out.added.map((r: Rec) => r.id)).toEqual(records.slice(10).map((r) => r.id));
    expect(out.removed.map((r: Rec & { removal: { type: string } }) => [r.id, r.removal.type])).toEqual([
      [records[0]!.id, 'violation'],
      [records[7]!.id, 'early'],
    ]);
    expect(out.corrected).toEqual([]);
    expect(out.unchanged.map((r: Rec) => r.id)).toEqual([records[1]!.id]);
    expect(out.counts.byDepartment['考试中心']).toEqual({ added: 2, removed: 0, corrected: 0, unchanged: 0 });
    expect(res.stdout).not.toContain('410782198503120510');
  });

  // Seen: counts.byDepartment came in the order the log first met each department, unlike every other view.
  it('counts by department and domain in the matrix order, whatever order the records were published in', async () => {
    const ws = fresh();
    const records = packageRecords(ws);
    writePackage(ws, '2026Q2', records.slice(0, 2));
    expect((await cli(ws, ['publish', '2026Q2', '--on', '2026-07-15'])).code).toBe(0);
    writePackage(ws, '2026Q3', records.slice(2).reverse());
    expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-15'])).code).toBe(0);
    const out = json((await cli(ws, ['diff', '2026Q2', '2026Q3', '--format', 'json'])).stdout);
    const departments = Object.keys(out.counts.byDepartment);
    const domains = Object.keys(out.counts.byDomain);
    const matrix = new Matrix(BUILTIN_DEPARTMENTS, BUILTIN_DOMAINS);
    expect(departments.length).toBeGreaterThan(2);
    expect(departments).toEqual([...departments].sort((a, b) => matrix.departmentRank(a) - matrix.departmentRank(b)));
    expect(domains.length).toBeGreaterThan(2);
    expect(domains).toEqual([...domains].sort((a, b) => matrix.domainRank(a) - matrix.domainRank(b)));
    // The screen's table lists them in the same order.
    const text = (await cli(ws, ['diff', '2026Q2', '2026Q3'])).stdout;
    const at = departments.map((d) => text.lastIndexOf(d));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  // Seen: `diff 2026Q4 2026Q3` exited 0 with 新增 17 / 移出 0, neither the mirror of the right order nor a refusal.
  it('of a later batch first: refused (exit 2), naming the order to write, in either language; nothing on stdout', async () => {
    const { ws } = await twoBatches();
    const zh = await cli(ws, ['diff', '2026Q3', '2026Q2']);
    expect([zh.code, zh.stdout]).toEqual([2, '']);
    expect(zh.stderr).toContain('hrss-credit diff 2026Q2 2026Q3');
    const en = await cli(ws, ['diff', '2026Q3', '2026Q2', '--lang', 'en', '--format', 'json']);
    expect(en.code).toBe(2);
    expect(en.stdout + en.stderr).toContain('DIFF_ORDER_REVERSED');
    expect(en.stdout + en.stderr).toContain('write the earlier first: hrss-credit diff 2026Q2 2026Q3');
    // The same batch twice is no change, not a reversal.
    expect((await cli(ws, ['diff', '2026Q3', '2026Q3'])).code).toBe(0);
  });

  it('from a published batch to a package folder not yet published', async () => {
    const { ws, records } = await twoBatches();
    const dir = writePackage(ws, '2026Q4', [], { removals: [{ id: records[12]!.id, type: 'corrected', reason: '更正' }] });
    const out = json((await cli(ws, ['diff', '2026Q3', dir, '--format', 'json'])).stdout);
    expect(out).toMatchObject({ from: '2026Q3', to: '2026Q4', added: [], removed: [] });
    expect(out.corrected.map((r: Rec & { removal: { type: string } }) => [r.id, r.removal.type])).toEqual([[records[12]!.id, 'corrected']]);
  });
});

describe('register import', () => {
  const list = 'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx';

  // Seen: importing 2026Q1 after 2026Q2 was recorded said nothing, though the register applies events in the
  // order recorded (a record in both batches then reads as the older list has it).
  it('an older batch imported after a newer one: recorded, with REGISTER_IMPORT_OUT_OF_ORDER (warning); in order: no warning', async () => {
    const ws = fresh();
    const imp = (batch: string, on: string) =>
      cli(ws, ['register', 'import', join(ws, list), '--batch', batch, '--published-on', on, '--format', 'json']);
    // (The example list's 认定日期 run to 2026-09-12: every publication day here comes after.)
    const first = json((await imp('2026Q2', '2026-10-01')).stdout);
    expect(first.diagnostics.filter((d: any) => d.code === 'REGISTER_IMPORT_OUT_OF_ORDER')).toEqual([]);
    const res = await imp('2026Q1', '2026-09-20');
    expect(res.code).toBe(0);
    const out = json(res.stdout);
    expect(out.outcome).toBe('imported');
    expect(out.diagnostics.filter((d: any) => d.code === 'REGISTER_IMPORT_OUT_OF_ORDER').map((d: any) => [d.severity, d.args])).toEqual([
      ['warning', { batch: '2026Q1', publishedOn: '2026-09-20', later: '2026Q2', laterOn: '2026-10-01' }],
    ]);
    expect(readEvents(ws).map((e: any) => e.batch)).toEqual(['2026Q2', '2026Q1']);
    const pretty = await cli(ws, ['register', 'import', join(ws, list), '--batch', '2025Q4', '--published-on', '2026-09-15']);
    expect(pretty.stdout).toContain('REGISTER_IMPORT_OUT_OF_ORDER');
    // Oldest first: nothing to say.
    const ws2 = fresh();
    for (const [batch, on] of [
      ['2026Q1', '2026-09-20'],
      ['2026Q2', '2026-10-01'],
    ] as const) {
      const r = json(
        (await cli(ws2, ['register', 'import', join(ws2, list), '--batch', batch, '--published-on', on, '--format', 'json'])).stdout,
      );
      expect(
        r.diagnostics.filter((d: any) => d.code === 'REGISTER_IMPORT_OUT_OF_ORDER'),
        batch,
      ).toEqual([]);
    }
  });

  it('brings in a list published before the tool: one import event, records tracked like published ones', async () => {
    const ws = fresh();
    const res = await cli(ws, [
      'register',
      'import',
      join(ws, list),
      '--batch',
      '2026Q2',
      '--published-on',
      '2026-10-01',
      '--by',
      '赵六',
      '--format',
      'json',
    ]);
    expect(res.code).toBe(0);
    expect(json(res.stdout)).toMatchObject({
      outcome: 'imported',
      batch: '2026Q2',
      on: '2026-10-01',
      records: 3,
      head: expect.stringMatching(/^1:[0-9a-f]{64}$/),
    });
    const [e] = readEvents(ws) as [Record<string, any>];
    expect(e).toMatchObject({ type: 'import', batch: '2026Q2', on: '2026-10-01', by: '赵六', files: [list] });
    const ids = packageRecords(ws)
      .filter((r) => r.department === '就业办')
      .map((r) => r.id);
    expect(e.records.map((r: Rec) => r.id).sort()).toEqual(ids.sort());
    const listed = json((await cli(ws, ['register', 'list', '--format', 'json'])).stdout).records;
    expect(listed.map((r: Rec) => [r.batch, r.publishedOn, r.status])).toEqual(ids.map(() => ['2026Q2', '2026-10-01', 'active']));
    // A file outside the workspace is kept by its name only.
    const outside = join(tmp, `outside-${++n}.xlsx`);
    cpSync(join(ws, list), outside);
    expect(
      (await cli(ws, ['register', 'import', outside, '--batch', '2026Q1', '--published-on', '2026-10-01', '--department', '就业办'])).code,
    ).toBe(0);
    expect(readEvents(ws)[1]).toMatchObject({ files: [outside.split('/').pop()] });
    expect(readFileSync(eventsFile(ws), 'utf8')).not.toContain(tmp);
  });

  it('checked as lists are, with today the day of publication: an error imports nothing (exit 1); a batch already in the register is refused', async () => {
    const ws = fresh();
    const early = await cli(ws, [
      'register',
      'import',
      join(ws, list),
      '--batch',
      '2025Q4',
      '--published-on',
      '2026-01-10',
      '--format',
      'json',
    ]);
    expect(early.code).toBe(1);
    expect(new Set(json(early.stdout).diagnostics.map((d: { code: string }) => d.code))).toEqual(new Set(['SCHEMA_DATE_FUTURE']));
    expect(existsSync(eventsFile(ws))).toBe(false);
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    const again = await cli(ws, [
      'register',
      'import',
      join(ws, list),
      '--batch',
      '2026Q3',
      '--published-on',
      '2026-10-01',
      '--format',
      'json',
    ]);
    expect(again.code).toBe(1);
    expect(json(again.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['REGISTER_ALREADY_PUBLISHED']);
    expect(readEvents(ws)).toHaveLength(1);
  });
});

describe('diff arguments', () => {
  it('a package folder is found from the current folder, else from the workspace', async () => {
    const { ws } = await twoBatches();
    const res = await cli(ws, ['diff', '2026Q2', 'packages/2026Q3', '--format', 'json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ from: '2026Q2', to: '2026Q3' });
    expect((await cli(ws, ['diff', '2026Q2', 'packages/none', '--format', 'json'])).code).toBe(2);
  });
});

describe('register note', () => {
  it('a clerk’s remark: a note event with who and the ids, shown with the record; an unknown id is refused (exit 2)', async () => {
    const { ws, records } = await twoBatches();
    const res = await cli(ws, ['register', 'note', '已电话告知企业', '--id', records[2]!.id, '--by', '张三', '--format', 'json']);
    expect(res.code).toBe(0);
    expect(json(res.stdout)).toMatchObject({ seq: 3, ids: [records[2]!.id] });
    expect(readEvents(ws)[2]).toMatchObject({ type: 'note', text: '已电话告知企业', ids: [records[2]!.id], by: '张三' });
    const shown = json((await cli(ws, ['register', 'show', records[2]!.id, '--format', 'json'])).stdout);
    expect(shown.records[0].events.map((e: Rec) => [e.effect, e.text])).toEqual([
      ['published', undefined],
      ['note', '已电话告知企业'],
    ]);
    expect((await cli(ws, ['register', 'note', 'x', '--id', 'ffffffffffff'])).code).toBe(2);
    expect(readEvents(ws)).toHaveLength(3);
  });
});
