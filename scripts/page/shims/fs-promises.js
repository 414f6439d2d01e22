import fs from './fs.js';
export const { open, stat, lstat, readdir, readFile, writeFile, mkdir, mkdtemp, rm, unlink, rename, realpath, access } = fs.promises;
export default fs.promises;
