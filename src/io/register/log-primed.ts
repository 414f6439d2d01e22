/**
 * The log read by a read-only command before it runs (cli/register-prime.ts), a pause at a time, so that a Ctrl-C
 * ends it at once (docs/decisions.md "Ctrl-C during a read-only command"): the command's own synchronous read
 * (register-store.ts readLog) then takes it instead of reading again. Taken once; only by a read of the same log,
 * the same way (verify's from the first line, or through the checkpoint), on the same port, still the size it was.
 */
import { join, resolve } from 'node:path';
import type { IoPort } from '../port.js';

/** How a read reads: what makes two reads' results interchangeable. */
export interface PrimedWay {
  checkpoint?: boolean;
  chainOnly?: boolean;
}

let primed: { log: string; io: IoPort; way: string; size: number; read: unknown } | null = null;

const wayOf = (o: PrimedWay): string => `${o.checkpoint === false}:${o.chainOnly === true}`;
const logOf = (workspace: string): string => resolve(join(workspace, 'register', 'events.jsonl'));

/** Keeps a read of `workspace`'s log (`size`: its bytes read) for the next read of it. */
export function keepPrimed<T>(workspace: string, io: IoPort, way: PrimedWay, size: number, read: T): void {
  primed = { log: logOf(workspace), io, way: wayOf(way), size, read };
}

/** The kept read, when it is of this log read this way on this port and the log is still that size; never twice. */
export function takePrimed<T>(workspace: string, io: IoPort, way: PrimedWay): T | undefined {
  const p = primed;
  primed = null;
  if (!p || p.log !== logOf(workspace) || p.io !== io || p.way !== wayOf(way)) return undefined;
  let size = 0;
  try {
    size = io.statSync(p.log).size;
  } catch {
    size = 0;
  }
  return size === p.size ? (p.read as T) : undefined;
}

/** Lets go of a kept read no command took (the command ended before it read). */
export function dropPrimed(): void {
  primed = null;
}
