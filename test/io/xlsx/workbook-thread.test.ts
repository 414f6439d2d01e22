// A workbook made on a second thread (io/xlsx/workbook-thread.ts): the bytes workbookBuffer makes in this thread; a
// thread that fails leaves this thread to make them (from the sheets made again); the rule for asking for one.
// Through dist/: the thread runs the built workbook-worker.js.
import { afterEach, describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../../src/io/xlsx/xlsx-writer.js';

const { workbookBuffer } = await import('../../../dist/io/xlsx/xlsx-writer.js');
const { workbookOnThread, workbookThreadRuns, wantWorkbookThread, WORKBOOK_THREAD_ROWS, WORKBOOK_STALL_MS } = await import(
  '../../../dist/io/xlsx/workbook-thread.js'
);
// What --debug shows (io/threads.ts): the thread given up, and why; dist's own instance of the module.
const { takeUnexpected } = await import('../../../dist/diagnostics/unexpected.js');
const noted = (): string[][] => takeUnexpected().map((u) => [u.where, u.code, u.message]);

const instant = new Date('2026-09-30T23:59:59Z');
const sheets = (): SheetSpec[] => [
  {
    name: '红名单',
    headers: ['序号', '主体名称'],
    widths: [6, undefined],
    rows: [
      [1, '新乡市某某有限公司'],
      [2, ' 前后空格 '],
    ],
  },
  {
    name: '移出名单',
    headers: ['序号', '记录编号', '移出原因'],
    rows: Array.from({ length: 3000 }, (_, i) => [i + 1, `id${i}`, i % 7 === 0 ? '<&">' : `原因${i % 13}`]),
  },
];

afterEach(() => {
  delete process.env.HRSS_CREDIT_FAULT;
});

describe('workbookOnThread', () => {
  it('gives the bytes workbookBuffer makes, made on the thread', async () => {
    noted();
    const before = workbookThreadRuns();
    let remade = 0;
    const t = workbookOnThread(sheets(), instant, 'hrss-credit', () => {
      remade++;
      return sheets();
    });
    const bytes = await t.bytes();
    expect(Buffer.compare(bytes, await workbookBuffer(sheets(), instant, 'hrss-credit'))).toBe(0);
    expect(workbookThreadRuns()).toBe(before + 1);
    expect(remade).toBe(0);
    expect(noted()).toEqual([]);
  });

  it('a thread that fails: the workbook made here, from the sheets made again, the same bytes', async () => {
    process.env.HRSS_CREDIT_FAULT = 'workbook-thread-fail';
    noted();
    const before = workbookThreadRuns();
    let remade = 0;
    const t = workbookOnThread(sheets(), instant, 'hrss-credit', () => {
      remade++;
      return sheets();
    });
    const bytes = await t.bytes();
    expect(Buffer.compare(bytes, await workbookBuffer(sheets(), instant, 'hrss-credit'))).toBe(0);
    expect(workbookThreadRuns()).toBe(before);
    expect(remade).toBe(1);
    // Given up, and said under --debug (it was silent): what the thread said.
    expect(noted()).toEqual([['workbook thread', 'THREAD_FAILED', 'workbook-thread-fail']]);
  });

  it('a thread alive that never replies: given up once the main thread has waited WORKBOOK_STALL_MS, the same bytes', async () => {
    process.env.HRSS_CREDIT_FAULT = 'workbook-thread-stall';
    noted();
    const before = workbookThreadRuns();
    let remade = 0;
    const t = workbookOnThread(sheets(), instant, 'hrss-credit', () => {
      remade++;
      return sheets();
    });
    // Before: compile waited for ever (replyOf had no stall rule).
    const bytes = await t.bytes();
    expect(Buffer.compare(bytes, await workbookBuffer(sheets(), instant, 'hrss-credit'))).toBe(0);
    expect(workbookThreadRuns()).toBe(before);
    expect(remade).toBe(1);
    expect(noted()).toEqual([['workbook thread', 'THREAD_STALLED', `nothing for ${WORKBOOK_STALL_MS} ms`]]);
  }, 60_000);

  it('stopped, it is not said to have failed (its end is ours)', async () => {
    noted();
    const t = workbookOnThread(sheets(), instant, 'hrss-credit', sheets);
    t.stop();
    await t.bytes();
    await new Promise((r) => setTimeout(r, 50));
    expect(noted()).toEqual([]);
  });

  it('a sheet Excel refuses is refused as in this thread', async () => {
    const bad = (): SheetSpec[] => [{ name: 'a/b', headers: ['x'], rows: [] }];
    await expect(workbookOnThread(bad(), instant, 'x', bad).bytes()).rejects.toThrow(/cannot include/);
  });

  it('stopped before its bytes are asked: they are made here', async () => {
    const t = workbookOnThread(sheets(), instant, 'hrss-credit', sheets);
    t.stop();
    expect(Buffer.compare(await t.bytes(), await workbookBuffer(sheets(), instant, 'hrss-credit'))).toBe(0);
  });
});

describe('wantWorkbookThread', () => {
  it('on and off whatever the size; below the threshold never by itself', () => {
    expect(wantWorkbookThread(1, { HRSS_CREDIT_WORKBOOK_THREAD: 'on' })).toBe(true);
    expect(wantWorkbookThread(10 ** 7, { HRSS_CREDIT_WORKBOOK_THREAD: 'off' })).toBe(false);
    expect(wantWorkbookThread(WORKBOOK_THREAD_ROWS - 1, {})).toBe(false);
  });
});
