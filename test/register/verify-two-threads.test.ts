// register verify on two cores (decisions.md "register verify on two cores"): a large log read from its first line for
// a checkpoint is read, hashed and scanned on a second thread (io/register/log-check.ts) while this one parses the same
// bytes. Same findings, same checkpoint, for every awkward line: lines longer than the thread's buffers (cut across
// reads, carried into a larger buffer), a broken hash in the middle, a line not canonical, blank lines, CRLF, a BOM, a
// torn or unterminated last line, NUL lines. The thread's code runs from dist/ (as the CSV worker's tests do).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { lineHashOfBytes } from '../../src/register/line-hash.js';
import type { EventBody, RegisterEvent } from '../../src/register/events.js';
import { historyArb, largeHistory } from './checkpoint-histories.js';
import fc from 'fast-check';
import { checkpointOf, logOf, logText, registerWorkspace } from './register-files.js';

const { readLog } = await import('../../dist/io/register/register-store.js');
const { LogCheck, LogCheckFailed } = await import('../../dist/io/register/log-check.js');
const { takeUnexpected } = await import('../../dist/diagnostics/unexpected.js');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** verify's read of `log` (every line, a checkpoint built as read) on one thread or two; its findings and checkpoint. */
function verified(log: string | Buffer, threads: 1 | 2, slab = 64, chainOnly = true) {
  const ws = registerWorkspace(dirs, 'hrss-two-threads-');
  writeFileSync(logOf(ws), log);
  const read = readLog(ws, {
    checkpoint: chainOnly ? false : undefined,
    chainOnly,
    sinkBytes: 0,
    logThread: threads === 2,
    logThreadBytes: 0,
    logThreadSlab: slab,
  });
  const r = read.result;
  return {
    ok: r.ok,
    broken: r.ok ? null : r.broken,
    head: r.head,
    events: r.events.map((e) => [e.seq, e.hash]),
    tornAt: read.tornAt,
    unterminated: read.unterminated,
    // The bytes read when the chain held to the end (a break in the middle stops the read where it was).
    size: r.ok || r.broken.reason === 'torn' || r.broken.reason === 'blank' ? read.size : null,
    checkpoint: existsSync(checkpointOf(ws)) ? readFileSync(checkpointOf(ws)).toString('base64') : null,
  };
}

/** The same on both, and the second thread did read it (its batches taken). */
function expectSame(log: string | Buffer, slab = 64) {
  const next = vi.spyOn(LogCheck.prototype, 'next');
  const two = verified(log, 2, slab);
  expect(next).toHaveBeenCalled();
  next.mockClear();
  const one = verified(log, 1);
  expect(next).not.toHaveBeenCalled();
  expect(two).toEqual(one);
  return one;
}

const small = (): RegisterEvent[] =>
  chain([
    { type: 'note', text: '第一条', ids: [] },
    { type: 'objection-add', on: '2026-05-01', id: 'a00000000001', objection: 'O1' },
    { type: 'note', text: '第三条', ids: [] },
    { type: 'note', text: '第四条', ids: [] },
  ] as EventBody[]);
