/** The annotated copy written: original parts streamed, replaced and added parts in, to a temporary name then renamed. */
import type { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import yazl from 'yazl';
import { type ZipArchive, normalisePartName } from '../zip/zip.js';
import { dosDate } from '../xlsx/xlsx-writer.js';
import { beforeAnnotateRename, partialWrite } from '../faults.js';
import { removeOnInterrupt } from '../cleanup.js';
import type { IoPort } from '../port.js';

export async function writeZip(
  zip: ZipArchive,
  dest: string,
  replaced: Map<string, Buffer | (() => Promise<Readable>)>,
  added: { name: string; data: Buffer }[],
  instant: Date,
  io?: IoPort,
): Promise<void> {
  const z = new yazl.ZipFile();
  const mtime = dosDate(instant);
  const opts = { mtime, forceDosTimestamp: true, compressionLevel: 6 } as yazl.Options;
  const done = new Set<string>();
  for (const name of zip.names) {
    const key = normalisePartName(name);
    if (done.has(key.toLowerCase())) continue;
    done.add(key.toLowerCase());
    const r = [...replaced.entries()].find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    if (Buffer.isBuffer(r)) z.addBuffer(r, key, opts);
    else if (r)
      z.addReadStreamLazy(key, opts, (cb) =>
        r().then(
          (s) => cb(null, s as never),
          (e: Error) => cb(e, undefined as never),
        ),
      );
    else
      z.addReadStreamLazy(key, opts, (cb) =>
        zip.stream(name).then(
          (s) => cb(null, s),
          (e: Error) => cb(e, undefined as never),
        ),
      );
  }
  for (const a of added) z.addBuffer(a.data, a.name, opts);
  z.end();
  if (io && io.diskPath(dest) === undefined) {
    // A port without a disk (memory, the browser's): the copy's bytes, written whole by the port.
    const bytes = await streamBytes(z.outputStream as unknown as Readable);
    injectedFullDisk(dest);
    io.writeFile(dest, bytes);
    return;
  }
  const tmp = `${dest}.${process.pid}.tmp`;
  // Ctrl-C while the copy is written: the temporary file goes too (bin/ runs the interrupt tasks).
  const forget = removeOnInterrupt(tmp);
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(tmp);
      z.outputStream.on('error', reject);
      z.on('error', reject);
      out.on('error', reject);
      out.on('close', () => resolve());
      z.outputStream.pipe(out);
    });
    injectedFullDisk(dest);
    await beforeAnnotateRename();
    await rename(tmp, dest);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  } finally {
    forget();
  }
}

/** `enospc-partial@part` (io/faults.ts): the copy's stream fails as a full disk makes it, ENOSPC without a path. */
export function injectedFullDisk(dest: string): void {
  if (!partialWrite(dest)) return;
  const err = new Error('ENOSPC: injected fault, write') as NodeJS.ErrnoException;
  err.code = 'ENOSPC';
  err.syscall = 'write';
  throw err;
}

/** A zip being written, as bytes (for a port that takes a file whole). */
export async function streamBytes(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
