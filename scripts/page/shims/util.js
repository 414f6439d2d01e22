// node:util for the page: what readable-stream, yauzl, yazl and the readers call.
export function inherits(ctor, superCtor) {
  if (superCtor) {
    ctor.super_ = superCtor;
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }
}
export function deprecate(fn) {
  return fn;
}
export function promisify(fn) {
  return (...args) => new Promise((resolve, reject) => fn(...args, (err, v) => (err ? reject(err) : resolve(v))));
}
export function inspect(v) {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return String(v);
  }
}
export function format(f, ...args) {
  let i = 0;
  return (
    String(f).replace(/%[sdj%]/g, (m) => (m === '%%' ? '%' : inspect(args[i++]))) +
    (i < args.length ? ` ${args.slice(i).map(inspect).join(' ')}` : '')
  );
}
export function debuglog() {
  return () => {};
}
export const types = { isUint8Array: (v) => v instanceof Uint8Array };
const TD = globalThis.TextDecoder;
const TE = globalThis.TextEncoder;
export { TD as TextDecoder, TE as TextEncoder };
export default { inherits, deprecate, promisify, inspect, format, debuglog, types, TextDecoder: TD, TextEncoder: TE };
