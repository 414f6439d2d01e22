/**
 * Reading the small JSON files the user points at (config, template, a package's manifest): only
 * regular files, opened without blocking (a FIFO or a device would hang a synchronous read and
 * ignore SIGTERM) and read up to a cap (`/dev/zero` never ends).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { nodePort } from './node-port.js';
import type { IoPort } from './port.js';

/** 1 MB: a config or a template is a few KB; anything bigger is not one. */
export const MAX_SETTINGS_BYTES = 1_048_576;

export type ReadProblem = { problem: 'unreadable'; detail: string } | { problem: 'notFile' } | { problem: 'tooLarge'; limit: number };

export class ReadFileProblem extends Error {
  constructor(readonly info: ReadProblem) {
    super(info.problem);
  }
}

/** The bytes of a regular file of at most `maxBytes`; a ReadFileProblem otherwise. */
export function readRegularFile(file: string, maxBytes = MAX_SETTINGS_BYTES): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new ReadFileProblem({ problem: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ReadFileProblem({ problem: 'notFile' });
    if (st.size > maxBytes) throw new ReadFileProblem({ problem: 'tooLarge', limit: maxBytes });
    // Read in chunks rather than trusting st.size: a file may grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(65_536);
      const r = readSync(fd, chunk, 0, chunk.length, null);
      if (r === 0) break;
      total += r;
      if (total > maxBytes) throw new ReadFileProblem({ problem: 'tooLarge', limit: maxBytes });
      chunks.push(chunk.subarray(0, r));
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof ReadFileProblem) throw err;
    throw new ReadFileProblem({ problem: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
  } finally {
    closeSync(fd);
  }
}

/**
 * readRegularFile() on a port: on Node's port exactly readRegularFile(); on another (memory, the
 * browser's) the port's bounded read, its errors mapped to the same problems.
 */
export function readRegularOn(io: IoPort, file: string, maxBytes = MAX_SETTINGS_BYTES): Uint8Array {
  if (io === nodePort) return readRegularFile(file, maxBytes);
  try {
    return io.readFileSync(file, maxBytes);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'unreadable';
    if (code === 'ENOTFILE') throw new ReadFileProblem({ problem: 'notFile' });
    if (code === 'EFBIG') throw new ReadFileProblem({ problem: 'tooLarge', limit: maxBytes });
    throw new ReadFileProblem({ problem: 'unreadable', detail: code });
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * The text of a settings file a bureau wrote by hand (config, template, measures). JSON is UTF-8, but Notepad on
 * Chinese Windows saves "ANSI" (GBK) or "Unicode" (UTF-16 with BOM): decoded as UTF-8, every Chinese name became
 * U+FFFD without a word (a `domainMaxYears` key no longer matched; the bureau's name was exported garbled). As for
 * a list's CSV (submission.md): a BOM decides, else UTF-8 when valid, else GB18030; neither: undefined.
 */
export function settingsText(bytes: Uint8Array): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le', { fatal: false }).decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be', { fatal: false }).decode(bytes.subarray(2));
  const body = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return UTF8.decode(body);
  } catch {
    // not UTF-8: GB18030 below
  }
  try {
    return GB18030.decode(body);
  } catch {
    return undefined;
  }
}

/** JSON.parse with the place of a syntax error as line and column (1-based), not the engine's English. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; line: number; column: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const pos = m ? Math.min(Number(m[1]), text.length) : text.length;
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - (before.lastIndexOf('\n') + 1) + 1;
    return { ok: false, line, column };
  }
}
