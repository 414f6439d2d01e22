// Registers written by other tools (docs/decisions.md "Registers written by other tools"): the logs of
// fixtures/registers/ (made by its gen_register.py, see its README) are read as the same history, and
// tampering with them is still found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyBytes } from '../../src/io/register/register-store.js';
import { eventLine, sealEvent, verifyLog } from '../../src/register/chain.js';
import { sha256Hex } from '../../src/register/canonical.js';
import { replay, statusesOn } from '../../src/register/state.js';
import { eventsFile, runCli, tempDir, ROOT } from './helpers.js';

const DIR = join(ROOT, 'fixtures', 'registers');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
const fixture = (name: string): Buffer => readFileSync(join(DIR, `${name}.jsonl`));
const DAY = '2026-10-15';
const env = { HRSS_CREDIT_NOW: '2026-10-16T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100', HRSS_CREDIT_USER: '审计' };

// The history every fixture tells (gen_register.py): the black record removed early, the first red revoked
// by objection O2026-002 (撤销), the second red active and flagged by the open O2026-001.
const STATUSES = [
  ['0f792e997252', 'active', null, true],
  ['458483766165', 'removed', 'revoked', false],
  ['ab059340bdcb', 'removed', 'early', false],
];
const Q3_STATUSES = [...STATUSES, ['ebc7b60e84c5', 'active', null, false]].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
const OBJECTIONS = [
  ['O2026-001', '0f792e997252', '2026-09-30', 'open', null],
  ['O2026-002', '458483766165', '2026-10-08', 'resolved', '撤销'],
];

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('foreign');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function workspace(log: Buffer): string {
  const ws = join(tmp, `ws-${++n}`);
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  mkdirSync(join(ws, 'register'), { recursive: true });
  writeFileSync(eventsFile(ws), log);
  return ws;
}
const cli = (ws: string, args: string[], today = DAY) => runCli([...args, '-w', ws, '--today', today, '--lang', 'en'], ROOT, env);
const json = (s: string) => JSON.parse(s) as Record<string, any>;

