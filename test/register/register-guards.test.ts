// The register's promises (issue 18): a log that cannot be forged by reformatting, torn by a full
// disk, or cut by a repair that mistakes an editor's line ends or an edited event for a torn append;
// an append that checks it still holds the lock; another tool's record without a name is a finding.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendEvent, eventsPath, readLog, repairRegister, verifyBytes } from '../../src/io/register/register-store.js';
import { canonicalJson } from '../../src/register/canonical.js';
import { eventLine, lineHash, tornPrefix } from '../../src/register/chain.js';
import type { EventBody } from '../../src/register/events.js';
import { chain, AUTHOR } from '../helpers/register-chain.js';
import { cleanup, tempDir } from '../helpers/cases.js';

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('register-guards');
});
afterAll(() => cleanup(tmp));
afterEach(() => {
  delete process.env.HRSS_CREDIT_FAULT;
});

const noteBody = (text: string): EventBody => ({ type: 'note', text, ids: [] });
const RECORD = {
  id: 'b00000000000',
  listType: 'black',
  domain: '劳务派遣',
  department: '就业办',
  subjectName: '新乡市某某劳务有限公司',
  creditCode: '',
  idNumber: '',
  decisionNo: '新人社监罚〔2026〕12号',
  decisionDate: '2026-01-01',
  publishUntil: '2027-01-01',
};
const BODIES: Record<string, EventBody> = {
  note: noteBody(`备注${'很长的说明。'.repeat(400)}`),
  publish: {
    type: 'publish',
    batch: '2026Q3',
    on: '2026-10-15',
    package: 'f'.repeat(64),
    records: Array.from({ length: 20 }, (_, i) => ({ ...RECORD, id: `b${String(i).padStart(11, '0')}` })),
    removals: [],
    unchanged: [],
  } as unknown as EventBody,
  'objection add': {
    type: 'objection-add',
    on: '2026-10-16',
    id: 'b00000000000',
    objection: 'YY-2026-001',
    summary: '当事人称已整改完毕'.repeat(200),
  } as unknown as EventBody,
};

/** A workspace whose log holds `texts` as notes; its bytes. */
function logOf(texts: string[]): { ws: string; bytes: Buffer; lines: string[] } {
  const ws = join(tmp, `ws-${++n}`);
  mkdirSync(join(ws, 'register'), { recursive: true });
  const lines = chain(texts.map(noteBody)).map((e) => eventLine(e).slice(0, -1));
  const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
  writeFileSync(eventsPath(ws), bytes);
  return { ws, bytes, lines };
}

const append = (ws: string, body: EventBody) => appendEvent(ws, AUTHOR, () => ({ body, value: undefined }), { lock: { waitMs: 0 } });

async function errorOf(p: Promise<unknown>): Promise<{ code?: string; args?: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string; args?: Record<string, unknown> };
  }
  throw new Error('expected a failure');
}

describe('a full disk during an append', () => {
  for (const [what, body] of Object.entries(BODIES)) {
    it(`${what}: the part written is cut back, so the log stays whole and the next command works`, async () => {
      const { ws, bytes } = logOf(['一', '二']);
      for (const written of [1, 1024, Buffer.byteLength(eventLine(chain([body])[0]!)) - 1]) {
        process.env.HRSS_CREDIT_FAULT = `register-enospc:${written}`;
        const err = await errorOf(append(ws, body));
        expect(err.code, `${what} ${written}`).toBe('WRITE_FAILED');
        expect(err.args?.problem).toBe('ENOSPC');
        expect(readFileSync(eventsPath(ws)).equals(bytes), `${what} ${written}`).toBe(true);
      }
      delete process.env.HRSS_CREDIT_FAULT;
      expect(readLog(ws).result.ok).toBe(true);
      await append(ws, body);
      const read = readLog(ws);
      expect(read.result.ok).toBe(true);
      expect(read.result.events.map((e) => e.type)).toEqual(['note', 'note', body.type]);
    });
  }
});

