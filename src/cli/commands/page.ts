/** `hrss-credit page [--out FILE]`: the self-check page for the departments (selfcheck.md). */
import { resolve } from 'node:path';
import { sourceDateEpoch, type CommandEnv } from '../env.js';
import { pageData } from '../../api/department/page.js';
import { readPageAssets } from '../../io/documents/page-assets.js';
import { writeOutputFile } from '../write-output.js';
import { shownPath } from '../../io/paths.js';
import { pageText } from '../../messages/page.js';
import { formatJson } from '../../reporters/json.js';
import { renderPageHtml } from '../../reporters/page-html.js';
import { visible } from '../../reporters/visible.js';
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
  if (env.flags.format === 'json')
    env.io.stdout.write(
      formatJson({
        schemaVersion: 1,
        command: 'page',
        path: shown,
        bytes,
        version: data.version,
        writtenAt: data.writtenAt,
        workspace: data.workspace,
      }),
    );
  else env.io.stdout.write(`${env.chalk.green(pageText(env.m.lang).written(visible(shown), Math.ceil(bytes / 1024)))}\n`);
  return 0;
}
