// node:zlib for the page: raw deflate through the web's DecompressionStream / CompressionStream
// ('deflate-raw'), so a zip is inflated by the browser itself (issue 20 item 3). Only what yauzl
// (reading) and yazl (the annotated copy) call.
import { Buffer } from 'node:buffer';
import { Transform } from 'node:stream';

// Node's zlib hands its output on in pieces of 16 KiB (zlib.constants.Z_DEFAULT_CHUNK); the browser's in larger
// ones. A stream that counts what it is given (yauzl's check of an entry's declared size) says how much it had
// when it stopped: the same pieces give the same words, in the page's report as in validate's.
const CHUNK = 16 * 1024;

function webTransform(make) {
  const ts = make();
  const writer = ts.writable.getWriter();
  const reader = ts.readable.getReader();
  let failed;
  const t = new Transform({
    transform(chunk, _enc, next) {
      writer.write(new Uint8Array(chunk)).then(
        () => next(),
        (e) => next(zerr(e)),
      );
    },
    flush(done) {
      writer.close().catch(() => {});
      pump.then(() => done(failed), done);
    },
  });
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (let at = 0; at < (value?.length ?? 0); at += CHUNK)
          t.push(Buffer.from(value.buffer, value.byteOffset + at, Math.min(CHUNK, value.length - at)));
      }
    } catch (e) {
      failed = zerr(e);
      t.destroy(failed);
    }
  })();
  const destroy = t._destroy.bind(t);
  t._destroy = (err, cb) => {
    writer.abort().catch(() => {});
    reader.cancel().catch(() => {});
    destroy(err, cb);
  };
  return t;
}
function zerr(e) {
  const err = new Error(e?.message ? e.message : 'invalid compressed data');
  err.code = 'Z_DATA_ERROR';
  return err;
}

export function createInflateRaw() {
  return webTransform(() => new DecompressionStream('deflate-raw'));
}
export function createDeflateRaw() {
  return webTransform(() => new CompressionStream('deflate-raw'));
}
// `new zlib.DeflateRaw(options)` (yazl): a constructor returning the stream.
export function DeflateRaw() {
  return createDeflateRaw();
}
export function InflateRaw() {
  return createInflateRaw();
}
async function whole(make, bytes) {
  const out = [];
  const ts = make();
  const w = ts.writable.getWriter();
  w.write(new Uint8Array(bytes)).catch(() => {});
  w.close().catch(() => {});
  const r = ts.readable.getReader();
  for (;;) {
    const { value, done } = await r.read();
    if (done) break;
    out.push(value);
  }
  return Buffer.concat(out.map((v) => Buffer.from(v.buffer, v.byteOffset, v.length)));
}
export function deflateRaw(buffer, opts, cb) {
  if (typeof opts === 'function') cb = opts;
  whole(() => new CompressionStream('deflate-raw'), buffer).then(
    (b) => cb(null, b),
    (e) => cb(zerr(e)),
  );
}
export function inflateRaw(buffer, opts, cb) {
  if (typeof opts === 'function') cb = opts;
  whole(() => new DecompressionStream('deflate-raw'), buffer).then(
    (b) => cb(null, b),
    (e) => cb(zerr(e)),
  );
}
export const constants = { Z_SYNC_FLUSH: 2, Z_FINISH: 4, Z_OK: 0, Z_BUF_ERROR: -5 };
// No native CRC-32 in the page: src/register/crc32.ts then uses its table in JavaScript (the same result). Named
// here so that the build does not warn that the import 'will always be undefined'.
export const crc32 = undefined;
export default { DeflateRaw, InflateRaw, createInflateRaw, createDeflateRaw, deflateRaw, inflateRaw, constants };
