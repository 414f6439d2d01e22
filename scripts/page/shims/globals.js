// Globals Node gives every module and the browser does not: injected into the page bundle by esbuild.
import { Buffer } from './buffer.js';
import { process } from './process.js';
const setImmediate = (fn, ...args) => setTimeout(fn, 0, ...args);
const clearImmediate = (id) => clearTimeout(id);
export { Buffer, process, setImmediate, clearImmediate };
