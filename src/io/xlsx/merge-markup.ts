/**
 * The merge scan (xlsx.ts) looks for `<mergeCell ref="…">` in a sheet's raw text, 16 KB at a time. Text
 * inside a comment (`<!-- … -->`), a processing instruction (`<? … ?>`) or a CDATA section
 * (`<![CDATA[ … ]]>`) is no element for an XML parser or for Excel, so it must not give a merge. This
 * blanks those sections out (each character a space, the text's length kept), unit by unit, carrying
 * across units a section still open and an opener or closer cut by the unit's end.
 */
const NONE = 0;
// The `<` added at run time: the self-check page inlines this code in a script element, which cannot hold
// the comment opener (scripts/page/build.mjs), and the minifier would fold a literal concatenation.
const OPENERS: readonly string[] = ['!--', '?', '![CDATA['].map((o) => `<${o}`);
/** The closer of each section kind (1 comment, 2 PI, 3 CDATA). */
const CLOSERS = ['', '-->', '?>', ']]>'] as const;
const LT_BANG = Buffer.from('<!', 'latin1');
const LT_QUESTION = Buffer.from('<?', 'latin1');

/**
 * Whether the unit holds `<!` (or `<?`): first its second byte alone, a search about 30 times faster than
 * for the pair (`<` is in every tag), and rare in a sheet's rows, so the pair is seldom looked for.
 */
function has(bytes: Buffer, second: number, pair: Buffer): boolean {
  return bytes.indexOf(second) >= 0 && bytes.indexOf(pair) >= 0;
}

export class MarkupMask {
  /** NONE, or the kind of section the last unit ended inside. */
  private kind = NONE;
  /** Outside a section: the start of an opener the last unit ended with (`<`, `<!-`, `<![CDA` …). */
  private pending = '';
  /** Inside a section: how many characters of its closer the last unit ended with. */
  private closed = 0;

  /**
   * The unit's text with its comments, PIs and CDATA sections blanked out, or undefined when it has none
   * (nothing open, no `<!` or `<?` in it): the common case, decided on the bytes without making a string.
   */
  unit(bytes: Buffer): string | undefined {
    // A unit that ended with `<` (one in ten: tags are everywhere) opened no section unless `!` or `?` follows.
    if (this.pending === '<' && bytes.length > 0 && bytes[0] !== 0x21 && bytes[0] !== 0x3f) this.pending = '';
    if (this.kind === NONE && this.pending === '' && !has(bytes, 0x21, LT_BANG) && !has(bytes, 0x3f, LT_QUESTION)) {
      this.pending = bytes.length > 0 && bytes[bytes.length - 1] === 60 ? '<' : '';
      return undefined;
    }
    return this.text(bytes.toString('latin1'));
  }

  private text(text: string): string {
    let out = '';
    let from = 0; // text before this is in `out` already
    let start = this.kind === NONE ? -1 : 0; // where the blanked section starts in this unit
    for (let i = 0; i < text.length; i++) {
      // Jump to the next character that can start an opener or a closer.
      if (this.kind === NONE ? this.pending === '' : this.closed === 0) {
        i = text.indexOf(this.kind === NONE ? '<' : ((CLOSERS[this.kind] as string)[0] as string), i);
        if (i < 0) break;
      }
      const ch = text[i] as string;
      if (this.kind === NONE) {
        const p = this.pending + ch;
        const kind = OPENERS.findIndex((o) => o.startsWith(p));
        if (kind < 0) {
          this.pending = ch === '<' ? '<' : '';
          continue;
        }
        if (p !== OPENERS[kind]) {
          this.pending = p;
          continue;
        }
        // An opener complete: the section (and the part of the opener in this unit) is blanked out.
        this.kind = kind + 1;
        this.pending = '';
        this.closed = 0;
        start = Math.max(0, i + 1 - p.length);
      } else {
        const closer = CLOSERS[this.kind] as string;
        if (ch === closer[this.closed]) this.closed++;
        // `--->`, `]]]>`, `??>`: the closer's repeated first character keeps what was matched.
        else if (!(ch === closer[0] && this.closed > 0 && closer[this.closed - 1] === ch)) this.closed = ch === closer[0] ? 1 : 0;
        if (this.closed === closer.length) {
          out += text.slice(from, start) + ' '.repeat(i + 1 - start);
          from = i + 1;
          start = -1;
          this.kind = NONE;
          this.closed = 0;
        }
      }
    }
    if (start >= 0) {
      out += text.slice(from, start) + ' '.repeat(text.length - start);
      from = text.length;
    }
    return from === 0 ? text : out + text.slice(from);
  }
}
