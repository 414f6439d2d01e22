// diff --format json of a register read through its checkpoint writes each record from its status and the
// checkpoint's columns (reporters/listed-bytes.ts writeStatus, as register list does): no listed record made, a
// removal — a removed record's, or the 期满 diff gives one that expired between the days — written with its 移出原因
// through the gate. The bytes must be the sink's over formatJson of diff(), for names of every kind (an ID number,
// a mobile or fixed line, half- and full-width, a credit code, quotes, bidi marks, escapes, non-BMP characters),
// with and without --full, between adjacent batches, over a batch between and against a package not yet published.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { ROOT } from '../helpers/cases.js';
import { eventLine } from '../../src/register/chain.js';
import type { RegisterRecord } from '../../src/register/events.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { diff, diffEach } from '../../src/api/register/register.js';
import { run } from '../../src/cli/program.js';
import { formatJson } from '../../src/diagnostics/report-document.js';
import { terminalSafe } from '../../src/reporters/sink.js';
import { loadRegister } from '../../src/io/register/register-store.js';
import { ColumnRecord } from '../../src/register/stored-columns.js';
import { keyIsStoredCode } from '../../src/reporters/listed-bytes.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ID = makeIdNumber('410702', '1990-03-07', '123');
const wide = (s: string): string => s.replace(/[0-9()+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Texts of every kind the gate and the sink treat apart, and plain ones around them (a fixed seed). */
function texts(n: number, seed: number): string[] {
  const piece = fc.oneof(
    fc.constantFrom('新乡市', '某某商贸有限公司', '张三', 'A-1', ' ', '-', ')', '\u3000', '（', '😀', '\u{20000}'),
    fc.constantFrom(ID, ID.slice(0, 17), `${ID.slice(0, 6)} ${ID.slice(6, 14)}-${ID.slice(14)}`),
    fc.constantFrom('13912345678', '139-1234-5678', '+86 139 1234 5678', '0373-3012345', '(010) 62345678', '9141070000000U1P3G'),
    fc.constantFrom('"', '\\', '\u001b[31m', '\u007f', '\u0085', '\u061c', '\u200f', '\u2028', '\u202e', '\u2066', '\ufffd'),
    fc.stringMatching(/^[0-9]{1,12}$/),
  );
  const text = fc
    .array(fc.tuple(piece, fc.boolean()), { minLength: 1, maxLength: 4 })
    .map((a) => a.map(([p, w]) => (w ? wide(p) : p)).join(''));
  return fc.sample(text, { numRuns: n, seed });
}

const N = 240;

function record(i: number, subjectName: string, over: Partial<Record<string, string>> = {}): RegisterRecord {
  return {
    id: `c${String(i).padStart(11, '0')}`,
    listType: i % 2 === 0 ? 'black' : 'red',
    domain: i % 3 === 0 ? '劳务派遣' : i % 3 === 1 ? '社会保险 13912345678' : '\u202e工资',
    department: i % 2 === 0 ? '就业办' : `监察支队 0373-${wide('3012345')}`,
    subjectName,
    subjectType: i % 4 === 0 ? '自然人' : '法人及非法人组织',
    creditCode: i % 4 === 0 ? '' : i % 8 === 1 ? '91410700MA3X7K2P0J' : `9141070000000U1P3${'ABCDEFGH'[i % 8]}`,
    idType: i % 4 === 0 ? '居民身份证' : '',
    idNumber: i % 4 === 0 ? ID : '',
    decisionNo: `新人社罚〔2026〕${i}号`,
    decisionDate: '2026-01-01',
    // Some expire between 2026Q1's day and 2026Q3's (diff lists them removed as 期满), some later.
    publishUntil: i % 5 === 0 ? '2026-08-01' : i % 7 === 0 ? '2026-12-01' : '2030-01-01',
    severity: '严重',
    ...over,
  } as unknown as RegisterRecord;
}

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-diff-columns-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  const names = texts(N + 40, 22);
  const reasons = texts(40, 33);
  const first = Array.from({ length: N }, (_, i) => record(i, names[i] as string));
  const events = chain([
    { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records: first, removals: [], unchanged: [] },
    {
      type: 'publish',
      batch: '2026Q2',
      on: '2026-07-15',
      package: 'e'.repeat(64),
      // New records, one corrected under its own 认定文书号, some resent unchanged; removals whose 移出原因 the gate masks.
      records: [...Array.from({ length: 20 }, (_, i) => record(N + i, names[N + i] as string)), record(3, `${names[3] as string}（更正）`)],
      removals: first.slice(10, 30).map((r, i) => ({
        id: r.id,
        type: i % 3 === 0 ? ('early' as const) : ('violation' as const),
        reason: i % 2 === 0 ? `违法，联系电话13912345678。${reasons[i] as string}` : (reasons[i] as string),
      })),
      unchanged: [first[40]?.id as string, first[41]?.id as string],
      corrected: [{ id: first[3]?.id as string, revision: 2, changed: ['subjectName'] }],
    },
    { type: 'objection-add', on: '2026-08-01', id: first[43]?.id as string, objection: 'O1' },
    {
      type: 'publish',
      batch: '2026Q3',
      on: '2026-10-15',
      package: 'd'.repeat(64),
      // 50 corrected under a new 认定文书号 (N + 30 replaces it), 51 removed, more new ones.
      records: [
        record(N + 30, names[N + 30] as string, { decisionNo: '新人社罚〔2026〕999号' }),
        // A code typed in lower case with a hyphen: shown in its normal form, not as stored.
        record(N + 31, names[N + 31] as string, { creditCode: '91410700-ma3x7k2p0j' }),
        record(N + 32, names[N + 32] as string),
        // A code in form holding a mobile number: the gate masks it.
        record(N + 33, names[N + 33] as string, { creditCode: 'AB13912345678CDEFG' }),
        ...Array.from({ length: 2 }, (_, i) => record(N + 34 + i, names[N + 34 + i] as string)),
      ],
      removals: [
        { id: first[50]?.id as string, type: 'corrected' as const, reason: '更正' },
        { id: first[51]?.id as string, type: 'violation' as const, reason: reasons[39] as string },
      ],
      unchanged: [first[42]?.id as string],
      corrected: [{ id: record(N + 30, '').id, revision: 1, changed: ['decisionNo'], replaces: first[50]?.id as string }],
    },
  ]);
  writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
  loadRegister(ws); // writes the checkpoint: the register read next is read through it
  return ws;
}

async function diffBytes(args: string[]): Promise<{ code: number; out: Buffer }> {
  const parts: Buffer[] = [];
  const code = await run(args, {
    stdout: { write: () => true, writeBytes: (b: Uint8Array) => parts.push(Buffer.from(b)), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    env: {},
    cwd: ROOT,
  });
  return { code, out: Buffer.concat(parts) };
}

describe('diff --format json from the checkpoint’s columns', () => {
  it('is the sink over formatJson of diff(), byte for byte, for texts of every kind, every section, with --full', async () => {
    const ws = workspace();
    const today = '2026-10-20';
    // Read through it: the statuses written are of records read from the columns (the way under test is taken),
    // removed ones among them.
    const each = await diffEach('2026Q1', '2026Q3', { cwd: ws, workspace: ws, today });
    const found = [...each.statuses];
    expect(found.every(([, s]) => s.record instanceof ColumnRecord)).toBe(true);
    expect(new Set(found.map(([key]) => key))).toEqual(new Set(['added', 'removed', 'corrected', 'unchanged']));
    expect(new Set(found.filter(([key]) => key === 'removed').map(([, s]) => s.removal?.type))).toEqual(
      new Set(['early', 'violation', 'expired']),
    );
    // A code in form that findPersonalInfo's quick tests pass over is written as its column holds it (keyIsStoredCode):
    // no run of 11 digits, or 13 from a 9 (9141070000000…); one that holds a mobile (AB139…), a person's ID number and
    // a code of another form are shown by shownSubjectKey.
    const stored = (i: number): boolean | undefined => {
      const s = found.find(([, x]) => x.id === `c${String(i).padStart(11, '0')}`)?.[1];
      return s ? keyIsStoredCode(s.record) : undefined;
    };
    expect([stored(17), stored(19), stored(20), stored(N + 31), stored(N + 33)]).toEqual([true, true, false, false, false]);
    const pairs = [
      ['2026Q1', '2026Q2'],
      ['2026Q2', '2026Q3'],
      ['2026Q1', '2026Q3'],
      ['2026Q3', '2026Q3'],
    ];
    let masked = 0;
    let codes = 0;
    for (const full of [false, true])
      for (const [a, b] of pairs) {
        const args = ['diff', a as string, b as string, '--format', 'json', '-w', ws, '--today', today];
        if (full) args.push('--full');
        const r = await diffBytes(args);
        expect(r.code).toBe(0);
        const whole = await diff(a as string, b as string, { cwd: ws, workspace: ws, today, full });
        const old = Buffer.from(terminalSafe(formatJson({ schemaVersion: 1, command: 'diff', ...whole }), false), 'utf8');
        expect(r.out.toString('utf8'), `${a} ${b} ${full}`).toBe(old.toString('utf8'));
        expect(r.out).toEqual(old);
        if (!full) {
          // The gate ran on the names, the 领域, the 科室 and the 移出原因 (masked forms there, no full number).
          const text = r.out.toString('utf8');
          // (The counts name each 领域 and 科室 as stored: their keys are not gated, as before.)
          expect(text).not.toContain('"domain": "社会保险 13912345678"');
          expect(text).not.toContain('联系电话13912345678');
          expect(text).not.toContain('AB13912345678CDEFG');
          if (text.includes('"subjectKey": "AB139****5678CDEFG"')) codes++;
          if (text.includes('"reason": "违法，联系电话139****5678')) masked++;
        }
      }
    expect(masked).toBeGreaterThan(0);
    expect(codes).toBeGreaterThan(0);
  }, 180_000);
});
