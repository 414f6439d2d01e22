/** A register folder in a temporary workspace and the paths and text the checkpoint tests write into it. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKPOINT_FILE } from '../../src/io/register/register-checkpoint.js';
import { eventLine } from '../../src/register/chain.js';
import type { RegisterEvent } from '../../src/register/events.js';

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
