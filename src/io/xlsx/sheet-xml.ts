/**
 * A tokenizer of our own for the big parts (a worksheet's rows, the shared strings), beside saxes
 * (issue 22 item 3: saxes was more than half of the raw stack). It reads what Excel and its peers write —
 * elements, attributes in either quote, the five predefined entities and character references, CDATA,
 * comments, namespace prefixes, CR LF line ends — and gives the handlers exactly the events saxes gives,
 * at the same points of the same units. Anything else (a processing instruction, a DOCTYPE, a name
 * outside ASCII, a malformed tag, an unknown entity, a disallowed character, whatever follows the root)
 * is not decided here: the tokenizer hands over to saxes at the start of that token, with saxes first
 * fed, its handlers muted, the declaration and the open elements, so that saxes reads the rest as if it
 * had read all along — it accepts what it accepts and fails with its own words. A token still open at
 * the end of a unit is kept for the next one; past HANDOFF_PENDING characters it too goes to saxes,
 * whose buffers parseXmlStream then checks as before (xml.ts checkPending).
 */
import type { SaxesParser } from 'saxes';
import { unreadable } from '../errors.js';
import { type Attrs, type FlatAttrs, type XmlHandlers, type XmlSink, type XmlSinkFactory, makeParser } from './xml.js';

/**
 * A pending token longer than this goes to saxes. At or under it no saxes buffer checkPending looks at
 * (a text, a name, an entity, the attributes of one tag) could yet be over its limit.
 */
const HANDOFF_PENDING = 1000;

const DECLARATION = /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?: standalone=(["'])(?:yes|no)\3)?\?>$/;

const NO_ATTRIBUTES: Attrs = Object.freeze(Object.create(null) as Attrs);

/**
 * Attributes of one tag read flat (for a handler's openFlat) at most: a name is checked against those
 * before it one by one, so a tag with more goes to saxes (Excel writes at most 13, on a `<row>`).
 */
const FLAT_MAX = 32;

/** Character classes by code unit (a table, read inline in the hot loops): ASCII names and white space. */
const NAME_START = 1;
const NAME = 2;
const SPACE = 4;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
  if (start) CLASS[c] = NAME_START | NAME;
  else if ((c >= 48 && c <= 57) || c === 45 || c === 46) CLASS[c] = NAME;
  else if (c === 32 || c === 10 || c === 9 || c === 13) CLASS[c] = SPACE;
}

/** ASCII name start characters: A–Z, a–z, `_`, `:`. */
function isNameStart(c: number): boolean {
  return ((CLASS[c] as number) & NAME_START) !== 0;
}

/** XML white space. */
function isS(c: number): boolean {
  return ((CLASS[c] as number) & SPACE) !== 0;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * `s[from, to)`, the same string object as the last time a name of that first character and length
 * was read when it is the same name: a sheet names a handful of elements and attributes millions of
 * times, and a property key that is the same object is found without hashing it again.
 */
const names: (string | undefined)[] = new Array(128 * 32);
/** The local name of each name in `names`, at the same index. */
const locals: string[] = new Array(128 * 32);
/** The local name of the name intern returned last. */
let lastLocal = '';
function intern(s: string, from: number, to: number): string {
  const len = to - from;
  if (len >= 32) {
    const name = s.slice(from, to);
    lastLocal = localName(name);
    return name;
  }
  const key = (s.charCodeAt(from) << 5) | len; // an ASCII name start: < 128
  const hit = names[key];
  if (hit !== undefined && s.startsWith(hit, from)) {
    lastLocal = locals[key] as string;
    return hit;
  }
  const name = s.slice(from, to);
  names[key] = name;
  lastLocal = locals[key] = localName(name);
  return name;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character reference's code point as XML 1.0 allows it (saxes's isChar10), else -1. */
function charRef(entity: string): number {
  let n = Number.NaN;
  if (entity.charCodeAt(1) === 120 && /^#x[0-9a-fA-F]+$/.test(entity)) n = Number.parseInt(entity.slice(2), 16);
  else if (/^#[0-9]+$/.test(entity)) n = Number.parseInt(entity.slice(1), 10);
  if (n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff))
    return n;
  return -1;
}

/** How a run of character data is read. */
const enum Run {
  /** Text between tags: entities decoded, line ends normalised, `]]>` refused. */
  Text,
  /** An attribute value: entities decoded, tab and line ends read as a space, `<` refused. */
  Attribute,
  /** CDATA: line ends normalised, nothing else. */
  Cdata,
  /** A comment's body: only checked. */
  Comment,
}

/**
 * `s[from, to)` as saxes reads it, or undefined when saxes would fail on it or read it in a way not
 * done here (the tokenizer then hands over). The common run, without any of `& < ] CR` or a character
 * outside U+0020–U+D7FF other than tab and LF, is a slice.
 */
function readRun(s: string, from: number, to: number, kind: Run): string | undefined {
  let plain = true;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (
      c < 0x20
        ? (c !== 10 && c !== 9) || kind === Run.Attribute
        : c === 38 || c === 60 || c === 93 || (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe))
    ) {
      plain = false;
      break;
    }
  }
  if (plain) return s.slice(from, to);
  let out = '';
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && (c < 0xd800 || (c > 0xdfff && c < 0xfffe))) {
      if (c === 38 && (kind === Run.Text || kind === Run.Attribute)) {
        const semi = s.indexOf(';', i + 1);
        if (semi < 0 || semi >= to) return undefined;
        const name = s.slice(i + 1, semi);
        let value = ENTITIES[name];
        if (value === undefined) {
          if (name.charCodeAt(0) !== 35) return undefined; // #
          const n = charRef(name);
          if (n < 0) return undefined;
          value = String.fromCodePoint(n);
        }
        out += s.slice(start, i) + value;
        i = semi;
        start = semi + 1;
      } else if (c === 60 && kind === Run.Attribute) return undefined;
      else if (c === 93 && kind === Run.Text && s.charCodeAt(i + 1) === 93) {
        // `]]>` may not stand in text; `]]]>` holds one.
        let j = i + 1;
        while (j < to && s.charCodeAt(j) === 93) j++;
        if (j < to && s.charCodeAt(j) === 62) return undefined;
        i = j - 1;
      }
      continue;
    }
    if (c === 10 || c === 9 || c === 13) {
      if (c === 10 && kind !== Run.Attribute) continue;
      if (c === 9 && kind !== Run.Attribute) continue;
      // CR LF and a lone CR are one LF (in an attribute, LF and tab too are a space).
      out += s.slice(start, i) + (kind === Run.Attribute ? ' ' : '\n');
      if (c === 13 && s.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
      start = i + 1;
      continue;
    }
    if (c < 0x20) return undefined;
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = i + 1 < to ? s.charCodeAt(i + 1) : 0;
      if (low < 0xdc00 || low > 0xdfff) return undefined;
      i++;
      continue;
    }
    return undefined; // a lone low surrogate, U+FFFE, U+FFFF
  }
  return out + s.slice(start, to);
}

