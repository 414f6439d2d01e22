/**
 * What the self-check page's two halves say to each other (selfcheck.md): the page (ui.ts, the main
 * thread) hands the dropped file to its worker (engine.ts, made from an inline blob), which runs the
 * tool's own validate and annotate over it and answers with the report document and what to show.
 */

import type { PageData } from '../api/department/page.js';

export type { PageData };

export interface CheckRequest {
  type: 'check';
  name: string;
  /** The file's bytes, or only its size when it is over limits.maxFileBytes. */
  bytes?: ArrayBuffer;
  size: number;
  department?: string;
  lang: 'zh-CN' | 'en';
  /** YYYY-MM-DD; else today in Asia/Shanghai (as the CLI). */
  today?: string;
  data: PageData;
}

/** One line of the findings table, grouped as the CLI's pretty output groups them. */
export interface ViewLine {
  location: string;
  severity: 'error' | 'warning' | 'info';
  severityLabel: string;
  code: string;
  message: string;
  hint: string;
  count: number;
}

export interface ViewGroup {
  title: string;
  lines: ViewLine[];
  /** Findings counted but not kept (limits.maxFindingsPerCode), one sentence each. */
  dropped: string[];
}

export interface CheckView {
  valid: boolean;
  summary: string;
  verdict: string;
  groups: ViewGroup[];
  /** What only the bureau can check (the register, other departments). */
  bureauOnly: string;
  /** The file is a case file (a report, picture or scan), judged as evidence only, as `validate 典型案例.pdf`. */
  evidenceOnly: boolean;
}

export type EngineMessage =
  | { type: 'progress'; file: string; rows: number }
  | {
      type: 'done';
      /** The report document, as `validate --annotate --format json` prints it. */
      json: string;
      view: CheckView;
      annotated: { name: string; bytes: ArrayBuffer }[];
    }
  | { type: 'failed'; message: string; json?: string };
