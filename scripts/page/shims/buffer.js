// node:buffer for the page: the `buffer` package, with its UTF-8 paths on the browser's own TextEncoder
// and TextDecoder (the package's JavaScript UTF-8 loops took most of a check's time), plus isUtf8.
import { Buffer, kMaxLength } from 'buffer/index.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();
const isUtf8Name = (enc) => enc === undefined || enc === 'utf8' || enc === 'utf-8' || enc === 'UTF-8' || enc === 'UTF8';

const bufferToString = Buffer.prototype.toString;
Buffer.prototype.toString = function (enc, start, end) {
  if (!isUtf8Name(enc)) return bufferToString.call(this, enc, start, end);
  const s = start === undefined || start < 0 ? 0 : start;
  const e = end === undefined || end > this.length ? this.length : end;
  return e <= s ? '' : decoder.decode(Uint8Array.prototype.subarray.call(this, s, e));
};
Buffer.prototype.utf8Slice = function (start, end) {
  return decoder.decode(Uint8Array.prototype.subarray.call(this, start, end));
};
const from = Buffer.from;
Buffer.from = (value, enc, length) => {
  if (typeof value === 'string' && isUtf8Name(enc)) {
    const bytes = encoder.encode(value);
    return from.call(Buffer, bytes.buffer, bytes.byteOffset, bytes.length);
  }
  return from.call(Buffer, value, enc, length);
};
const byteLength = Buffer.byteLength;
Buffer.byteLength = (value, enc) => {
  if (typeof value === 'string' && isUtf8Name(enc)) {
    let n = value.length;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x80) continue;
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
        const d = value.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          n += 2;
          i++;
          continue;
        }
        n += 2;
      } else n += 2;
    }
    return n;
  }
  return byteLength.call(Buffer, value, enc);
};
const write = Buffer.prototype.write;
Buffer.prototype.write = function (string, offset, length, enc) {
  if (typeof offset === 'string') {
    enc = offset;
    offset = 0;
    length = this.length;
  } else if (typeof length === 'string') {
    enc = length;
    length = this.length - (offset ?? 0);
  }
  if (!isUtf8Name(enc)) return write.call(this, string, offset, length, enc);
  const o = offset ?? 0;
  const room = Math.min(length ?? this.length - o, this.length - o);
  return encoder.encodeInto(string, Uint8Array.prototype.subarray.call(this, o, o + room)).written;
};

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
