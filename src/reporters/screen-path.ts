/**
 * A path as a clerk reads it on the screen: control characters made visible, and the platform's own
 * separators — on Windows `packages\2026Q3`, as 使用手册 and the next-step commands write it. The one
 * helper for every path a terminal view shows; a JSON document keeps `/` (cli.md "location.file").
 */
import { nativePath, shellFor } from '../domain/shell-line.js';
import type { RenderContext } from './render-context.js';
import { visible, visibleArgs } from './visible.js';

export function screenPath(path: string, platform: string): string {
  return nativePath(visible(path), shellFor(platform));
}

/** The platform a view is drawn for: the context's (bin/ sets it), else a POSIX one. */
export function viewPlatform(ctx: Pick<RenderContext, 'platform'>): string {
  return ctx.platform ?? 'linux';
}

/** The arguments of findings and tool errors that are paths (workspace-relative or as given): `/` in the JSON. */
const PATH_ARGS = new Set(['path', 'file', 'folder', 'folders']);
/** Arguments that are places (PlaceArg: a file, its sheet and row), one or a list. */
const PLACE_ARGS = new Set(['covers', 'places', 'other']);

/**
 * A message's arguments as a screen line shows them: every value made visible (never obeyed), and each path —
 * PACKAGE_EXISTS's `path`, PATH_UNREADABLE's, a duplicate's `folders`, a place's `file` — with the platform's
 * separators through screenPath, so that the text of a message agrees with the lines around it on Windows.
 */
export function screenArgs<T extends object>(args: T, platform: string): T {
  const shown = visibleArgs(args) as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  const path = (v: unknown): unknown => (typeof v === 'string' ? screenPath(v, platform) : v);
  const place = (v: unknown): unknown =>
    v !== null && typeof v === 'object' && typeof (v as { file?: unknown }).file === 'string'
      ? { ...(v as object), file: path((v as { file: string }).file) }
      : v;
  for (const [k, v] of Object.entries(shown)) {
    const kind = PATH_ARGS.has(k) ? path : PLACE_ARGS.has(k) ? place : undefined;
    if (!kind) continue;
    out ??= { ...shown };
    out[k] = Array.isArray(v) ? v.map(kind) : kind(v);
  }
  return (out ?? shown) as T;
}
