// register list --format json of a register read through its checkpoint writes each record from its status and the
// checkpoint's columns (reporters/listed-bytes.ts writeStatus): a 领域 or 科室's gate answer kept by spelling, a name
// with no run of digits copied as it lies in the column, any other name decoded and through the gate, a removed
// record the old way. The bytes must be the sink's over formatJson of registerList, for names of every kind —
// an ID number, a mobile or fixed line (half- and full-width, with gaps), a credit code, quotes, bidi marks,
// escapes, non-BMP characters — with and without --full, on every status.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { ROOT } from '../helpers/cases.js';
import { checkpointOf } from './register-files.js';
import { eventLine } from '../../src/register/chain.js';
import type { RegisterRecord } from '../../src/register/events.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { registerList, registerListEach } from '../../src/api/register/register.js';
import { run } from '../../src/cli/program.js';
import { formatJson } from '../../src/diagnostics/report-document.js';
import { terminalSafe } from '../../src/reporters/sink.js';
import { loadRegister } from '../../src/io/register/register-store.js';
import { ColumnRecord } from '../../src/register/stored-columns.js';
import { JsonBytes } from '../../src/reporters/json-bytes.js';
import { ListedBytes } from '../../src/reporters/listed-bytes.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ID = makeIdNumber('410702', '1990-03-07', '123');
const wide = (s: string): string => s.replace(/[0-9()+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Names of every kind the gate and the sink treat apart, and plain ones around them (a fixed seed: the same names). */
function names(): string[] {
  const piece = fc.oneof(
    fc.constantFrom('新乡市', '某某商贸有限公司', '张三', 'A-1', ' ', '-', ')', '\u3000', '（', '😀', '\u{20000}'),
    fc.constantFrom(ID, ID.slice(0, 17), `${ID.slice(0, 6)} ${ID.slice(6, 14)}-${ID.slice(14)}`),
    fc.constantFrom('13912345678', '139-1234-5678', '+86 139 1234 5678', '0373-3012345', '(010) 62345678', '9141070000000U1P3G'),
    fc.constantFrom('"', '\\', '\u001b[31m', '\u007f', '\u0085', '\u061c', '\u200f', '\u2028', '\u202e', '\u2066', '\ufffd'),
    fc.stringMatching(/^[0-9]{1,12}$/),
  );
  const name = fc
    .array(fc.tuple(piece, fc.boolean()), { minLength: 1, maxLength: 4 })
    .map((a) => a.map(([p, w]) => (w ? wide(p) : p)).join(''));
  return fc.sample(name, { numRuns: 400, seed: 22 });
}

/**
 * Credit codes the subject key is told from apart (listed-bytes.ts writes a code as it lies only when it is the key as
 * it is and the gate leaves it): in form; a run of 13 digits; all 18 digits, shaped as an ID number; an ID number;
 * lower case, spaced, full-width, hyphenated (normalised to the key); 17 characters; an I and an O (not the set's);
 * a quote and a bidi mark (the sink's).
 */
const CODES = [
  '91410700MA3X7K2P0J',
  '9141070000000U1P3A',
  '914107001990030712',
  ID,
  '91410700ma3x7k2p0j',
  '91410700 MA3X7K2P0J',
  wide('91410700') + 'MA3X7K2P0J',
  '914107-00MA3X7K2P0J',
  '91410700MA3X7K2P0',
  '91410700MA3X7K2POI',
  '91410700MA3X7K2P"J',
  '91410700MA3X7K2P\u202e',
  '91410700MA3X7K2P0J',
];

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-list-columns-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  const all = names();
  const records = all.map(
    (subjectName, i) =>
      ({
        id: `c${String(i).padStart(11, '0')}`,
        listType: i % 2 === 0 ? 'black' : 'red',
        // A 领域 and a 科室 the gate changes (a mobile typed in them), and plain ones.
        domain: i % 3 === 0 ? '劳务派遣' : i % 3 === 1 ? '社会保险 13912345678' : '\u202e工资',
        department: i % 2 === 0 ? '就业办' : `监察支队 0373-${wide('3012345')}`,
        subjectName,
        // Every kind of subject (no type: the key is first a 证件号码), its credit code of every kind (CODES).
        subjectType: ['自然人', '法人及非法人组织', '个体工商户', ''][i % 4],
        // A natural person's or an untyped subject's key is their 证件号码 when valid, whatever their code: some have both.
        creditCode: i % 4 === 0 ? (i % 8 === 4 ? '91410700MA3X7K2P0J' : '') : (CODES[Math.floor(i / 4) % CODES.length] as string),
        idType: i % 4 === 0 ? '居民身份证' : '',
        idNumber: i % 4 === 0 || i % 8 === 3 ? ID : '',
        decisionNo: `新人社罚〔2026〕${i}号`,
        decisionDate: '2026-01-01',
        publishUntil: i % 5 === 0 ? '2026-08-01' : '2030-01-01',
        severity: '严重',
      }) as unknown as RegisterRecord,
  );
  const events = chain([
    { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records, removals: [], unchanged: [] },
    {
      type: 'publish',
      batch: '2026Q2',
      on: '2026-07-15',
      package: 'e'.repeat(64),
      records: [],
      // Removed records are written the old way (their 移出原因 through the gate).
      removals: records.slice(10, 30).map((r) => ({ id: r.id, type: 'violation' as const, reason: `违法，联系电话13912345678` })),
      unchanged: [],
    },
    // Records under an objection (异议标注) amid those without: each record's members after its key are its own.
    { type: 'objection-add', on: '2026-08-01', id: records[41]?.id as string, objection: 'O1' },
    { type: 'objection-add', on: '2026-08-02', id: records[43]?.id as string, objection: 'O2' },
  ]);
  writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
  return ws;
}

async function listBytes(args: string[]): Promise<{ code: number; out: Buffer }> {
  const parts: Buffer[] = [];
  const code = await run(args, {
    stdout: { write: () => true, writeBytes: (b: Uint8Array) => parts.push(Buffer.from(b)), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    env: {},
    cwd: ROOT,
  });
  return { code, out: Buffer.concat(parts) };
}

describe('register list --format json from the checkpoint’s columns', () => {
  it('is the sink over formatJson of registerList, byte for byte, for names of every kind, on every status, with --full', async () => {
    const ws = workspace();
    loadRegister(ws); // writes the checkpoint
    expect(existsSync(checkpointOf(ws))).toBe(true);
    const today = '2026-10-15';
    // Read through it: the statuses written are of records read from the columns (the way under test is taken).
    const first = registerListEach({ cwd: ws, workspace: ws, today, status: 'all' }).statuses[Symbol.iterator]().next();
    expect(first.done).toBe(false);
    expect(first.value?.record).toBeInstanceOf(ColumnRecord);
    let masked = 0;
    for (const full of [false, true])
      for (const status of ['all', 'active', 'removed', 'expired'] as const)
        for (const on of [undefined, '2026-05-01']) {
          const args = ['register', 'list', '--format', 'json', '--status', status, '-w', ws, '--today', today];
          if (full) args.push('--full');
          if (on) args.push('--on', on);
          const r = await listBytes(args);
          expect(r.code).toBe(0);
          const whole = registerList({ cwd: ws, workspace: ws, today, status, full, ...(on ? { on } : {}) });
          const old = Buffer.from(terminalSafe(formatJson({ schemaVersion: 1, command: 'register list', ...whole }), false), 'utf8');
          expect(r.out.toString('utf8')).toBe(old.toString('utf8'));
          expect(r.out).toEqual(old);
          if (!full) {
            // The gate ran on the names, the 领域 and the 科室 (masked forms there, no full number).
            const text = r.out.toString('utf8');
            expect(text).not.toContain('社会保险 13912345678');
            expect(text).not.toContain('联系电话13912345678');
            if (text.includes(`"subjectName": "张三${ID.slice(0, 6)}********${ID.slice(14)}`)) masked++;
          }
        }
    expect(masked).toBeGreaterThan(0);
    const listed = registerList({ cwd: ws, workspace: ws, today, status: 'all' }).records;
    expect(listed.filter((r) => r.objection).map((r) => r.id)).toEqual(['c00000000041', 'c00000000043']);
    expect(new Set(listed.map((r) => r.status))).toEqual(new Set(['active', 'expired', 'removed']));
  }, 180_000);

  it('writes a credit code that is its key as it lies, the lister not asked (nothing decoded), the same bytes', () => {
    const ws = workspace();
    loadRegister(ws);
    for (const full of [false, true]) {
      const list = registerListEach({ cwd: ws, workspace: ws, today: '2026-10-15', status: 'all', full });
      let asked = 0;
      const counting = {
        ...list.lister,
        subjectKey: (r: Parameters<typeof list.lister.subjectKey>[0]) => {
          asked++;
          return list.lister.subjectKey(r);
        },
      };
      const [fast, old] = [new ListedBytes(2), new ListedBytes(2)];
      const [a, b] = [new JsonBytes(), new JsonBytes()];
      let fromColumns = 0;
      for (const s of list.statuses) {
        if (s.record instanceof ColumnRecord && s.removal === null) fromColumns++;
        fast.writeStatus(a, s, counting);
        old.write(b, list.lister.listed(s));
      }
      expect(a.take().toString('utf8')).toBe(b.take().toString('utf8'));
      // Asked for the natural persons, the untyped, and the codes not in form or holding digits; not for the rest.
      expect(asked).toBeGreaterThan(0);
      expect(asked).toBeLessThanOrEqual(fromColumns - 20);
    }
  });
});
