import rs from 'readable-stream';
export function pipeline(...streams) {
  return new Promise((resolve, reject) => rs.pipeline(...streams, (err) => (err ? reject(err) : resolve())));
}
export function finished(stream) {
  return new Promise((resolve, reject) => rs.finished(stream, (err) => (err ? reject(err) : resolve())));
}
export default { pipeline, finished };
