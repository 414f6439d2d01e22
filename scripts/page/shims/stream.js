// node:stream for the page: readable-stream 3 (Node 10's streams, the shape yauzl, yazl and csv-parse
// expect), plus what later Nodes added that the readers use (Readable.from: io/csv.ts streams a file
// the port holds as bytes).
import rs from 'readable-stream';

export const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = rs;
export const Stream = rs.Stream ?? rs;

// readable-stream's browser build has no Readable.from (its from-browser.js throws).
Readable.from = (iterable, opts) => {
  const it = iterable[Symbol.asyncIterator] ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
  let reading = false;
  const r = new Readable({
    objectMode: true,
    ...opts,
    read() {
      if (reading) return;
      reading = true;
      (async () => {
        try {
          for (;;) {
            const { value, done } = await it.next();
            if (done) {
              this.push(null);
              return;
            }
            if (!this.push(value)) return;
          }
        } catch (err) {
          this.destroy(err);
        } finally {
          reading = false;
        }
      })();
    },
    destroy(err, cb) {
      Promise.resolve(typeof it.return === 'function' ? it.return() : undefined).then(
        () => cb(err),
        (e) => cb(err || e),
      );
    },
  });
  return r;
};

const api = { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, Stream };
export default api;
