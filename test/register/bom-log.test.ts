// A UTF-8 BOM at the start of register/events.jsonl (an empty log saved by Notepad) is no part of any line
// (decisions.md "A UTF-8 BOM at the start of the log"): a log of only the BOM is an empty log, as a 0-byte file
// is, and was "broken at line 1: not valid JSON"; a BOM before blank bytes is a blank line, which repair cuts.
// The chain is not weakened: a BOM anywhere but the log's first bytes still breaks it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBytes } from '../../src/io/register/register-store.js';
import { verifyLog } from '../../src/register/chain.js';
import { compiledExample, copyWorkspace, eventsFile, runCli, tempDir, TODAY, ROOT } from './helpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const cli = (ws: string, args: string[]) => runCli([...args, '-w', ws, '--today', TODAY], ROOT, env);
let tmp: string;
let compiled: string;
let n = 0;

beforeAll(async () => {
  tmp = tempDir('bom-log');
  compiled = await compiledExample(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The compiled example with its log made of `bytes`. */
function withLog(bytes: Buffer): string {
  const ws = copyWorkspace(compiled, join(tmp, `ws-${++n}`));
  mkdirSync(join(ws, 'register'), { recursive: true });
  writeFileSync(eventsFile(ws), bytes);
  return ws;
}

describe('a register/events.jsonl that begins with a UTF-8 BOM', () => {
  it('holding only the BOM is whole with 0 events, and the next event is appended after it and read back', async () => {
    const ws = withLog(BOM);
    const v = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, events: 0, broken: null });
    expect((await cli(ws, ['register', 'note', '第一条事件'])).code).toBe(0);
    const bytes = readFileSync(eventsFile(ws));
    expect(bytes.subarray(0, 3).equals(BOM)).toBe(true);
    expect(JSON.parse(bytes.subarray(3).toString('utf8'))).toMatchObject({ seq: 1, type: 'note' });
    const again = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ valid: true, events: 1 });
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    expect(JSON.parse((await cli(ws, ['register', 'verify', '--format', 'json'])).stdout)).toMatchObject({ events: 2 });
  });

  it.each([
    ['a BOM and a line break', '\n'],
    ['a BOM, CR and LF', '\r\n'],
  ])('%s is a blank line 1 (as without the BOM), and repair cuts it with the BOM', async (_name, rest) => {
    const ws = withLog(Buffer.concat([BOM, Buffer.from(rest)]));
    const v = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).broken).toEqual({ line: 1, reason: 'blank' });
    const r = await cli(ws, ['register', 'repair', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ action: 'cut', reason: 'blank', line: 1, bytes: 3 + rest.length });
    expect(readFileSync(eventsFile(ws)).subarray(0, 1).toString()).toBe('{');
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
  });

  it('a BOM before any line but the first still breaks the chain at that line', async () => {
    const ws = withLog(BOM);
    expect((await cli(ws, ['register', 'note', '一'])).code).toBe(0);
    expect((await cli(ws, ['register', 'note', '二'])).code).toBe(0);
    const text = readFileSync(eventsFile(ws));
    const second = text.indexOf(0x0a) + 1;
    writeFileSync(eventsFile(ws), Buffer.concat([text.subarray(0, second), BOM, text.subarray(second)]));
    rmSync(`${eventsFile(ws)}.checkpoint`, { force: true });
    const v = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).broken).toMatchObject({ line: 2 });
  });

  it('the model (verifyLog) and the store (verifyBytes) read it alike', () => {
    for (const [text, ok, broken] of [
      ['\uFEFF', true, null],
      ['\uFEFF\n', false, { line: 1, reason: 'blank' }],
      ['\uFEFF \r\n', false, { line: 1, reason: 'blank' }],
    ] as const) {
      expect([text, verifyLog(text)]).toMatchObject([text, { ok, events: [], ...(broken ? { broken } : {}) }]);
      expect([text, verifyBytes(Buffer.from(text, 'utf8')).result]).toMatchObject([text, { ok, ...(broken ? { broken } : {}) }]);
    }
  });
});
