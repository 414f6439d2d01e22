// node:stream for the page: readable-stream 3 (Node 10's streams, the shape yauzl, yazl, saxes' callers
// and csv-parse expect), plus what later Nodes added that the readers use.
import rs from 'readable-stream';
export const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = rs;
export const Stream = rs.Stream ?? rs;
const api = { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, Stream };
export default api;