/** A character of plain data: no markup, entity or bracket, nothing XML 1.0 forbids, no surrogate. */
function plain(c: number): boolean {
  return c < 0x20 ? c === 9 || c === 10 || c === 13 : c !== 38 && c !== 60 && c !== 93 && (c < 0xd800 || (c > 0xdfff && c < 0xfffe));
}

/**
 * Whether `t`, the start of a token not yet complete, is one saxes cannot have failed on yet (so that it
 * need not be asked, failsOn): plain text, or the start of a tag in the grammar openTag reads — a name,
 * then white space, attribute names, `=` and quoted plain values.
 */
function cleanStart(t: string): boolean {
  const n = t.length;
  if (t.charCodeAt(0) !== 60) {
    for (let i = 0; i < n; i++) if (!plain(t.charCodeAt(i))) return false;
    return true;
  }
  if (n === 1) return true;
  let p = 1;
  if (t.charCodeAt(1) === 47) p = 2;
  else if (((CLASS[t.charCodeAt(1)] as number) & NAME_START) === 0) return false;
  while (p < n && ((CLASS[t.charCodeAt(p)] as number) & NAME) !== 0) p++;
  if (p >= n) return true;
  if (t.charCodeAt(1) === 47) return false;
  for (;;) {
    if (((CLASS[t.charCodeAt(p)] as number) & SPACE) === 0) return false;
    while (p < n && ((CLASS[t.charCodeAt(p)] as number) & SPACE) !== 0) p++;
    if (p >= n) return true;
    if (((CLASS[t.charCodeAt(p)] as number) & NAME_START) === 0) return false;
    while (p < n && ((CLASS[t.charCodeAt(p)] as number) & NAME) !== 0) p++;
    while (p < n && ((CLASS[t.charCodeAt(p)] as number) & SPACE) !== 0) p++;
    if (p >= n) return true;
    if (t.charCodeAt(p) !== 61) return false; // =
    p++;
    while (p < n && ((CLASS[t.charCodeAt(p)] as number) & SPACE) !== 0) p++;
    if (p >= n) return true;
    const q = t.charCodeAt(p);
    if (q !== 34 && q !== 39) return false;
    for (p++; p < n && t.charCodeAt(p) !== q; p++) {
      const c = t.charCodeAt(p);
      if (c < 0x20 || !plain(c)) return false;
    }
    if (p >= n) return true;
    p++;
    if (p >= n) return true;
  }
}

