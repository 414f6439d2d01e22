/** `hrss-credit page [--out FILE]`: the self-check page for the departments (selfcheck.md). */
import { resolve } from 'node:path';
import { sourceDateEpoch, type CommandEnv } from '../env.js';
import { pageData } from '../../api/department/page.js';
import { readPageAssets } from '../../io/documents/page-assets.js';
import { writeOutputFile } from '../write-output.js';
import { shownPath } from '../../io/paths.js';
import { renderPageHtml } from '../../reporters/page-html.js';
import { emit } from '../render.js';
import type { PageDocument } from '../../schemas/documents/commands-check.js';
import { refuseToolFolder } from '../tool-folder.js';

export const PAGE_FILE = '科室自查.html';

export async function pageCommand(env: CommandEnv, opts: { out?: string }): Promise<number> {
  const epoch = sourceDateEpoch(env.io.env);
  const path = resolve(env.io.cwd, opts.out ?? PAGE_FILE);
  // Like every default output: never into the tool's own folder (people.md).
  if (opts.out === undefined) refuseToolFolder(env, path);
  const data = pageData(env.common, env.m.lang, epoch !== undefined ? new Date(epoch * 1000) : new Date());
  const assets = readPageAssets();
  const html = renderPageHtml(data, assets.engine, assets.ui);
  writeOutputFile(path, html, shownPath(env.io.cwd, path), env.io.fs);
  const shown = shownPath(env.io.cwd, path);
  const bytes = Buffer.byteLength(html);
  const doc: PageDocument = {
    schemaVersion: 1,
    command: 'page',
    path: shown,
    bytes,
    version: data.version,
    writtenAt: data.writtenAt,
    workspace: data.workspace,
  };
  emit(env, 'page', doc);
  return 0;
}
