/**
 * A path as a clerk reads it on the screen: control characters made visible, and the platform's own
 * separators — on Windows `packages\2026Q3`, as 使用手册 and the next-step commands write it. The one
 * helper for every path a terminal view shows; a JSON document keeps `/` (cli.md "location.file").
 */
import { nativePath, shellFor } from '../domain/shell-line.js';
import type { RenderContext } from './render-context.js';
import { visible } from './visible.js';

export function screenPath(path: string, platform: string): string {
  return nativePath(visible(path), shellFor(platform));
}

/** The platform a view is drawn for: the context's (bin/ sets it), else a POSIX one. */
export function viewPlatform(ctx: Pick<RenderContext, 'platform'>): string {
  return ctx.platform ?? 'linux';
}
