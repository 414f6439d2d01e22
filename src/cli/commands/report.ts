/** `hrss-credit report <batch|year> [--out FILE]` */
import type { CommandEnv } from '../env.js';
import { parseReportTarget, reportModel, reportPath } from '../../api/reports/report-page.js';
import { writeOutputFile } from '../write-output.js';
import { shownPath } from '../../io/paths.js';
import { renderReportHtml } from '../../reporters/html.js';
import { emit } from '../render.js';
import { sourceDateEpoch } from '../env.js';
import { refuseToolFolder } from '../tool-folder.js';
import type { ReportViewDocument } from '../../schemas/documents/report-view.js';

export async function reportCommand(env: CommandEnv, target: string, opts: { out?: string }): Promise<number> {
  const epoch = sourceDateEpoch(env.io.env);
  const parsed = parseReportTarget(env.common, target);
  const model = await reportModel(env.common, parsed, epoch);
  const path = reportPath(env.common, model, opts.out);
  if (opts.out === undefined) refuseToolFolder(env, path);
  const html = renderReportHtml(model, env.m);
  writeOutputFile(path, html, shownPath(env.io.cwd, path), env.io.fs);
  const shown = shownPath(env.io.cwd, path);
  // The model the page was drawn from (truth.md), typed by its one schema; on the terminal, where the page went.
  const doc: ReportViewDocument = { schemaVersion: 2, command: 'report', path: shown, ...model };
  emit(env, 'report-view', doc);
  return 0;
}
