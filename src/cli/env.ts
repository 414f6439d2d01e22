/**
 * What every command shares: the process edges (CliIo), the global flags, the environment a command
 * runs in, and the helpers several commands use. program.ts builds a CommandEnv and the commands take
 * one; both import this module, so program ↔ commands form no cycle.
 */
import type { ChalkInstance } from 'chalk';
import type { Messages } from '../messages/index.js';
import type { WriterOptions } from '../api/register/register.js';
import { ToolError } from '../diagnostics/tool-error.js';
import type { IoPort } from '../io/port.js';

export interface CliIo {
  /**
   * `write` returns false when the reader is behind; `drain` then resolves when it has caught up. `writeBytes`:
   * UTF-8 the caller has made terminal-safe itself (reporters/json-bytes.ts), past the sink; without it, such
   * bytes are written as text.
   */
  stdout: {
    write(s: string): unknown;
    writeBytes?(b: Uint8Array): unknown;
    drain?(): Promise<void>;
    isTTY?: boolean;
    columns?: number;
  };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** The folder the tool runs from (the clone or the release folder): default outputs never go there. */
  toolDir?: string;
  /** The file system the commands run on (io/port.ts); Node's when absent (bin/ never sets it; tests and the page may). */
  fs?: IoPort;
}

export interface GlobalFlags {
  workspace?: string;
  config?: string;
  format: 'pretty' | 'json';
  lang?: string;
  today?: string;
  strict?: boolean;
  ignore: string[];
  quiet?: boolean;
  debug?: boolean;
  color?: boolean;
  ascii?: boolean;
  maxFindings?: number;
}

export interface CommandEnv {
  io: CliIo;
  flags: GlobalFlags;
  m: Messages;
  chalk: ChalkInstance;
  width: number;
  common: { cwd: string; workspace?: string; config?: string; today?: string; strict?: boolean; ignore: string[]; io?: IoPort };
}

/** SOURCE_DATE_EPOCH (seconds), for reproducible packages, reports and letters. */
export function sourceDateEpoch(env: Record<string, string | undefined>): number | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v)) throw new ToolError('DATE_INVALID', { value: `SOURCE_DATE_EPOCH=${v}` });
  return Number(v);
}

/** What every writing command shares: who (`--by`, else HRSS_CREDIT_USER), the clock, the lock wait. */
export function writer(env: CommandEnv, by: string | undefined): WriterOptions {
  const e = env.io.env;
  const user = by ?? (e.HRSS_CREDIT_USER || undefined);
  const now = e.HRSS_CREDIT_NOW ? new Date(e.HRSS_CREDIT_NOW) : undefined;
  const wait = e.HRSS_CREDIT_LOCK_WAIT_MS ? Number(e.HRSS_CREDIT_LOCK_WAIT_MS) : undefined;
  return {
    ...env.common,
    ...(user !== undefined ? { by: user } : {}),
    ...(now && !Number.isNaN(now.getTime()) ? { now } : {}),
    ...(wait !== undefined && Number.isFinite(wait) ? { lockWaitMs: wait } : {}),
  };
}
