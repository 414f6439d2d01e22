/** A command's document to stdout through the reporters' registry (reporters/registry.ts), in the format of --format. */
import type { CommandEnv } from './env.js';
import type { DocumentName } from '../schemas/documents/index.js';
import { renderChunks, renderDocument, type DocumentOf, type RenderContext, type ViewOf } from '../reporters/registry.js';

/** The render context of a command's output: a line a command writes to stderr is drawn with it too. */
export function contextOf(env: CommandEnv): RenderContext {
  return {
    m: env.m,
    chalk: env.chalk,
    ascii: env.flags.ascii ?? false,
    width: env.width,
    quiet: env.flags.quiet ?? false,
    strict: env.flags.strict ?? false,
    ...(env.flags.maxFindings ? { maxFindings: env.flags.maxFindings } : {}),
    platform: process.platform,
  };
}

export function emit<K extends DocumentName>(env: CommandEnv, kind: K, doc: DocumentOf<K>, view?: ViewOf<K>): void {
  env.io.stdout.write(renderDocument(kind, env.flags.format, doc, contextOf(env), view));
}

/**
 * The same, a piece at a time, letting the event loop run in between: a Ctrl-C (bin/) is handled within
 * one piece however many findings a long report draws.
 */
export async function emitChunks<K extends DocumentName>(env: CommandEnv, kind: K, doc: DocumentOf<K>, view?: ViewOf<K>): Promise<void> {
  for (const chunk of renderChunks(kind, env.flags.format, doc, contextOf(env), view)) {
    env.io.stdout.write(chunk);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Text made a piece at a time by a layout (`pieces`, given the render context) to stdout through the sink, waiting
 * for a slow reader: a province's `register list` as a table (reporters/register-views.ts registerListPieces). A
 * piece of bytes is text the layout has made terminal-safe itself, UTF-8 ending after a whole character (diff's
 * aligned rows: reporters/held-rows.ts): written past the sink, or as text where stdout takes only text.
 */
export async function emitPieces(env: CommandEnv, pieces: (ctx: RenderContext) => Iterable<string | Buffer>): Promise<void> {
  const { stdout } = env.io;
  for (const piece of pieces(contextOf(env))) {
    const ok =
      typeof piece === 'string' ? stdout.write(piece) : stdout.writeBytes ? stdout.writeBytes(piece) : stdout.write(piece.toString('utf8'));
    if (ok === false && stdout.drain) await stdout.drain();
  }
}
