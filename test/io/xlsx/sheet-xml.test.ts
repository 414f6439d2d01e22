// The worksheet tokenizer (src/io/xlsx/sheet-xml.ts) against saxes (issue 22 item 3): on random sheet XML,
// well formed or not — entities, CDATA, comments, prefixes, either quote, CR LF, surrogate pairs, and the
// tokens it leaves to saxes — split into units anywhere, it gives the same events at the same units, the
// same early stop and the same error as saxes alone.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetSink } from '../../../src/io/xlsx/sheet-xml.js';
import { type FlatAttrs, type XmlSinkFactory, parseXmlStream, saxesSink } from '../../../src/io/xlsx/xml.js';

interface Options {
  maxDepth: number;
  maxText: number;
  /** Stop (shouldStop) once this many elements have opened. */
  stopAfter: number;
}

/**
 * What the handlers saw, unit by unit, and how it ended. `flat`: handlers that take attributes flat and a
 * plain cell in one call (xml.ts openFlat, cell), logged as the events they stand for.
 */
async function trace(sink: XmlSinkFactory, bytes: Buffer, cuts: number[], o: Options, flat = false): Promise<string[]> {
  const log: string[] = [];
  let opened = 0;
  const entries = (f: FlatAttrs) => f.names.slice(0, f.count).map((n, k) => [n, f.values[k]]);
  const flatHandlers = {
    openFlat(name: string, f: FlatAttrs, selfClosing: boolean) {
      opened++;
      log.push(`open ${name} ${JSON.stringify(entries(f))} ${selfClosing}`);
    },
    cell(f: FlatAttrs, value: string) {
      opened += 2;
      log.push(`open c ${JSON.stringify(entries(f))} false`, 'open v [] false', `text ${JSON.stringify(value)}`, 'close v', 'close c');
    },
  };
  const pieces: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut > from && cut < bytes.length) {
      pieces.push(bytes.subarray(from, cut));
      from = cut;
    }
  }
  pieces.push(bytes.subarray(from));
  try {
    await parseXmlStream(
      Readable.from(pieces),
      {
        open(name, attrs, selfClosing) {
          opened++;
          log.push(`open ${name} ${JSON.stringify(Object.entries(attrs))} ${selfClosing}`);
        },
        close(name) {
          log.push(`close ${name}`);
        },
        text(t) {
          log.push(`text ${JSON.stringify(t)}`);
        },
        ...(flat ? flatHandlers : {}),
      },
      () => {
        log.push('unit');
        return opened >= o.stopAfter;
      },
      o.maxDepth,
      o.maxText,
      sink,
    );
    log.push('end');
  } catch (err) {
    const e = err as { code?: string; args?: unknown; message?: string };
    log.push(`error ${e.code} ${JSON.stringify(e.args)} ${e.message}`);
  }
  return log;
}

async function same(xml: string, cuts: number[], o: Options): Promise<void> {
  const bytes = Buffer.from(xml, 'utf8');
  const ours = await trace(sheetSink, bytes, cuts, o);
  const theirs = await trace(saxesSink, bytes, cuts, o);
  expect(ours).toEqual(theirs);
  expect(await trace(sheetSink, bytes, cuts, o, true)).toEqual(theirs);
}

// Longer with FUZZ_RUNS and FUZZ_SEED (as test/fuzz.test.ts).
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 223);

const WIDE: Options = { maxDepth: 64, maxText: 32_767, stopAfter: Number.POSITIVE_INFINITY };

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** Character data: plain, Chinese, full-width, astral, entities good and bad, line ends, brackets. */
const chars = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: pick('张三', '41070219800101001X', '新乡市（分公司）', '1', '46023', ' ', 'abc', 'x y') },
      { weight: 3, arbitrary: pick('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#x41;', '&#20013;', '&#128512;', '&#9;', '&#13;') },
      { weight: 2, arbitrary: pick('\n', '\t', '\r\n', '\r', '"', "'", '>', ']', ']]', '𠮷', '😀') },
      { weight: 1, arbitrary: pick('&bogus;', '&#1;', '&#xFFFE;', '&;', '& ', ']]>', ']]]>', '\u0001', '\uFFFE', '<', '&#x110000;') },
    ),
    { maxLength: 6 },
  )
  .map((xs) => xs.join(''));