const lines = (): string[] => logText(small()).split('\n').slice(0, -1);
/** A line edited, its `hash` member made the hash of its bytes again (our writer's reading of the edited line). */
const resealed = (line: string): string => {
  const hash = lineHashOfBytes(Buffer.from(line), 0, Buffer.byteLength(line)) as string;
  return line.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${hash}"`);
};
const flip = (line: string): string => line.replace(/"hash":"(.)/, (_, c: string) => `"hash":"${c === '0' ? '1' : '0'}`);

// Records the reader of bytes (record-fields.ts) leaves to JSON.parse beside ones it reads: summary members that are
// numbers, null, objects or escaped text, no id, the summary's keys in a nested object; then a list type it reads and
// the parser refuses.
const rec = (i: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: `e${i.toString(16).padStart(11, '0')}`,
  listType: i % 2 ? 'red' : 'black',
  department: '就业办',
  subjectName: `新乡市样例${i}有限公司`,
  subjectType: '法人及非法人组织',
  decisionDate: '2026-03-01',
  ...extra,
});
const publishOf = (batch: string, records: Record<string, unknown>[]): EventBody =>
  ({ type: 'publish', batch, on: '2026-04-15', package: '1'.repeat(64), records, removals: [], unchanged: [] }) as unknown as EventBody;
const shapes = (): string =>
  logText(
    chain([
      publishOf('2026Q1', [
        rec(1, { source: { id: 'x', listType: 'red', subjectName: '别' } }),
        rec(2, { creditCode: 914107, idNumber: null, severity: { a: 1 } }),
        rec(3, { subjectName: '新乡"引号"\\公司\n', decisionNo: '\u0001' }),
        { ...rec(4), id: undefined },
        rec(5, { é: 1, domain: '𠮷' }),
        rec(6),
      ]),
      publishOf('2026Q2', [rec(7), rec(8, { department: true })]),
    ]),
  );

describe('register verify on two threads', () => {
  it('generated histories and a 30,000-record line: the findings and checkpoint of one thread, whatever the buffers', () => {
    const histories = [...fc.sample(historyArb, { seed: 3031, numRuns: 12 }), largeHistory()];
    for (const bodies of histories) {
      const log = logText(chain(bodies));
      for (const slab of [16, 700, 1 << 20]) expect(expectSame(log, slab).ok).toBe(true);
    }
  }, 300_000);

  const AWKWARD: Record<string, [() => string | Buffer, string]> = {
    'a broken hash in the middle': [() => [lines()[0], flip(lines()[1] as string), ...lines().slice(2), ''].join('\n'), 'hash@2'],
    'a line not canonical (an escape our writer never writes)': [
      () => [lines()[0], resealed((lines()[1] as string).replace('"on":', '"\\u006fn":')), ...lines().slice(2), ''].join('\n'),
      'canonical@2',
    ],
    'a blank line in the middle': [() => [lines()[0], '', ...lines().slice(1), ''].join('\n'), 'json@2'],
    'blank lines at the end': [() => `${logText(small())} \n\t\n`, 'blank@5'],
    'CRLF line ends (a tool on Windows)': [() => logText(small()).replace(/\n/g, '\r\n'), 'ok'],
    'a BOM at the start': [() => `\ufeff${logText(small())}`, 'ok'],
    'a torn last line': [() => `${logText(small())}${(lines()[0] as string).slice(0, 40)}`, 'torn@5'],
    'a last event without its `\\n`': [() => logText(small()).slice(0, -1), 'ok'],
    'NUL lines at the end (a block zeroed by a power cut)': [() => `${logText(small())}\0\0\0\0\n\0\0`, 'torn@5'],
    'NUL lines before a line': [() => `${lines()[0]}\n\0\0\0\n${lines().slice(1).join('\n')}\n`, 'json@2'],
    'records of other shapes beside ours, read from their bytes or parsed': [shapes, 'ok'],
    'a list type read from the bytes that the parser refuses': [
      () => logText(chain([publishOf('2026Q1', [rec(1)]), publishOf('2026Q2', [rec(2), rec(3, { listType: 'Red' })])])),
      'schema@2',
    ],
  };
  for (const [name, [make, expected]] of Object.entries(AWKWARD))
    it(`${name}: ${expected}, as on one thread`, () => {
      for (const slab of [16, 100, 4096]) {
        const one = expectSame(make(), slab);
        expect(one.ok ? 'ok' : `${one.broken?.reason}@${one.broken?.line}`).toBe(expected);
      }
    });

  it('a read with no usable checkpoint (not verify) goes the same way: its events read back through the checkpoint', () => {
    const log = logText(chain(largeHistory()));
    const next = vi.spyOn(LogCheck.prototype, 'next');
    const two = verified(log, 2, 4096, false);
    expect(next).toHaveBeenCalled();
    expect(two).toEqual(verified(log, 1, 4096, false));
    expect(two.checkpoint).not.toBeNull();
  }, 120_000);

  it('a thread that fails: the log read again on this one, the same findings and checkpoint', () => {
    const log = logText(chain(largeHistory()));
    const next = vi.spyOn(LogCheck.prototype, 'next').mockImplementationOnce(() => {
      throw new LogCheckFailed();
    });
    const two = verified(log, 2, 4096);
    // Failed at its first batch, then not asked again: the read from the first line on this thread.
    expect(next).toHaveBeenCalledTimes(1);
    expect(two).toEqual(verified(log, 1));
    expect(two.checkpoint).not.toBeNull();
  }, 120_000);

  it('a thread that cannot read its log is given up, and --debug says why (io/threads.ts): it was silent', () => {
    takeUnexpected();
    const check = LogCheck.start(`${registerWorkspace(dirs, 'hrss-log-thread-gone-')}/register/none.jsonl`);
    expect(check).not.toBeNull();
    try {
      expect(() => check?.next()).toThrow(LogCheckFailed);
    } finally {
      check?.stop();
    }
    const noted = takeUnexpected().map((u) => [u.where, u.code, u.message.slice(0, 6)]);
    expect(noted).toEqual([['log-check thread', 'THREAD_FAILED', 'ENOENT']]);
  });
});