/** The tokenizer as an XmlSink (xml.ts): hand it to parseXmlStream. */
export const sheetSink: XmlSinkFactory = (h, maxDepth, maxText) => new SheetXml(h, maxDepth, Math.min(HANDOFF_PENDING, maxText));

class SheetXml implements XmlSink {
  saxes: SaxesParser | undefined;
  /** The unread end of the last unit: a token not yet complete. */
  private tail = '';
  /** Qualified names of the open elements, outermost first, and their local names. */
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  /** The declaration before the root element ('' when none), once the root's `<` is read. */
  private prologue: string | undefined;
  private root = '';
  private muted = false;
  /** The attributes of the tag read last, when the handlers take them flat (openFlat). */
  private readonly flat: FlatAttrs | undefined;
  /** The handlers take a plain cell in one call (XmlHandlers.cell). */
  private readonly cells: boolean;

  constructor(
    private readonly h: XmlHandlers,
    private readonly maxDepth: number,
    private readonly pendingLimit: number,
  ) {
    this.flat = h.openFlat ? { names: [], values: [], count: 0 } : undefined;
    this.cells = this.flat !== undefined && h.cell !== undefined;
  }

  /**
   * At `s[p]`, just after a cell's open tag: the index after `<v>TEXT</v></c>` when that is what follows,
   * whole in this unit, TEXT one or more characters a text event gives as they stand (no markup, entity,
   * bracket or CR, nothing XML 1.0 forbids); else -1 and the tokens are read one by one.
   */
  private plainValue(s: string, p: number): number {
    if (s.charCodeAt(p) !== 60 || s.charCodeAt(p + 1) !== 118 || s.charCodeAt(p + 2) !== 62) return -1; // <v>
    const n = s.length;
    let j = p + 3;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c < 0x20 ? c !== 9 && c !== 10 : c === 38 || c === 60 || c === 93 || (c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe))) break;
    }
    if (j === p + 3 || !s.startsWith('</v></c>', j)) return -1;
    return j + 8;
  }

  write(text: string): void {
    if (this.saxes) {
      this.saxes.write(text);
      return;
    }
    let s = text;
    let from = 0;
    if (this.tail.length > 0 && this.prologue !== undefined) {
      // The token left open and those up to the first `>` after the next `<` are read joined; when that
      // ends at a token's end, the rest of the unit is read as it came, not copied (a unit copied whole
      // was a sixth of what validate allocated).
      const lt = text.indexOf('<');
      const gt = lt < 0 ? -1 : text.indexOf('>', lt);
      const head = [this.tail, gt < 0 ? text : text.slice(0, gt + 1)].join('');
      this.tail = '';
      const at = this.readBody(head, 0);
      if (at < 0) {
        if (gt >= 0) (this.saxes as SaxesParser | undefined)?.write(text.slice(gt + 1));
        return;
      }
      if (gt < 0) {
        this.keep(head, at);
        return;
      }
      if (at === head.length) from = gt + 1;
      else s = [head.slice(at), text.slice(gt + 1)].join('');
    } else if (this.tail.length > 0) {
      // Joined, not concatenated: a concatenation is a rope, slower to read a character at a time.
      s = [this.tail, text].join('');
      this.tail = '';
    }
    this.keep(s, this.prologue === undefined ? this.readPrologue(s) : this.readBody(s, from));
  }

  /** After `s` was read to `at` (-1: saxes has it): the unfinished token there kept for the next unit, or saxes's. */
  private keep(s: string, at: number): void {
    if (at < 0 || at === s.length) return;
    const tail = s.slice(at);
    const clean = this.prologue !== undefined && cleanStart(tail);
    if (tail.length > this.pendingLimit || (!clean && this.failsOn(tail))) this.handOver(tail, 0);
    else this.tail = tail;
  }

  /**
   * Whether saxes, had it read all along, would already have failed on the unfinished token that ends
   * this unit (saxes fails at the character, not at the token's end): a muted saxes is asked.
   */
  private failsOn(tail: string): boolean {
    const probe = makeParser({ open() {}, close() {}, text() {} }, Number.POSITIVE_INFINITY);
    try {
      const prefix = this.prefix();
      if (prefix !== '') probe.write(prefix);
      probe.write(tail);
      return false;
    } catch {
      return true;
    }
  }

  /** What saxes must have read to stand where the tokenizer stands (nothing before the root is open). */
  private prefix(): string {
    if (this.prologue === undefined) return '';
    let prefix = this.prologue;
    if (this.stack.length === 0) {
      if (this.root !== '') prefix += `<${this.root}/>`;
    } else for (const name of this.stack) prefix += `<${name}>`;
    return prefix;
  }

  close(): void {
    if (!this.saxes) this.handOver(this.tail, 0);
    (this.saxes as SaxesParser).close();
  }

  /**
   * saxes from `s[at]` on: first fed, muted, what it would have read before — nothing before the root
   * is open, else the prologue and the open elements (or the root, closed, once it is).
   */
  private handOver(s: string, at: number): void {
    const h = this.h;
    const saxes = makeParser(
      {
        open: (name, attrs, selfClosing) => {
          if (!this.muted) h.open(name, attrs, selfClosing);
        },
        close: (name) => {
          if (!this.muted) h.close(name);
        },
        text: (t) => {
          if (!this.muted) h.text(t);
        },
      },
      this.maxDepth,
    );
    this.saxes = saxes;
    this.tail = '';
    const prefix = this.prefix();
    if (prefix !== '') {
      this.muted = true;
      saxes.write(prefix);
      this.muted = false;
    }
    if (at < s.length) saxes.write(at === 0 ? s : s.slice(at));
  }

  /** Before the root: a declaration as Excel writes it and white space; anything else goes to saxes. */
  private readPrologue(s: string): number {
    let i = 0;
    if (s.startsWith('<?xml') || '<?xml'.startsWith(s)) {
      const end = s.indexOf('?>');
      if (end < 0) return s.length > this.pendingLimit ? this.handAll(s) : 0;
      if (!DECLARATION.test(s.slice(0, end + 2))) return this.handAll(s);
      i = end + 2;
    }
    const space = i;
    while (i < s.length && isS(s.charCodeAt(i))) i++;
    if (i >= s.length) return 0;
    if (s.charCodeAt(i) !== 60) return this.handAll(s);
    if (space === 0) {
      // No declaration: saxes skips the white space; whatever is not the root is saxes's to read from the start.
      if (i + 1 >= s.length) return 0;
      if (!isNameStart(s.charCodeAt(i + 1))) return this.handAll(s);
    }
    // saxes reports the white space between the declaration and the root (not any before the root).
    if (i > space && space > 0) this.h.text(readRun(s, space, i, Run.Text) as string);
    // (saxes is primed without that white space: it has been reported.)
    this.prologue = s.slice(0, space);
    return this.readBody(s, i);
  }

  private handAll(s: string): number {
    this.handOver(s, 0);
    return -1;
  }

  /** Reads the tokens of `s` from `i`; returns where the unread rest starts, or -1 once saxes has it. */
  private readBody(s: string, i: number): number {
    const n = s.length;
    const h = this.h;
    const stack = this.stack;
    while (i < n) {
      if (s.charCodeAt(i) !== 60) {
        // Text, to the next `<`; before the root, saxes's.
        if (stack.length === 0) return this.over(s, i);
        const lt = s.indexOf('<', i);
        if (lt < 0) return i;
        const text = readRun(s, i, lt, Run.Text);
        if (text === undefined) return this.over(s, i);
        h.text(text);
        i = lt;
        continue;
      }
      if (i + 1 >= n) return i;
      const c = s.charCodeAt(i + 1);
      if (isNameStart(c)) {
        const next = this.openTag(s, i);
        if (next === 0) return i;
        if (next < 0) return this.over(s, i);
        i = next;
        if (stack.length === 0) return this.over(s, i);
      } else if (c === 47 && stack.length > 0) {
        // </name S*>, the name that of the element open.
        const top = stack[stack.length - 1] as string;
        let k = i + 2 + top.length;
        if (k >= n) return top.startsWith(s.slice(i + 2)) ? i : this.over(s, i);
        if (!s.startsWith(top, i + 2)) return this.over(s, i);
        while (k < n && isS(s.charCodeAt(k))) k++;
        if (k >= n) return i;
        if (s.charCodeAt(k) !== 62) return this.over(s, i);
        stack.pop();
        h.close(this.locals.pop() as string);
        i = k + 1;
        if (stack.length === 0) return this.over(s, i);
      } else if (c === 33 && stack.length > 0) {
        // A comment, tested by character (the self-check page inlines this code in a script element).
        const c2 = s.charCodeAt(i + 2);
        if (c2 === 45 && s.charCodeAt(i + 3) === 45) {
          const end = s.indexOf('-->', i + 4);
          if (end < 0) return i;
          const body = s.indexOf('--', i + 4);
          // `--` may not stand in a comment (`--->` holds one).
          if (body < end || readRun(s, i + 4, end, Run.Comment) === undefined) return this.over(s, i);
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          const end = s.indexOf(']]>', i + 9);
          if (end < 0) return i;
          const text = readRun(s, i + 9, end, Run.Cdata);
          if (text === undefined) return this.over(s, i);
          h.text(text);
          i = end + 3;
        } else if (i + 2 >= n || (c2 === 45 && i + 3 >= n) || '<![CDATA['.startsWith(s.slice(i, i + 9))) return i;
        else return this.over(s, i);
      } else return this.over(s, i);
    }
    return i;
  }

  private over(s: string, at: number): number {
    this.handOver(s, at);
    return -1;
  }

  /**
   * An open tag at `s[i]` (`<` and a name start): reports it (and its end, when it closes itself) and
   * returns the index after it; 0 when it is not complete yet, -1 when saxes is to read it.
   */
  private openTag(s: string, i: number): number {
    const n = s.length;
    let p = i + 1;
    while (p < n && ((CLASS[s.charCodeAt(p)] as number) & NAME) !== 0) p++;
    if (p >= n) return 0;
    const name = intern(s, i + 1, p);
    const local = lastLocal;
    const flat = this.flat;
    let attrs = NO_ATTRIBUTES;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      let c = s.charCodeAt(p);
      if (c === 62) {
        p++;
        break;
      }
      if (c === 47) {
        if (p + 1 >= n) return 0;
        if (s.charCodeAt(p + 1) !== 62) return -1;
        selfClosing = true;
        p += 2;
        break;
      }
      if (((CLASS[c] as number) & SPACE) === 0) return -1;
      while (p < n && ((CLASS[s.charCodeAt(p)] as number) & SPACE) !== 0) p++;
      if (p >= n) return 0;
      c = s.charCodeAt(p);
      if (c === 62 || c === 47) continue;
      if (((CLASS[c] as number) & NAME_START) === 0) return -1;
      const a0 = p;
      while (p < n && ((CLASS[s.charCodeAt(p)] as number) & NAME) !== 0) p++;
      const attrName = intern(s, a0, p);
      while (p < n && ((CLASS[s.charCodeAt(p)] as number) & SPACE) !== 0) p++;
      if (p >= n) return 0;
      if (s.charCodeAt(p) !== 61) return -1; // =
      p++;
      while (p < n && ((CLASS[s.charCodeAt(p)] as number) & SPACE) !== 0) p++;
      if (p >= n) return 0;
      const q = s.charCodeAt(p);
      if (q !== 34 && q !== 39) return -1;
      const end = s.indexOf(q === 34 ? '"' : "'", p + 1);
      if (end < 0 || end + 1 >= n) return 0;
      const value = readRun(s, p + 1, end, Run.Attribute);
      if (value === undefined) return -1;
      // saxes reads a name twice, and `__proto__` (no key of a plain object).
      if (attrName === '__proto__') return -1;
      if (flat !== undefined) {
        if (count >= FLAT_MAX) return -1;
        const names = flat.names;
        for (let k = 0; k < count; k++) if (names[k] === attrName) return -1;
        names[count] = attrName;
        flat.values[count] = value;
      } else {
        // A plain object (its keys in the same order give it one shape).
        if (count === 0) attrs = {};
        else if (Object.hasOwn(attrs, attrName)) return -1;
        attrs[attrName] = value;
      }
      count++;
      p = end + 1;
    }
    // As xml.ts's saxes handlers count it.
    const depth = this.stack.length + 1;
    if (depth > this.maxDepth) throw unreadable({ reason: 'limit', limit: 'maxXmlDepth', max: this.maxDepth, actual: depth });
    if (this.stack.length === 0) this.root = name;
    if (flat !== undefined) {
      flat.count = count;
      if (this.cells && name === 'c' && !selfClosing && depth > 1 && depth < this.maxDepth) {
        const end = this.plainValue(s, p);
        if (end > 0) {
          (this.h as Required<XmlHandlers>).cell(flat, s.slice(p + 3, end - 8));
          return end;
        }
      }
      (this.h as Required<XmlHandlers>).openFlat(local, flat, selfClosing);
    } else this.h.open(local, attrs, selfClosing);
    if (selfClosing) this.h.close(local);
    else {
      this.stack.push(name);
      this.locals.push(local);
    }
    return p;
  }
}
