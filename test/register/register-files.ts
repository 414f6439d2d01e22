/** A register folder in a temporary workspace and the paths and text the checkpoint tests write into it. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKPOINT_FILE } from '../../src/io/register/register-checkpoint.js';
import { eventLine } from '../../src/register/chain.js';
import type { RegisterEvent } from '../../src/register/events.js';
import { replayEager } from '../../src/register/state.js';
import { StoredRecord } from '../../src/register/stored.js';
import { ColumnRecord, storedFields } from '../../src/register/stored-columns.js';

/** A new workspace with an empty register folder; its path is pushed on `dirs` (the test file removes them). */
export function registerWorkspace(dirs: string[], prefix: string): string {
  const ws = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  return ws;
}
export const logOf = (ws: string): string => join(ws, 'register', 'events.jsonl');
export const checkpointOf = (ws: string): string => join(ws, 'register', CHECKPOINT_FILE);
/** The log's text for these events, as our writer writes it. */
export const logText = (events: RegisterEvent[]): string => events.map(eventLine).join('');

/**
 * A value as plain data for toEqual: every LineSource (the log a record's line is read from, one workspace's or another
 * port's) as one marker, Maps as entries, a record read from the log or from a checkpoint's columns as the fields a
 * reader sees (stored-columns.ts).
 */
export function plainValue(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(plainValue);
  if (x instanceof Map) return [...x.entries()].map(([k, v]) => [k, plainValue(v)]);
  if (typeof x === 'object' && x !== null) {
    if (typeof (x as { readLine?: unknown }).readLine === 'function') return 'the log';
    if (x instanceof StoredRecord || x instanceof ColumnRecord) return plainValue(storedFields(x));
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plainValue(v)]));
  }
  return x;
}

/** The state these events replay to — its records, batches, objections, seq and head — as plain values (toEqual). */
export function plainState(events: Parameters<typeof replayEager>[0]): unknown {
  const s = replayEager(events);
  return plainValue({ seq: s.seq, head: s.head, batches: s.batches, objections: s.objections, records: s.records });
}
