// The second thread of register verify and of a read with no checkpoint (io/register/log-check.ts) starts on two
// processors or more whatever the load (decisions.md "register verify on two cores, whatever the load"); the early
// hash (cli/early-log.ts) still asks for a free processor. The machine's load and processors are set here.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const machine = vi.hoisted(() => ({ load: 0, processors: 2 }));
vi.mock('node:os', async (original) => {
  const os = await original<typeof import('node:os')>();
  return { ...os, loadavg: () => [machine.load, machine.load, machine.load], availableParallelism: () => machine.processors };
});

const { processorFree, secondThreadShortens } = await import('../../src/io/processors.js');
const { wantLogCheck } = await import('../../src/io/register/log-check.js');

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

  it("the early hash's rule is unchanged: a processor free, by the last minute's load", () => {
    machine.load = 1.5;
    expect(processorFree(0)).toBe(true);
    machine.load = 2;
    expect(processorFree(0)).toBe(false);
  });
});
