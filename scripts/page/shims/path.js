// node:path for the page: POSIX only (the memory volume's paths; issue 20 item 3).
function normalizeArray(parts, allowAbove) {
  const out = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (allowAbove) out.push('..');
    } else out.push(p);
  }
  return out;
}
export const sep = '/';
export const delimiter = ':';
export function isAbsolute(p) {
  return String(p).startsWith('/');
}
export function normalize(p) {
  p = String(p);
  if (p === '') return '.';
  const abs = isAbsolute(p);
  const trailing = p.endsWith('/');
  let out = normalizeArray(p.split('/'), !abs).join('/');
  if (!out && !abs) out = '.';
  if (out && trailing) out += '/';
  return (abs ? '/' : '') + out;
}
export function join(...parts) {
  const joined = parts.filter((x) => x !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}
export function resolve(...parts) {
  let resolved = '';
  let abs = false;
  for (let i = parts.length - 1; i >= -1 && !abs; i--) {
    const p = i >= 0 ? String(parts[i]) : '/';
    if (!p) continue;
    resolved = `${p}/${resolved}`;
    abs = p.startsWith('/');
  }
  const out = normalizeArray(resolved.split('/'), !abs).join('/');
  return (abs ? '/' : '') + out || '.';
}
export function dirname(p) {
  p = String(p);
  if (p === '') return '.';
  const abs = p.startsWith('/');
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  const i = p.lastIndexOf('/', end - 1);
  if (i < 0) return '.';
  if (i === 0) return abs ? '/' : '.';
  let j = i;
  while (j > 1 && p[j - 1] === '/') j--;
  return p.slice(0, j);
}
export function basename(p, ext) {
  p = String(p);
  let end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  const start = p.lastIndexOf('/', end - 1) + 1;
  let b = p.slice(start, end);
  if (ext && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length);
  return b;
}
export function extname(p) {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}
export function relative(from, to) {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
export function parse(p) {
  const root = isAbsolute(p) ? '/' : '';
  const base = basename(p);
  const ext = extname(p);
  const dir = dirname(p);
  return { root, dir: dir === '.' && !String(p).startsWith('.') ? '' : dir, base, ext, name: ext ? base.slice(0, -ext.length) : base };
}
export function format(o) {
  const dir = o.dir || o.root || '';
  const base = o.base || `${o.name || ''}${o.ext || ''}`;
  return dir ? (dir.endsWith('/') ? dir + base : `${dir}/${base}`) : base;
}
export function toNamespacedPath(p) {
  return p;
}
const posix = {
  sep,
  delimiter,
  isAbsolute,
  normalize,
  join,
  resolve,
  dirname,
  basename,
  extname,
  relative,
  parse,
  format,
  toNamespacedPath,
};
posix.posix = posix;
posix.win32 = posix;
export { posix, posix as win32 };
export default posix;
