/** What a terminal layout needs besides its document (reporters/registry.ts): the language, colours, borders, width. */
import type { ChalkInstance } from 'chalk';
import type { Messages } from '../messages/index.js';

export type Format = 'pretty' | 'json';

export interface RenderContext {
  m: Messages;
  chalk: ChalkInstance;
  ascii: boolean;
  width: number;
  /** `--quiet`: the findings tables show errors only (and warnings under `--strict`). */
  quiet?: boolean;
  /** `--strict`: warnings fail the run, so `--quiet` still shows them. */
  strict?: boolean;
  /** `--max-findings`: table lines per file. */
  maxFindings?: number;
  /** The platform paths on the screen are written for (`process.platform`; reporters/screen-path.ts). */
  platform?: string;
}
