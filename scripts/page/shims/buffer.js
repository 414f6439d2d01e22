// node:buffer for the page: the `buffer` package, plus isUtf8 (Node 18.14+) from the browser's own decoder.
import { Buffer, kMaxLength } from 'buffer/index.js';
const fatal = new TextDecoder('utf-8', { fatal: true });
export function isUtf8(bytes) {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
export const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 0x1fffffe8 };
export { Buffer, kMaxLength };
export default { Buffer, isUtf8, kMaxLength, constants };
