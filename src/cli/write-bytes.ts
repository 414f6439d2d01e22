/** A document's JSON as bytes (reporters/json-bytes.ts) to stdout, a part at a time. */
import type { CliIo, CommandEnv } from './env.js';
import { beforeStreamPart } from '../io/faults.js';
import { toolErrorOf } from '../diagnostics/tool-error.js';

/**
 * Writes a part past the sink (the parts are terminal-safe as made), or as text where stdout takes only text
 * (the sink then finds nothing to change); waits for a slow reader, so that what it has not read is never all
 * in memory.
 */
async function writePart(stdout: CliIo['stdout'], part: Buffer): Promise<void> {
  const ok = stdout.writeBytes ? stdout.writeBytes(part) : stdout.write(part.toString('utf8'));
  if (ok === false && stdout.drain) await stdout.drain();
}

/**
 * One JSON document whose items are read as they are written (register list, diff: jsonBytesParts and
 * jsonSectionsParts), so that stdout holds one JSON document whatever happens (cli.md). A failure before any
 * part is written is thrown as any command's (bin/ writes the error document, exit 2). Once parts are on
 * stdout, they end right after an item of the document's open top-level array (the only place those writers
 * yield while reading): the array is closed there and the document ends with `"valid": false` and the
 * `"error"` object an exit-2 document carries (docs/decisions.md "A streamed document cut by a failure").
 * Returns the exit code: 0, or 2 after such a closing. A failure of stdout itself is thrown.
 */
export async function writeStreamedDocument(env: CommandEnv, command: string, parts: Iterable<Buffer>): Promise<number> {
  const it = parts[Symbol.iterator]();
  let written = 0;
  let done = false;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        beforeStreamPart(written);
        next = it.next();
      } catch (err) {
        if (written === 0) throw err;
        const { formatJson, toJsonError } = await import('../reporters/json.js');
        const { error } = toJsonError(command, toolErrorOf(err), env.m);
        // `{\n  "valid": false,\n  "error": …\n}\n` without its opening brace, after the array's end.
        env.io.stdout.write(`\n  ],${formatJson({ valid: false, error }).slice(1)}`);
        if (env.flags.debug === true && err instanceof Error) env.io.stderr.write(`${err.stack ?? String(err)}\n`);
        return 2;
      }
      if (next.done) {
        done = true;
        return 0;
      }
      await writePart(env.io.stdout, next.value);
      written++;
    }
  } finally {
    // Stopped before its end (a failure, stdout gone): the parts' own cleanup runs (diff's spooled sections:
    // their temporary file, which Windows keeps until it is closed).
    if (!done) it.return?.();
  }
}
