/**
 * Edits on the text of a package part that keep every byte not edited (the annotator's copies): a
 * tokenizer that finds tags — skipping comments, CDATA, processing instructions and declarations, and a
 * `>` inside a quoted value — and, on top of it, find an element, read / set / drop an attribute of a
 * tag, list an element's children, insert children at its start or end. No regular expression reads
 * or writes an attribute. For the small parts held whole in memory (styles, relationships, content
 * types, the workbook, comments, one row of a sheet); reading a sheet is xml.ts's streaming parser.
 */
import { localName } from './xml.js';

export interface XmlTag {
  /** Offset of `<`. */
  start: number;
  /** Offset just past `>`. */
  end: number;
  /** The name as written (`x:row`). */
  name: string;
  kind: 'open' | 'close' | 'empty';
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The offset just past the `>` that ends the tag opened at `lt`, quoted values skipped; -1 when the text ends first. */
export function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charAt(i);
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** The first tag at or after `from` (before `to`); undefined when none, or when the text ends inside one. */
export function nextTag(xml: string, from = 0, to = xml.length): XmlTag | undefined {
  let i = xml.indexOf('<', from);
  while (i >= 0 && i < to) {
    let skip = -1;
    // A comment (tested by character: the self-check page inlines this code in a script element).
    if (xml.charAt(i + 1) === '!' && xml.charAt(i + 2) === '-' && xml.charAt(i + 3) === '-') skip = endOf(xml, '-->', i + 4);
    else if (xml.startsWith('<![CDATA[', i)) skip = endOf(xml, ']]>', i + 9);
    else if (xml.startsWith('<?', i)) skip = endOf(xml, '?>', i + 2);
    else if (xml.startsWith('<!', i)) skip = tagEnd(xml, i);
    else {
      const end = tagEnd(xml, i);
      if (end < 0 || end > to) return undefined;
      const close = xml.charAt(i + 1) === '/';
      let j = i + (close ? 2 : 1);
      while (j < end - 1 && !isSpace(xml.charAt(j)) && xml.charAt(j) !== '/' && xml.charAt(j) !== '>') j++;
      const name = xml.slice(i + (close ? 2 : 1), j);
      return { start: i, end, name, kind: close ? 'close' : xml.charAt(end - 2) === '/' ? 'empty' : 'open' };
    }
    if (skip < 0) return undefined;
    i = xml.indexOf('<', skip);
  }
  return undefined;
}

function endOf(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/** Every tag from `from` to `to`, in order. */
export function* xmlTags(xml: string, from = 0, to = xml.length): Generator<XmlTag> {
  for (let t = nextTag(xml, from, to); t; t = nextTag(xml, t.end, to)) yield t;
}

export interface XmlAttr {
  name: string;
  /** The value as written (entities not expanded). */
  raw: string;
  quote: '"' | "'";
  /** Offsets in the tag: the white space before the name, and just past the closing quote. */
  start: number;
  end: number;
  /** Offset of the value's first character in the tag. */
  valueStart: number;
}

/** The attributes of one start tag (`<c r="A1" s='3'/>`), in order. */
export function tagAttrs(tag: string): XmlAttr[] {
  const out: XmlAttr[] = [];
  let i = 1;
  while (i < tag.length && !isSpace(tag.charAt(i)) && tag.charAt(i) !== '/' && tag.charAt(i) !== '>') i++;
  for (;;) {
    const start = i;
    while (i < tag.length && isSpace(tag.charAt(i))) i++;
    const n0 = i;
    while (i < tag.length && tag.charAt(i) !== '=' && !isSpace(tag.charAt(i)) && tag.charAt(i) !== '/' && tag.charAt(i) !== '>') i++;
    if (i === n0) return out;
    const name = tag.slice(n0, i);
    while (i < tag.length && isSpace(tag.charAt(i))) i++;
    if (tag.charAt(i) !== '=') return out;
    i++;
    while (i < tag.length && isSpace(tag.charAt(i))) i++;
    const quote = tag.charAt(i);
    if (quote !== '"' && quote !== "'") return out;
    const close = tag.indexOf(quote, i + 1);
    if (close < 0) return out;
    out.push({ name, raw: tag.slice(i + 1, close), quote, start, end: close + 1, valueStart: i + 1 });
    i = close + 1;
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of an attribute value or element: the five predefined entities and character references expanded. */
export function unescapeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e.startsWith('#x')) return safeCodePoint(Number.parseInt(e.slice(2), 16), m);
    if (e.startsWith('#')) return safeCodePoint(Number.parseInt(e.slice(1), 10), m);
    return NAMED[e] ?? m;
  });
}

function safeCodePoint(n: number, fallback: string): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

/**
 * A value for an attribute written between `quote`s: `&`, `<`, `>` and that quote escaped, and `'` too
 * when the attribute is single-quoted (escapeXml in xlsx-writer.ts serves double-quoted attributes only).
 */
