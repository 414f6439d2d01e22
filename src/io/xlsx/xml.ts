/**
 * Streaming XML over saxes. Entity tricks cannot work here: saxes expands only the five predefined
 * entities and character references, and any document with a DOCTYPE is refused outright.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Readable } from 'node:stream';
import { unreadable } from '../errors.js';
import { INFLATE_UNIT } from '../zip/inflate.js';

export type Attrs = Record<string, string>;

/**
 * A tag's attributes as the worksheet tokenizer hands them to openFlat: qualified names and values in
 * document order, the first `count` of each. The arrays are the tokenizer's own, refilled at every tag:
 * read them during the call, keep none.
 */
export interface FlatAttrs {
  readonly names: string[];
  readonly values: string[];
  count: number;
}

export interface XmlHandlers {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  /**
   * When given, the worksheet tokenizer (sheet-xml.ts) calls this instead of open, without an object per
   * tag (millions of cells); saxes, and the tokenizer once it has handed over, still call open.
   */
  openFlat?(name: string, attrs: FlatAttrs, selfClosing: boolean): void;
  /**
   * When given with openFlat, the tokenizer reads a worksheet's plain cell — `<c …><v>TEXT</v></c>`, no
   * prefix, whole in one unit, TEXT as a text event would give it — in one call that stands for exactly
   * openFlat('c', attrs, false), openFlat('v', no attributes, false), text(TEXT), close('v'), close('c').
   */
  cell?(attrs: FlatAttrs, value: string): void;
  close(name: string): void;
  text(text: string): void;
}

/** The local name of a possibly prefixed element or attribute (x:row → row). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Attribute by local name, so that `r:id` and `relationships:id` both answer to `id`. */
export function attr(attrs: Attrs, name: string): string | undefined {
  const direct = attrs[name];
  if (direct !== undefined) return direct;
  for (const key in attrs) if (localName(key) === name) return attrs[key];
  return undefined;
}

/** Nesting deeper than this is refused (a sheet part is about 4 levels deep). */
export const DEFAULT_MAX_XML_DEPTH = 64;

export function makeParser(h: XmlHandlers, maxDepth: number): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // saxes keeps every open element on a stack: millions of unclosed elements exhaust the heap.
  let depth = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > maxDepth) throw unreadable({ reason: 'limit', limit: 'maxXmlDepth', max: maxDepth, actual: depth });
    h.open(localName(tag.name), tag.attributes as Attrs, tag.isSelfClosing);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    h.close(localName(tag.name));
  });
  parser.on('text', (t: string) => h.text(t));
  parser.on('cdata', (t: string) => h.text(t));
  parser.on('doctype', () => {
    throw unreadable({ reason: 'xml', detail: 'DOCTYPE is not allowed in a workbook part' });
  });
  return parser;
}

/** A text node or attribute value longer than this is refused (limits.maxCellChars by default). */
export const DEFAULT_MAX_XML_TEXT = 32_767;
/** Attributes on one element: a cell has three or four. */
const MAX_ATTRIBUTES = 10_000;
/** Element, attribute and entity names. */
const MAX_NAME = 1_000;

/**
 * saxes gathers a text node, an attribute value, a comment or a name until it ends, and every
 * attribute of a tag before the tag is reported: one 300 MB text node would be held whole before any
 * handler could count it. Its buffers are looked at after each chunk (at most one chunk over).
 */
export function checkPending(parser: SaxesParser, maxText: number): void {
  const p = parser as unknown as { text?: string; name?: string; entity?: string; piTarget?: string; attribList?: unknown[] };
  const text = p.text?.length ?? 0;
  if (text > maxText) throw unreadable({ reason: 'limit', limit: 'maxCellChars', max: maxText, actual: text });
  if ((p.name?.length ?? 0) > MAX_NAME || (p.entity?.length ?? 0) > MAX_NAME || (p.piTarget?.length ?? 0) > MAX_NAME) {
    throw unreadable({ reason: 'xml', detail: `a name longer than ${MAX_NAME} characters` });
  }
  if ((p.attribList?.length ?? 0) > MAX_ATTRIBUTES)
    throw unreadable({ reason: 'xml', detail: `more than ${MAX_ATTRIBUTES} attributes on one element` });
}

/** What parseXmlStream feeds the decoded text to: saxes, or a tokenizer that hands over to saxes (sheet-xml.ts). */
export interface XmlSink {
  write(text: string): void;
  close(): void;
  /** The saxes parser now reading, whose buffers checkPending looks at after each unit; none while it is not. */
  readonly saxes: SaxesParser | undefined;
}

export type XmlSinkFactory = (h: XmlHandlers, maxDepth: number, maxText: number) => XmlSink;

/** saxes alone. */
export const saxesSink: XmlSinkFactory = (h, maxDepth) => {
  const saxes = makeParser(h, maxDepth);
  return { write: (t) => void saxes.write(t), close: () => void saxes.close(), saxes };
};

/**
 * Parses a stream of XML bytes; `shouldStop` lets a consumer end early. `tap`, when given, sees every
 * chunk of the stream before it is parsed, and to the stream's end even when the consumer stops early
 * (the merge scan beside the rows, xlsx.ts).
 */
export async function parseXmlStream(
  stream: Readable,
  h: XmlHandlers,
  shouldStop: () => boolean = () => false,
  maxDepth = DEFAULT_MAX_XML_DEPTH,
  maxText = DEFAULT_MAX_XML_TEXT,
  sink: XmlSinkFactory = saxesSink,
  tap?: (chunk: Buffer) => void,
): Promise<void> {
  const parser = sink(h, maxDepth, maxText);
  const decoder = new TextDecoder('utf-8');
  // Fed and checked a unit at a time (zip/inflate.ts), however large the chunks the part comes in.
  let pos = 0;
  let stopped = false;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      tap?.(bytes);
      if (stopped) continue;
      for (let at = 0; at < bytes.length; ) {
        const end = Math.min(bytes.length, at + INFLATE_UNIT - ((pos + at) % INFLATE_UNIT));
        parser.write(decoder.decode(at === 0 && end === bytes.length ? bytes : bytes.subarray(at, end), { stream: true }));
        if (parser.saxes) checkPending(parser.saxes, maxText);
        if (shouldStop()) {
          if (tap) {
            stopped = true;
            break;
          }
          stream.destroy();
          return;
        }
        at = end;
      }
      pos += bytes.length;
    }
    if (stopped) return;
    parser.write(decoder.decode());
    parser.close();
  } catch (err) {
    stream.destroy();
    if (err instanceof Error && err.name === 'FileProblem') throw err;
    if (err && typeof err === 'object' && 'code' in err && 'args' in err) throw err;
    throw unreadable({ reason: 'xml', detail: (err as Error).message?.slice(0, 200) ?? 'xml' });
  }
}

export function parseXmlBuffer(buf: Buffer, h: XmlHandlers, maxDepth = DEFAULT_MAX_XML_DEPTH): void {
  const parser = makeParser(h, maxDepth);
  try {
    parser.write(new TextDecoder('utf-8').decode(buf));
    parser.close();
  } catch (err) {
    if (err && typeof err === 'object' && 'code' in err && 'args' in err) throw err;
    throw unreadable({ reason: 'xml', detail: (err as Error).message?.slice(0, 200) ?? 'xml' });
  }
}