const name = pick('row', 'c', 'v', 'is', 't', 'f', 'rPh', 'r', 'x:c', 'x:row', 'sheetData', 'a.b-c_1');
const attrName = pick('r', 't', 's', 'hidden', 'x:r', 'spans', 'xml:space');
const ws = pick('', ' ', '  ', '\n', '\t', '\r\n');
const attribute = fc.tuple(attrName, ws, ws, pick('"', "'"), chars, fc.integer({ min: 0, max: 20 })).map(([n, w1, w2, q, v, odd]) => {
  if (odd === 0) return `${n}=${v}`; // unquoted
  if (odd === 1) return `${n}`; // no value
  return `${n}${w1}=${w2}${q}${v.replaceAll(q, '')}${q}`;
});

/** Tokens saxes fails on or reads itself (the tokenizer hands over at them). */
const odd = pick(
  '<?pi x?>',
  '<!DOCTYPE x>',
  '<1bad>',
  '</nope>',
  '<a b="1" b="2"/>',
  '<a b="1"c="2"/>',
  '<a/ >',
  '<!-- a -- b -->',
  '<!--->',
  '<!---->',
  '<!x>',
  '<',
  '<é/>',
  '<a é="1"/>',
  '\u0001',
  '</>',
  '<![CDAT[x]]>',
);

const content: fc.Memo<string> = fc.memo((depth) =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: chars },
        {
          weight: 5,
          arbitrary: fc
            .tuple(name, fc.array(attribute, { maxLength: 3 }), ws, fc.boolean(), depth > 1 ? content(depth - 1) : chars)
            .map(([n, attrs, w, self, inner]) => {
              const open = `<${n}${attrs.map((a) => ` ${a}`).join('')}${w}`;
              return self ? `${open}/>` : `${open}>${inner}</${n}${w}>`;
            }),
        },
        {
          // A cell as Excel writes it, and near misses (a prefix, white space, an empty or odd value).
          weight: 3,
          arbitrary: fc
            .tuple(fc.array(attribute, { maxLength: 3 }), pick('v', 'x:v', 'f'), chars, pick('</v></c>', '</v ></c>', '</v></c >', '</v>'))
            .map(([attrs, v, t, end]) => `<c${attrs.map((a) => ` ${a}`).join('')}><${v}>${t}${v === 'v' ? end : `</${v}></c>`}`),
        },
        { weight: 1, arbitrary: chars.map((t) => `<![CDATA[${t.replaceAll(']]>', '')}]]>`) },
        { weight: 1, arbitrary: chars.map((t) => `<!--${t.replaceAll('--', '')}-->`) },
        { weight: 1, arbitrary: odd },
        { weight: 1, arbitrary: fc.integer({ min: 900, max: 1100 }).map((n) => 'y'.repeat(n)) },
      ),
      { maxLength: 5 },
    )
    .map((xs) => xs.join('')),
);

const declaration = pick(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  "<?xml version='1.0' encoding='utf-8'?>",
  '<?xml version="1.0"?>',
  '',
  ' <?xml version="1.0"?>',
  '<?xml version="1.1"?>',
  '<?xml  version="1.0"?>',
  '<?xml-stylesheet href="a"?>',
);
const rootName = pick('worksheet', 'x:worksheet', 'sst');
const document = fc
  .tuple(declaration, rootName, content(4), pick('', '\n', ' <!-- after -->', '<b/>', 'tail'), fc.integer({ min: 0, max: 30 }))
  .map(([decl, root, inner, after, cut]) =>
    cut === 0
      ? `${decl}<${root} xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${inner}` // unclosed
      : `${decl}<${root} xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${inner}</sheetData></${root}>${after}`,
  );

const options = fc.record({
  maxDepth: fc.oneof(fc.constant(64), fc.integer({ min: 1, max: 6 })),
  maxText: fc.oneof(fc.constant(32_767), fc.integer({ min: 0, max: 1200 })),
  stopAfter: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 1, max: 12 })),
});