export function escapeAttr(value: string, quote: '"' | "'" = '"'): string {
  const s = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return quote === '"' ? s.replace(/"/g, '&quot;') : s.replace(/'/g, '&apos;');
}

/** The value of the attribute named exactly `name` (`r`, `r:id`), entities expanded; undefined when absent. */
export function readAttr(tag: string, name: string): string | undefined {
  const a = tagAttrs(tag).find((x) => x.name === name);
  return a ? unescapeXmlText(a.raw) : undefined;
}

/**
 * The tag with attribute `name` set to `value` (plain text, escaped here): the value replaced in place,
 * in the quotes it had; or, when absent, ` name="value"` added after the last attribute.
 */
export function setAttr(tag: string, name: string, value: string): string {
  const attrs = tagAttrs(tag);
  const a = attrs.find((x) => x.name === name);
  if (a) return tag.slice(0, a.valueStart) + escapeAttr(value, a.quote) + tag.slice(a.end - 1);
  const at = attrs.length > 0 ? attrs[attrs.length - 1]!.end : nameEnd(tag);
  return `${tag.slice(0, at)} ${name}="${escapeAttr(value)}"${tag.slice(at)}`;
}

/** The tag without attribute `name` (and the white space before it). */
export function dropAttr(tag: string, name: string): string {
  const a = tagAttrs(tag).find((x) => x.name === name);
  return a ? tag.slice(0, a.start) + tag.slice(a.end) : tag;
}

function nameEnd(tag: string): number {
  let i = 1;
  while (i < tag.length && !isSpace(tag.charAt(i)) && tag.charAt(i) !== '/' && tag.charAt(i) !== '>') i++;
  return i;
}

/** A self-closing tag as a start tag (`<row r="1" />` → `<row r="1">`); any other tag as it is. */
export function asStartTag(tag: string): string {
  return tag.endsWith('/>') ? `${tag.slice(0, -2).trimEnd()}>` : tag;
}

export interface XmlElement {
  /** Offset of the start tag's `<`, and just past it. */
  start: number;
  openEnd: number;
  /** Offset of the end tag's `<` (= openEnd when self-closing), and just past the element. */
  closeStart: number;
  end: number;
  /** The name as written, its prefix with the colon (`x:`, or ''), and the start tag's text. */
  name: string;
  prefix: string;
  open: string;
  selfClosing: boolean;
}

/** The element whose start tag is `t`: its end found by depth; undefined when the text ends first. */
export function elementAt(xml: string, t: XmlTag, to = xml.length): XmlElement | undefined {
  if (t.kind === 'close') return undefined;
  const prefix = t.name.includes(':') ? t.name.slice(0, t.name.indexOf(':') + 1) : '';
  const base = { start: t.start, openEnd: t.end, name: t.name, prefix, open: xml.slice(t.start, t.end) };
  if (t.kind === 'empty') return { ...base, closeStart: t.end, end: t.end, selfClosing: true };
  let depth = 1;
  for (const u of xmlTags(xml, t.end, to)) {
    if (u.kind === 'open') depth++;
    else if (u.kind === 'close' && --depth === 0) return { ...base, closeStart: u.start, end: u.end, selfClosing: false };
  }
  return undefined;
}

/** The first element named `local` (any prefix) at or after `from`, at any depth. */
export function findElement(xml: string, local: string, from = 0, to = xml.length): XmlElement | undefined {
  for (const t of xmlTags(xml, from, to)) if (t.kind !== 'close' && localName(t.name) === local) return elementAt(xml, t, to);
  return undefined;
}

/** The direct children of `el` (or of the range from..to when `el` is a pair of offsets), in order. */
export function childElements(xml: string, el: XmlElement | { openEnd: number; closeStart: number }): XmlElement[] {
  const out: XmlElement[] = [];
  let at = el.openEnd;
  for (;;) {
    const t = nextTag(xml, at, el.closeStart);
    if (!t || t.kind === 'close') return out;
    const child = elementAt(xml, t, el.closeStart);
    if (!child) return out;
    out.push(child);
    at = child.end;
  }
}

/** The direct child of `el` named `local`, the first one. */
export function childElement(xml: string, el: XmlElement, local: string): XmlElement | undefined {
  return childElements(xml, el).find((c) => localName(c.name) === local);
}

/** `content` inserted as the last children of `el`; a self-closing element is opened (its attributes kept). */
export function appendChildren(xml: string, el: XmlElement, content: string): string {
  if (el.selfClosing) return `${xml.slice(0, el.start)}${el.open.slice(0, -2)}>${content}</${el.name}>${xml.slice(el.end)}`;
  return xml.slice(0, el.closeStart) + content + xml.slice(el.closeStart);
}

/** `content` inserted as the first children of `el`; a self-closing element is opened (its attributes kept). */
export function prependChildren(xml: string, el: XmlElement, content: string): string {
  if (el.selfClosing) return appendChildren(xml, el, content);
  return xml.slice(0, el.openEnd) + content + xml.slice(el.openEnd);
}

/** `content` inserted at offset `at`. */
export function insertAt(xml: string, at: number, content: string): string {
  return xml.slice(0, at) + content + xml.slice(at);
}

/** Every start or empty tag named `local` (any prefix) passed through `edit`; the bytes between kept. */
export function editTags(xml: string, local: string, edit: (tag: string) => string): string {
  let out = '';
  let last = 0;
  for (const t of xmlTags(xml)) {
    if (t.kind === 'close' || localName(t.name) !== local) continue;
    out += xml.slice(last, t.start) + edit(xml.slice(t.start, t.end));
    last = t.end;
  }
  return last === 0 ? xml : out + xml.slice(last);
}
