// The Node built-ins the page never really uses: present so that the modules that import them load.
export const tmpdir = () => '/tmp';
export const homedir = () => '/';
export const EOL = '\n';
export const hostname = () => 'browser';
export const uptime = () => 0;
export const platform = () => 'browser';
export const cpus = () => [{}];
export const setFlagsFromString = () => {};
export const runInNewContext = () => undefined;
export const isMainThread = true;
export const parentPort = null;
export const workerData = undefined;
export class Worker {
  constructor() {
    // The page parses CSV inline in its own worker (src/page/engine.ts sets the threshold to Infinity).
    throw new Error('page: no worker_threads');
  }
}
export const fileURLToPath = (u) => (typeof u === 'string' ? new URL(u) : u).pathname;
export const pathToFileURL = (p) => new URL(`file://${p}`);
export function createRequire() {
  return (id) => {
    throw new Error(`page: require(${id}) is not available`);
  };
}
export const spawnSync = () => {
  throw new Error('page: no child processes');
};
export const execFileSync = spawnSync;
export default {
  tmpdir,
  homedir,
  EOL,
  hostname,
  uptime,
  platform,
  cpus,
  setFlagsFromString,
  runInNewContext,
  isMainThread,
  parentPort,
  workerData,
  Worker,
  fileURLToPath,
  pathToFileURL,
  createRequire,
  spawnSync,
  execFileSync,
};