describe('the worksheet tokenizer gives what saxes gives', () => {
  it('on random sheet XML cut into units anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(document, fc.array(fc.nat({ max: 4000 }), { maxLength: 6 }), options, async (xml, cuts, o) => {
        const n = Buffer.byteLength(xml);
        await same(
          xml,
          cuts.map((c) => c % (n + 1)),
          o,
        );
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('on a sheet with every construct, cut at every byte', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:worksheet xmlns:x="urn:x"><x:sheetData>\r\n' +
      '<x:row r="1" spans=\'1:3\' hidden = "1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">张&amp;三 &#20013;&#x41;\r\n😀</x:t>' +
      '<x:rPh><x:t>ㄓ</x:t></x:rPh></x:is></x:c><!-- a comment --><x:c r="C1"><x:v><![CDATA[4]]]]><![CDATA[>6]]></x:v></x:c></x:row>\n' +
      '<x:row r="2"><x:c r="A2" s="3"><x:f>A1*2</x:f><x:v/></x:c><x:c r="B2" t="str"><x:v>a]]b &quot;q&quot; &apos;</x:v></x:c><x:c r="C2" t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>\r\n';
    const n = Buffer.byteLength(xml);
    for (let cut = 0; cut <= n; cut++) await same(xml, [cut], WIDE);
    await same(
      xml,
      Array.from({ length: n }, (_, i) => i),
      WIDE,
    );
  });

  it('hands over to saxes at what it does not read itself, and saxes fails with its own words', async () => {
    for (const bad of ['<!DOCTYPE x>', '<?pi?>', '<a b="1" b="2"/>', '&bogus;', '\u0001', '</nope>', '<a/ >', '<é/>']) {
      const xml = `<?xml version="1.0"?><worksheet><sheetData><row r="1">${bad}</row></sheetData></worksheet>`;
      const log = await trace(sheetSink, Buffer.from(xml), [], WIDE);
      // saxes reads a processing instruction and a name outside ASCII; it fails on the rest.
      expect(log.at(-1), bad).toMatch(bad === '<?pi?>' || bad === '<é/>' ? /^end$/ : /^error FILE_UNREADABLE/);
      expect(log).toEqual(await trace(saxesSink, Buffer.from(xml), [], WIDE));
    }
  });

  it('reads a cell in one call only when its value is plain (handlers with openFlat and cell)', async () => {
    for (const value of ['0', 'a]]>b', 'a]b', 'x&amp;y', '&bogus;', '\u0001', 'a\r\nb', 'a\rb', '\t\n', '\uFFFE', '😀', '\uD800', '']) {
      const xml = `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>${value}</v></c><c><v>${value}</v></c></row></sheetData></worksheet>`;
      const n = Buffer.byteLength(xml);
      for (let cut = 0; cut <= n; cut += 3) await same(xml, [cut], WIDE);
    }
  });

  it("attributes read flat: around the 32 read flat, and one named twice, give saxes's events", async () => {
    for (const count of [31, 32, 33, 40]) {
      const attrs = Array.from({ length: count }, (_, i) => ` a${i}="${i}"`).join('');
      const xml = `<worksheet><sheetData><row r="1"${attrs}><c r="A1"><v>1</v></c></row><row r="2" a1="x" a1="y"/></sheetData></worksheet>`;
      await same(xml, [], WIDE);
      await same(xml, [30, 200], WIDE);
    }
  });

  it('leaves what stands before the root to saxes', async () => {
    for (const before of ['</a>', '\n<!-- c -->', '\ntext', '<?pi?>', '<!DOCTYPE a>', '\n&amp;', '<', '\r\n\t']) {
      for (const decl of ['<?xml version="1.0"?>', '']) {
        const xml = `${decl}${before}<a><b/></a>`;
        const n = Buffer.byteLength(xml);
        for (let cut = 0; cut <= n; cut++) await same(xml, [cut], WIDE);
      }
    }
  });

  it('a text longer than the limit at a unit boundary fails as saxes fails (maxCellChars, its length then)', async () => {
    const xml = `<worksheet><sheetData><row><c><v>${'9'.repeat(3000)}</v></c></row></sheetData></worksheet>`;
    const o = { ...WIDE, maxText: 1500 };
    const log = await trace(sheetSink, Buffer.from(xml), [2000], o);
    expect(log.at(-1)).toContain('"limit":"maxCellChars"');
    expect(log).toEqual(await trace(saxesSink, Buffer.from(xml), [2000], o));
  });
});
