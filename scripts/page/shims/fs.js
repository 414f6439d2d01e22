// node:fs for the page (issue 20): nothing. Every file the page reads or writes goes through the api's
// port (ctx.io, a MemoryPort: src/page/engine.ts); the modules that import node:fs (Node's port, the
// CSV worker's read stream, yauzl's file reader) are loaded but never run on a path in the page. A call
// that gets here all the same fails as a file system without the call would (ENOSYS): the reader
// makes it a finding (FILE_UNREADABLE), never a silent empty file.
function nosys(name) {
  return (...args) => {
    const e = new Error(`ENOSYS: the page has no file system (fs.${name}); files go through ctx.io`);
    e.code = 'ENOSYS';
    e.syscall = name;
    const done = args[args.length - 1];
    if (typeof done === 'function' && !name.endsWith('Sync') && !name.startsWith('create')) {
      queueMicrotask(() => done(e));
      return undefined;
    }
    throw e;
  };
}
const names = [
  'statSync',
  'lstatSync',
  'existsSync',
  'realpathSync',
  'readdirSync',
  'writeFileSync',
  'readFileSync',
  'mkdirSync',
  'mkdtempSync',
  'rmSync',
  'unlinkSync',
  'renameSync',
  'openSync',
  'fstatSync',
  'closeSync',
  'readSync',
  'writeSync',
  'fsyncSync',
  'linkSync',
  'accessSync',
  'copyFileSync',
  'ftruncateSync',
  'utimesSync',
  'open',
  'close',
  'fstat',
  'stat',
  'lstat',
  'read',
  'createReadStream',
  'createWriteStream',
];
const fs = Object.fromEntries(names.map((n) => [n, nosys(n)]));
fs.existsSync = () => false;
fs.realpathSync.native = fs.realpathSync;
export const constants = {
  O_RDONLY: 0,
  O_NOFOLLOW: 0,
  O_NONBLOCK: 0,
  O_WRONLY: 1,
  O_CREAT: 64,
  O_EXCL: 128,
  O_TRUNC: 512,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
};
export const promises = Object.fromEntries(
  ['open', 'stat', 'lstat', 'readdir', 'readFile', 'writeFile', 'mkdir', 'mkdtemp', 'rm', 'unlink', 'rename', 'realpath', 'access'].map(
    (n) => [n, async () => nosys(`promises.${n}Sync`)()],
  ),
);
export const {
  statSync,
  lstatSync,
  existsSync,
  realpathSync,
  readdirSync,
  writeFileSync,
  readFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  unlinkSync,
  renameSync,
  openSync,
  fstatSync,
  closeSync,
  readSync,
  writeSync,
  fsyncSync,
  linkSync,
  accessSync,
  copyFileSync,
  ftruncateSync,
  utimesSync,
  open,
  close,
  fstat,
  stat,
  lstat,
  read,
  createReadStream,
  createWriteStream,
} = fs;
export default { ...fs, constants, promises };
