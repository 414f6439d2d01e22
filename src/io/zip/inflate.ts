/**
 * A deflated part inflated with a large output chunk (issue 22: a 115 MB sheet part came out of
 * yauzl's inflate in 16 KB pieces, each a zlib callback, a stream hop through yauzl's size check and
 * a promise of the reader's loop). The compressed bytes come from yauzl raw; the inflated size is
 * checked as yauzl checks it (validateEntrySizes), with yauzl's own messages: no more than the
 * central directory declares (a zip bomb stops there), and not fewer at the end.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * zlib's own output chunk, which yauzl's inflate hands on: a consumer that acts per chunk (the XML
 * reader's limits, the size check below) acts per unit of this many bytes, counted from the part's
 * start, whatever the chunk size it was inflated with, and so finds what it found before.
 */
export const INFLATE_UNIT = 16 * 1024;

class AssertSize extends Transform {
  private actual = 0;
  constructor(private readonly expected: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const start = this.actual;
    this.actual += chunk.length;
    if (this.actual > this.expected) {
      // As yauzl: the units that fit are handed on, the one that goes past the size is not, and the
      // count named is where that unit ends.
      const unitStart = Math.floor(this.expected / INFLATE_UNIT) * INFLATE_UNIT;
      const from = Math.max(unitStart, start);
      const at = Math.min(from + INFLATE_UNIT - (from % INFLATE_UNIT), this.actual);
      if (from > start) this.push(chunk.subarray(0, from - start));
      cb(new Error(`too many bytes in the stream. expected ${this.expected}. got at least ${at}`));
      return;
    }
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    if (this.actual < this.expected) {
      cb(new Error(`not enough bytes in the stream. expected ${this.expected}. got only ${this.actual}`));
      return;
    }
    cb();
  }
}

/** Inflates `raw` (a deflated entry's bytes) in chunks of `chunkSize`, checking the declared size. */
export function inflateChecked(raw: Readable, uncompressedSize: number, chunkSize: number): Readable {
  const inflate = createInflateRaw({ chunkSize });
  const out = new AssertSize(uncompressedSize);
  let destroyed = false;
  raw.on('error', (err) => setImmediate(() => !destroyed && out.destroy(err)));
  inflate.on('error', (err) => setImmediate(() => !destroyed && out.destroy(err)));
  raw.pipe(inflate).pipe(out);
  const destroy = out.destroy.bind(out);
  out.destroy = (err?: Error) => {
    destroyed = true;
    raw.unpipe(inflate);
    inflate.unpipe(out);
    raw.destroy();
    inflate.destroy();
    return destroy(err);
  };
  return out;
}