describe('a register written by another tool following register.md', () => {
  it('every fixture exists (make.sh made them)', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(FIXTURES.map((f) => f.replace(/\.jsonl$/, '')))(
    '%s: verify exit 0; the list and the objections tell the same history',
    async (name) => {
      const ws = workspace(fixture(name));
      const v = await cli(ws, ['register', 'verify', '--format', 'json']);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      const list = json((await cli(ws, ['register', 'list', '--status', 'all', '--format', 'json'])).stdout);
      const rows = list.records
        .map((r: any) => [r.id, r.status, r.removal?.type ?? null, r.objection])
        .sort((a: string[], b: string[]) => a[0]!.localeCompare(b[0]!));
      expect(rows).toEqual(name.startsWith('q3-') ? Q3_STATUSES : STATUSES);
      const objections = json((await cli(ws, ['objection', 'list', '--all', '--format', 'json'])).stdout).objections;
      expect(objections.map((o: any) => [o.number, o.recordId, o.received, o.status, o.outcome])).toEqual(OBJECTIONS);
    },
  );

  it.each(['q3-idspaced', 'q3-all', 'q3-ours'])(
    '%s: compile 2026Q3 finds the resent record already active (ids as our identity gives them); publish continues the chain',
    async (name) => {
      const ws = workspace(fixture(name));
      const res = await cli(ws, ['compile', '2026Q3', '--format', 'json']);
      expect(res.code, res.stdout).toBe(0);
      const active = json(res.stdout).diagnostics.filter((d: any) => d.code === 'REGISTER_ALREADY_ACTIVE');
      expect(active.map((d: any) => d.args.id)).toEqual(['ebc7b60e84c5']);
      const before = fixture(name);
      expect((await cli(ws, ['publish', '2026Q3', '--on', '2026-10-16'], '2026-10-16')).code).toBe(0);
      const after = readFileSync(eventsFile(ws));
      // The foreign lines are kept byte for byte; a last line left without `\n` gets it in the same write as the new line.
      expect(after.subarray(0, before.length).equals(before)).toBe(true);
      const added = after.subarray(before.length).toString('utf8');
      expect(added.startsWith(before[before.length - 1] === 0x0a ? '{' : '\n{')).toBe(true);
      expect((await cli(ws, ['register', 'verify'], '2026-10-16')).code).toBe(0);
      const list = json((await cli(ws, ['register', 'list', '--status', 'all', '--format', 'json'], '2026-10-16')).stdout);
      expect(list.records.find((r: any) => r.id === '0f792e997252')).toMatchObject({ status: 'removed', removal: { type: 'violation' } });
    },
  );

  it('a last line without `\\n` is whole, not torn: repair leaves it, the next event ends it first', async () => {
    const ws = workspace(fixture('nofinalnl'));
    const before = readFileSync(eventsFile(ws));
    const r = await cli(ws, ['register', 'repair', '--format', 'json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(eventsFile(ws)).equals(before)).toBe(true);
    expect((await cli(ws, ['register', 'note', '已核对', '--format', 'json'])).code).toBe(0);
    const after = readFileSync(eventsFile(ws));
    expect(after.subarray(0, before.length + 1).toString('utf8')).toBe(`${before.toString('utf8')}\n`);
    expect(after[after.length - 1]).toBe(0x0a);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
  });
});

/** Lines of a log (the `\n` and any `\r` before it are the line's end). */
const linesOf = (b: Buffer): string[] => b.toString('utf8').split('\n');

describe('tampering with a foreign register is still found', () => {
  // Edits of ASCII text, so that they apply whatever escapes the writer used (Python's \uXXXX).
  const edits: [string, (lines: string[]) => string[]][] = [
    ['a date edited', (l) => l.map((x, i) => (i === 2 ? x.replace('2026-08-01T08', '2026-08-02T08') : x))],
    [
      'an id edited',
      (l) => l.map((x, i) => (i === 1 ? x.replace(/("id": ?")([0-9a-f]{11})[0-9a-f]/, (_m, k: string, h: string) => `${k}${h}x`) : x)),
    ],
    ['a removal type edited', (l) => l.map((x, i) => (i === 1 ? x.replace('"early"', '"violation"') : x))],
    ['a flag edited', (l) => l.map((x, i) => (i === 5 ? x.replace('false', 'true') : x))],
    ['an event deleted', (l) => l.filter((_, i) => i !== 2)],
    ['two events swapped', (l) => [l[0]!, l[2]!, l[1]!, ...l.slice(3)]],
  ];
  for (const name of ['spec-py', 'spec-js', 'spec-hashfirst', 'spec-jshash-pyline', 'objspec', 'q3-all', 'crlf']) {
    it.each(edits.map(([what, edit]) => [what, edit] as const))(`${name}: %s → register verify exit 1`, async (_what, edit) => {
      const lines = linesOf(fixture(name));
      const edited = Buffer.from(edit(lines).join('\n'), 'utf8');
      expect(edited.equals(fixture(name))).toBe(false);
      expect(verifyBytes(edited).result.ok).toBe(false);
      const ws = workspace(edited);
      expect((await cli(ws, ['register', 'verify'])).code).toBe(1);
      expect((await cli(ws, ['register', 'list'])).code).toBe(2);
    });
  }
});

describe('foreign spellings, one at a time (reader only)', () => {
  const AUTHOR = { at: '2026-10-15T09:30:00+08:00', by: '张三', host: 'HRSS-PC07' };
  const note = (seq: number, prev: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    seq,
    type: 'note',
    at: AUTHOR.at,
    by: '李四',
    host: 'PC',
    text: '备注',
    ids: [],
    prev,
    ...extra,
  });
  /** A line hashed as JSON.stringify writes it (insertion order), hash last. */
  const jsLine = (body: Record<string, unknown>, upper = false): { line: string; hash: string } => {
    const h = sha256Hex(JSON.stringify(body));
    const hash = upper ? h.toUpperCase() : h;
    return { line: JSON.stringify({ ...body, hash }), hash };
  };

  it("first prev as '' , absent or 64 zeros, seq from 0: read as the first event; only on the first line", () => {
    for (const prev of ['', undefined, '0'.repeat(64)]) {
      for (const seq of [0, 1]) {
        const a = jsLine(prev === undefined ? (({ prev: _p, ...r }) => r)(note(seq, null)) : note(seq, prev));
        const b = jsLine(note(seq + 1, a.hash));
        expect(verifyLog(`${a.line}\n${b.line}\n`)).toMatchObject({ ok: true, head: { seq: seq + 1 } });
        // On a later line, the same is a broken link.
        const c = jsLine(note(seq + 2, prev ?? null));
        const r = verifyLog(`${a.line}\n${b.line}\n${c.line}\n`);
        expect(r).toMatchObject({ ok: false, broken: { line: 3 } });
        if (!r.ok) expect(['prev', 'schema']).toContain(r.broken.reason);
      }
    }
    expect(verifyLog(`${jsLine(note(2, null)).line}\n`)).toMatchObject({ ok: false, broken: { line: 1, reason: 'seq' } });
  });

  it('an upper-case hash (and prev) is compared without case; our next event chains to it', () => {
    const a = jsLine(note(1, null), true);
    const b = jsLine(note(2, a.hash), true);
    const r = verifyLog(`${a.line}\n${b.line}\n`);
    expect(r).toMatchObject({ ok: true, head: { seq: 2, hash: b.hash.toLowerCase() } });
    const c = sealEvent({ type: 'note', text: 'ours', ids: [] }, AUTHOR, r.head);
    expect(verifyLog(`${a.line}\n${b.line}\n${eventLine(c)}`).ok).toBe(true);
    // One letter's case changed (mixed case) is no tool's hash: refused.
    const mixed = b.line.replace(
      /"hash":"([0-9]*)([A-F])/,
      (_m, digits: string, letter: string) => `"hash":"${digits}${letter.toLowerCase()}`,
    );
    expect(mixed).not.toBe(b.line);
    expect(verifyLog(`${a.line}\n${mixed}\n`)).toMatchObject({ ok: false, broken: { line: 2 } });
  });

  it('CRLF, a BOM, no final newline: the bytes and the text readings agree, and an edit under them is found', () => {
    const a = jsLine(note(1, null));
    const b = jsLine(note(2, a.hash));
    for (const text of [
      `${a.line}\r\n${b.line}\r\n`,
      `\ufeff${a.line}\n${b.line}\n`,
      `${a.line}\n${b.line}`,
      `\ufeff${a.line}\r\n${b.line}\r`,
    ]) {
      expect(verifyLog(text)).toMatchObject({ ok: true, head: { seq: 2 } });
      const bytes = verifyBytes(Buffer.from(text, 'utf8'));
      expect(bytes.result).toMatchObject({ ok: true, head: { seq: 2 } });
      expect(bytes.unterminated).toBe(!text.endsWith('\n'));
      expect(verifyLog(text.replace('备注', '备忘')).ok).toBe(false);
    }
    // A BOM anywhere but at the start is not skipped; an unfinished last line is still torn.
    expect(verifyLog(`${a.line}\n\ufeff${b.line}\n`)).toMatchObject({ ok: false, broken: { line: 2, reason: 'json' } });
    expect(verifyBytes(Buffer.from(`${a.line}\n${b.line.slice(0, -3)}`, 'utf8'))).toMatchObject({
      result: { ok: false, broken: { line: 2, reason: 'torn' } },
      unterminated: false,
    });
  });

  it('an id another tool computed its own way is an alias: the record keeps our id, later events naming theirs find it', () => {
    const rec = JSON.parse(fixture('spec-js').toString('utf8').split('\n')[0]!).records[0];
    const theirs = 'abcdefabcdef';
    const pub = jsLine({
      seq: 1,
      type: 'publish',
      at: '2026-07-20T10:30:00+08:00',
      by: '李四',
      host: 'PC',
      batch: '2026Q2',
      package: 'a'.repeat(64),
      records: [{ ...rec, id: theirs }],
      removals: [],
      prev: null,
    });
    const obj = jsLine({
      seq: 2,
      type: 'objection-add',
      at: '2026-07-25T15:00:00+08:00',
      by: '李四',
      host: 'PC',
      number: 'O2026-001',
      recordId: theirs,
      received: '2026-07-25',
      prev: pub.hash,
    });
    const rm = jsLine({
      seq: 3,
      type: 'objection-resolve',
      at: '2026-08-01T15:00:00+08:00',
      by: '李四',
      host: 'PC',
      number: 'O2026-001',
      recordId: theirs,
      outcome: '撤销',
      opinion: '核实',
      // Before its 公示截止日期 (2026-08-09): a 撤销 of a record no longer public removes nothing (decisions.md).
      resolvedOn: '2026-08-01',
      prev: obj.hash,
    });
    const r = verifyLog([pub.line, obj.line, rm.line, ''].join('\n'));
    expect(r.ok).toBe(true);
    const s = replay(r.events);
    expect([...s.records.keys()]).toEqual([rec.id]);
    expect(statusesOn(s, '2026-10-10')).toMatchObject([
      { id: rec.id, publishedOn: '2026-07-20', status: 'removed', removal: { type: 'revoked', batch: null, reason: '核实' } },
    ]);
    expect(s.objections.get('O2026-001')).toMatchObject({ id: rec.id, on: '2026-07-25', outcome: 'revoked', opinion: '核实' });
  });
});
