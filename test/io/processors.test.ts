// The second thread of register verify and of a read with no checkpoint (io/register/log-check.ts) starts on two
// processors or more whatever the load (decisions.md "register verify on two cores, whatever the load"), and so does
// the early hash since round 33 (cli/early-log.ts; "The early hash whatever the load"). The machine's load and
// processors are set here.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const machine = vi.hoisted(() => ({ load: 0, processors: 2 }));
vi.mock('node:os', async (original) => {
  const os = await original<typeof import('node:os')>();
  return { ...os, loadavg: () => [machine.load, machine.load, machine.load], availableParallelism: () => machine.processors };
});

const { processorFree, secondThreadShortens } = await import('../../src/io/processors.js');
const { wantLogCheck } = await import('../../src/io/register/log-check.js');
const { wantWorkbookThread, WORKBOOK_THREAD_ROWS } = await import('../../src/io/xlsx/workbook-thread.js');
const { wantListThread, SPLIT_MIN_ROWS } = await import('../../src/cli/list-split.js');
const { wantLedgerThread, LEDGER_THREAD_ROWS } = await import('../../src/io/xlsx/sheet-thread.js');
const { earlyHashWanted } = await import('../../src/cli/early-log.js');

describe('how many threads a command uses', () => {
  beforeEach(() => {
    machine.load = 0;
    machine.processors = 2;
  });

  it('checks the log on a second thread on two busy processors (load 2, 5, 20): the clerk waits on verify', () => {
    for (const load of [0, 1.6, 2, 5, 20]) {
      machine.load = load;
      expect(secondThreadShortens(), `load ${load}`).toBe(true);
      expect(wantLogCheck({}), `load ${load}`).toBe(true);
    }
  });

  it('never on one processor, idle or not; HRSS_CREDIT_LOG_THREAD decides when given', () => {
    machine.processors = 1;
    expect(wantLogCheck({})).toBe(false);
    expect(wantLogCheck({ HRSS_CREDIT_LOG_THREAD: 'on' })).toBe(true);
    machine.processors = 2;
    machine.load = 9;
    expect(wantLogCheck({ HRSS_CREDIT_LOG_THREAD: 'off' })).toBe(false);
  });

  it("compile's workbook and register list's records keep a free processor (processorFreeBeside), large enough", () => {
    const both = (): boolean[] => [wantWorkbookThread(WORKBOOK_THREAD_ROWS, {}), wantListThread({}, SPLIT_MIN_ROWS)];
    machine.load = 1.5;
    expect(both()).toEqual([true, true]);
    expect([wantWorkbookThread(WORKBOOK_THREAD_ROWS - 1, {}), wantListThread({}, SPLIT_MIN_ROWS - 1)]).toEqual([false, false]);
    machine.load = 2;
    expect(both()).toEqual([false, false]);
    machine.load = 0;
    machine.processors = 1;
    expect(both()).toEqual([false, false]);
    // Their variables decide when given, whatever the load and size; the list never without its rows known.
    machine.load = 20;
    expect([wantWorkbookThread(1, { HRSS_CREDIT_WORKBOOK_THREAD: 'on' }), wantListThread({ HRSS_CREDIT_LIST_THREAD: 'on' }, 1)]).toEqual([
      true,
      true,
    ]);
    expect(wantListThread({ HRSS_CREDIT_LIST_THREAD: 'on' }, undefined)).toBe(false);
  });

  it("a province's 台账 on two processors whatever the load, from LEDGER_THREAD_ROWS rows; HRSS_CREDIT_LEDGER_THREAD decides when given", () => {
    for (const load of [0, 2, 20]) {
      machine.load = load;
      expect(wantLedgerThread(LEDGER_THREAD_ROWS, {}), `load ${load}`).toBe(true);
      expect(wantLedgerThread(LEDGER_THREAD_ROWS - 1, {}), `load ${load}`).toBe(false);
    }
    machine.processors = 1;
    expect(wantLedgerThread(LEDGER_THREAD_ROWS, {})).toBe(false);
    expect(wantLedgerThread(1, { HRSS_CREDIT_LEDGER_THREAD: 'on' })).toBe(true);
    machine.processors = 2;
    expect(wantLedgerThread(LEDGER_THREAD_ROWS, { HRSS_CREDIT_LEDGER_THREAD: 'off' })).toBe(false);
  });

  it('hashes the log beside start-up on two busy processors (load 2, 5, 20), as verify checks it; never on one', () => {
    for (const load of [0, 1.5, 2, 5, 20]) {
      machine.load = load;
      // Before round 33 it asked processorFree(0): false from load 2 on two processors.
      expect(earlyHashWanted({}), `load ${load}`).toBe(true);
      expect(processorFree(0), `load ${load}`).toBe(load < 2);
    }
    machine.processors = 1;
    expect(earlyHashWanted({})).toBe(false);
    // HRSS_CREDIT_EARLY_HASH decides when given.
    expect(earlyHashWanted({ HRSS_CREDIT_EARLY_HASH: 'on' })).toBe(true);
    machine.processors = 2;
    expect(earlyHashWanted({ HRSS_CREDIT_EARLY_HASH: 'off' })).toBe(false);
  });
});
