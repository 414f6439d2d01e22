/**
 * What `verify` checks: a package folder or zip as given (cli.md `verify <package-dir>`), else a batch name
 * (`2026Q3`, `2026Q3-2`, `2026年第三季度第2批`) — the workspace's packages/<batch>/, else packages/<batch>.zip —
 * as export, status and report take batch names. Neither: PACKAGE_NOT_FOUND saying both were looked for.
 */
import { join, resolve } from 'node:path';
import { formatBatch, resolveBatch } from '../../domain/quarter.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { folderState } from '../../io/workspace/workspace.js';
import { recoverPackages } from '../../io/package/package-fs.js';
import type { CommonOptions } from '../context.js';

export async function verifyTarget(target: string, options: CommonOptions): Promise<string> {
  const io = options.io;
  // A path (there, or written as one: a package an interrupted swap left aside is recovered by verify) is the
  // package, or not one (verify says so); the workspace's config is not read for it.
  if (/[\\/]/.test(target) || folderState(resolve(options.cwd, target), io) !== 'missing') return target;
  // The config and its schema are loaded only for a name, not for a package path (verify's start-up).
  const { makeContext } = await import('../context.js');
  const ctx = makeContext(options);
  const batch = resolveBatch(target, ctx.today);
  if (batch === undefined) return target;
  const name = formatBatch(batch);
  if (ctx.workspace === undefined) throw new ToolError('PACKAGE_NOT_FOUND', { path: target, batch: name, workspace: 'none' });
  const folder = join(ctx.workspace, 'packages', name);
  // An interrupted swap of this package is finished (or rolled back) before it is looked for.
  recoverPackages(join(ctx.workspace, 'packages'), name, ctx.io);
  if (folderState(folder, ctx.io) === 'folder') return folder;
  if (folderState(`${folder}.zip`, ctx.io) === 'file') return `${folder}.zip`;
  throw new ToolError('PACKAGE_NOT_FOUND', { path: target, batch: name });
}