describe('register repair on a full disk', () => {
  it('cuts a torn line without a copy when there is no room for one, says so, and leaves no partial copy', async () => {
    const { ws, bytes, lines } = logOf(['一', '二']);
    const torn = Buffer.from(eventLine(chain([noteBody('一'), noteBody('二'), noteBody('三')])[2]!).slice(0, 50), 'utf8');
    writeFileSync(eventsPath(ws), Buffer.concat([bytes, torn]));
    process.env.HRSS_CREDIT_FAULT = 'io:ENOSPC@events.jsonl.bak';
    const out = await repairRegister(ws, '20261015-093000', AUTHOR, { lock: { waitMs: 0 } });
    expect(out).toMatchObject({ action: 'cut', line: 3, bytes: torn.length, backup: '', problem: 'ENOSPC' });
    expect(readdirSync(join(ws, 'register')).filter((f) => f.includes('.bak'))).toEqual([]);
    const after = readFileSync(eventsPath(ws));
    expect(after.subarray(0, bytes.length).equals(bytes)).toBe(true);
    const read = readLog(ws);
    expect(read.result.ok).toBe(true);
    expect(read.result.events.map((e) => e.type)).toEqual(['note', 'note', 'repair']);
    expect(read.result.events[2]).toMatchObject({ line: 3, bytes: torn.length, backup: '' });
    expect(lines).toHaveLength(2);
  });

  it('another failure of the copy (not for want of room) stops the repair, the log untouched', async () => {
    const { ws, bytes } = logOf(['一']);
    const withTorn = Buffer.concat([bytes, Buffer.from('{"at":"2026', 'utf8')]);
    writeFileSync(eventsPath(ws), withTorn);
    process.env.HRSS_CREDIT_FAULT = 'io:EACCES@events.jsonl.bak';
    const err = await errorOf(repairRegister(ws, '20261015-093000', AUTHOR, { lock: { waitMs: 0 } }));
    expect(err.code).toBe('WRITE_FAILED');
    expect(readFileSync(eventsPath(ws)).equals(withTorn)).toBe(true);
  });
});

describe('register repair cuts only a torn append', () => {
  const three = ['一', '二', '三'];

  it('cuts an unfinished line our writer could have left (in a character, a string, a number, with NULs after)', async () => {
    const { lines } = logOf(three);
    const last = Buffer.from(`${lines[2]}`, 'utf8');
    const chinese = last.indexOf(Buffer.from('三', 'utf8'));
    for (const cut of [1, 7, 20, chinese + 1, chinese + 2, last.indexOf(Buffer.from('"seq":')) + 6, last.length - 1]) {
      const { ws, bytes } = logOf(three.slice(0, 2));
      const tail = Buffer.concat([last.subarray(0, cut), cut === 20 ? Buffer.alloc(4096) : Buffer.alloc(0)]);
      expect(tornPrefix(tail, 0, tail.length), String(cut)).toBe(true);
      writeFileSync(eventsPath(ws), Buffer.concat([bytes, tail]));
      const out = await repairRegister(ws, 'x', AUTHOR, { lock: { waitMs: 0 } });
      expect(out, String(cut)).toMatchObject({ action: 'cut', line: 3, bytes: tail.length });
      expect(readFileSync(eventsPath(ws)).subarray(0, bytes.length).equals(bytes)).toBe(true);
      expect(readLog(ws).result.ok).toBe(true);
    }
  });

  const refused: [string, (lines: string[]) => string, { line: number; reason: string }][] = [
    ['CR-only line ends (an editor)', (l) => `${l.join('\r')}\r`, { line: 1, reason: 'linebreak' }],
    ['CR-only line ends, the last one missing', (l) => l.join('\r'), { line: 1, reason: 'linebreak' }],
    ['U+2028 line ends', (l) => `${l.join('\u2028')}\u2028`, { line: 1, reason: 'linebreak' }],
    ['U+2029 line ends', (l) => l.join('\u2029'), { line: 1, reason: 'linebreak' }],
    ['the last two lines merged, unterminated', (l) => `${l[0]}\n${l[1]}${l[2]}`, { line: 2, reason: 'json' }],
    ['the first two lines merged', (l) => `${l[0]}${l[1]}\n${l[2]}\n`, { line: 1, reason: 'json' }],
    [
      'the last event edited, left without its line end',
      (l) => `${l[0]}\n${l[1]}\n${l[2]!.replace('三', '四')}`,
      { line: 3, reason: 'hash' },
    ],
    [
      'the last event edited and reformatted, unterminated',
      (l) => `${l[0]}\n${l[1]}\n${l[2]!.replace(':', ': ')}`,
      { line: 3, reason: 'hash' },
    ],
    ['an unfinished line with spaces (no writer of ours)', (l) => `${l[0]}\n${l[1]}\n{"at": "2026`, { line: 3, reason: 'json' }],
    ['an unfinished line starting with garbage', (l) => `${l[0]}\n${l[1]}\nxx{"at":"2026`, { line: 3, reason: 'json' }],
  ];
  for (const [what, make, broken] of refused) {
    it(`refuses ${what}, saying where and what, and changes nothing`, async () => {
      const { ws, lines } = logOf(three);
      const text = Buffer.from(make(lines), 'utf8');
      writeFileSync(eventsPath(ws), text);
      expect(verifyBytes(text).result).toMatchObject({ ok: false, broken });
      expect(readLog(ws).result).toMatchObject({ ok: false, broken });
      const err = await errorOf(repairRegister(ws, 'x', AUTHOR, { lock: { waitMs: 0 } }));
      expect(err.code).toBe('REGISTER_CORRUPT');
      expect(err.args).toMatchObject({ line: broken.line, reason: broken.reason });
      expect(readFileSync(eventsPath(ws)).equals(text)).toBe(true);
      expect(readdirSync(join(ws, 'register')).filter((f) => f.includes('.bak'))).toEqual([]);
    });
  }
});

