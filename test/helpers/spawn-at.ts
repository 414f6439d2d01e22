// The CLI in a child with an IPC channel, for the tests that interrupt it at a point it names (io/interrupt.ts:
// HRSS_CREDIT_FAULT makes it say "reading-register", "early-hash-wait" … over the channel and wait there).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cases.js';

const BIN = join(ROOT, 'bin', 'hrss-credit.js');

export type Done = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

export interface Spawned {
  /** Resolves when the child says it reached `point`; rejects if it ends first. */
  at: (point: string) => Promise<void>;
  done: Promise<Done>;
  interrupt: () => void;
}

/** A spawner whose children are killed by killAll (afterAll: a child a failed test left waiting is not left running). */
export function spawner(): {
  spawnAt: (cwd: string, args: string[], fault: string, more?: Record<string, string>) => Spawned;
  killAll: () => void;
} {
  const children: ChildProcess[] = [];
  return {
    spawnAt: (cwd, args, fault, more) => spawnAtIn(children, cwd, args, fault, more),
    killAll: () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    },
  };
}

/** `bin/hrss-credit.js args` in `cwd` with HRSS_CREDIT_FAULT=`fault`: `at` resolves when it says it reached that point. */
function spawnAtIn(children: ChildProcess[], cwd: string, args: string[], fault: string, more: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, HRSS_CREDIT_FAULT: fault, HRSS_CREDIT_USER: '张三', ...more },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const done = new Promise<Done>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const at = (point: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      child.on('message', (m) => (m === point ? resolve() : undefined));
      void done.then((r) => reject(new Error(`exited (${r.code}) before ${point}: ${r.stdout}${r.stderr}`)));
    });
  return { at, done, interrupt: () => child.kill('SIGINT') };
}