/** `line` with a byte-level change and its hash taken again by our reading (what a forger does). */
function forged(line: string, change: (l: string) => string): string {
  const changed = change(line);
  const hash = lineHash(changed) as string;
  expect(hash, 'the change keeps the hash member findable').toBeDefined();
  return changed.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${hash}"`);
}

describe('a line of ours must be canonical', () => {
  const variants: [string, (l: string) => string][] = [
    ['a space after a colon', (l) => l.replace('"text":', '"text": ')],
    ['a space after a comma', (l) => l.replace(',"text"', ', "text"')],
    ['a tab before the end', (l) => l.replace(/}$/, '\t}')],
    ['an escaped slash', (l) => l.replace('"text":"', '"text":"\\/')],
    ['a character written as \\u escape', (l) => l.replace('三', '\\u4e09')],
    ['an upper-case \\u escape of a control character', (l) => l.replace('"text":"', '"text":"\\u001F')],
    ['a number as 3.0', (l) => l.replace('"seq":3', '"seq":3.0')],
    ['a number as 3e0', (l) => l.replace('"seq":3', '"seq":3e0')],
    ['keys out of order', (l) => l.replace(/^\{"at":("[^"]*"),"by":("[^"]*")/, '{"by":$2,"at":$1')],
    ['a key twice', (l) => l.replace('"text":"三"', '"text":"三","text":"三"')],
  ];
  for (const [what, change] of variants) {
    it(`${what} in the last line, its hash taken again, is a break (canonical) at that line`, () => {
      const { lines } = logOf(['一', '二', '三']);
      const bad = forged(lines[2]!, change);
      expect(bad).not.toBe(lines[2]);
      const text = Buffer.from(`${lines[0]}\n${lines[1]}\n${bad}\n`, 'utf8');
      const r = verifyBytes(text).result;
      expect(r.ok ? null : r.broken, what).toEqual({ line: 3, reason: 'canonical' });
    });
  }

  // README "register/events.jsonl": formatting is checked from the first line still as our writer wrote it.
  it("a space added to line 1 (its value and hash unchanged) passes as another tool's line; to line 2 it is reported", () => {
    const { lines } = logOf(['一', '二', '三']);
    const spaced = (l: string): string => l.replace('"text":', '"text": ');
    const first = verifyBytes(Buffer.from(`${spaced(lines[0]!)}\n${lines[1]}\n${lines[2]}\n`, 'utf8')).result;
    expect(first.ok).toBe(true);
    const second = verifyBytes(Buffer.from(`${lines[0]}\n${spaced(lines[1]!)}\n${lines[2]}\n`, 'utf8')).result;
    expect(second.ok ? null : second.broken).toEqual({ line: 2, reason: 'hash' });
  });

  it('the line as our writer wrote it passes, and canonicalJson of any event is what the scan accepts', () => {
    const { bytes } = logOf(['一', '含"引号"、\\反斜杠\n换行\u2028与\u0001控制符', 'x']);
    expect(verifyBytes(bytes).result.ok).toBe(true);
    const odd = { a: [1, -0.5, 1e21, 1e-7, true, null, {}], b: '\ud800', c: { z: 1, Z: 2, é: 3, '\ud83d\ude00': 4, '\uffff': 5 } };
    const text = Buffer.from(canonicalJson(odd), 'utf8');
    expect(tornPrefix(text, 0, text.length - 1)).toBe(true);
  });
});

describe("another tool's record that cannot be one", () => {
  const records: [string, Record<string, unknown>][] = [
    ['no name and no id', { listType: 'black', domain: '劳务派遣', creditCode: '', idNumber: '', decisionNo: 'x' }],
    ['no name', { id: 'b00000000000', listType: 'black', domain: '劳务派遣', decisionNo: 'x' }],
    ['no list type', { id: 'b00000000000', subjectName: '某公司', domain: '劳务派遣' }],
    ['not an object', 'x' as unknown as Record<string, unknown>],
  ];
  for (const [what, record] of records) {
    for (const style of ['canonical', 'spaced'] as const) {
      it(`${what} (${style} line) is a schema break at its line, not a crash`, () => {
        const [first] = chain([noteBody('一')]);
        const body = { type: 'import', batch: '2026Q2', on: '2026-07-15', files: [], records: [record] } as unknown as EventBody;
        const [, second] = chain([noteBody('一'), body]);
        let line = eventLine(second!).slice(0, -1);
        if (style === 'spaced') line = forged(line, (l) => l.replace('"batch":', '"batch": '));
        const text = Buffer.from(`${eventLine(first!)}${line}\n`, 'utf8');
        const r = verifyBytes(text).result;
        expect(r.ok ? null : r.broken).toEqual({ line: 2, reason: style === 'spaced' ? 'canonical' : 'schema' });
      });
    }
  }

  it("in a log that is another tool's from its first line, the record without a name is a schema break too", () => {
    const body = {
      type: 'import',
      batch: '2026Q2',
      on: '2026-07-15',
      files: [],
      records: [{ listType: 'black', domain: 'x', decisionNo: 'y' }],
    } as unknown as EventBody;
    const [e] = chain([body]);
    const line = forged(eventLine(e!).slice(0, -1), (l) => l.replace('"batch":', '"batch": '));
    const r = verifyBytes(Buffer.from(`${line}\n`, 'utf8')).result;
    expect(r.ok ? null : r.broken).toEqual({ line: 1, reason: 'schema' });
  });
});

describe('an append checks it still holds the lock', () => {
  it('a lock taken over while the event was decided (a stalled share): REGISTER_LOCKED, nothing written', async () => {
    const { ws, bytes } = logOf(['一']);
    const lockPath = join(ws, 'register', '.lock');
    const err = await errorOf(
      appendEvent(
        ws,
        AUTHOR,
        () => {
          // Another PC takes the lock over (30 s without a refresh seen from there).
          writeFileSync(lockPath, JSON.stringify({ host: 'HRSS-PC09', pid: 4242, since: '2026-10-15T01:30:00.000Z', token: 'theirs' }));
          return { body: noteBody('二'), value: undefined };
        },
        { lock: { waitMs: 0 } },
      ),
    );
    expect(err.code).toBe('REGISTER_LOCKED');
    expect(err.args).toMatchObject({ host: 'HRSS-PC09', pid: 4242 });
    expect(readFileSync(eventsPath(ws)).equals(bytes)).toBe(true);
    // Their lock is left to them.
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).token).toBe('theirs');
    expect(existsSync(lockPath)).toBe(true);
  });
});
