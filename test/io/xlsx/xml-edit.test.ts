// xml-edit.ts: the tokenizer the annotator edits package parts with; every byte not edited stays.
import { describe, expect, it } from 'vitest';
import {
  appendChildren,
  asStartTag,
  childElements,
  dropAttr,
  editTags,
  escapeAttr,
  findElement,
  nextTag,
  prependChildren,
  readAttr,
  setAttr,
  tagAttrs,
  unescapeXmlText,
  xmlTags,
} from '../../../src/io/xlsx/xml-edit.js';
import { parseXmlBuffer } from '../../../src/io/xlsx/xml.js';

/** The attributes saxes reads from the first element of `xml`. */
const saxesAttrs = (xml: string): Record<string, string> => {
  let first: Record<string, string> | undefined;
  parseXmlBuffer(Buffer.from(xml, 'utf8'), {
    open: (_n, attrs) => {
      first ??= attrs;
    },
    close: () => {},
    text: () => {},
  });
  return first ?? {};
};

describe('the tokenizer', () => {
  it('finds tags, skipping comments, CDATA, processing instructions and a > inside a quoted value', () => {
    const xml = `<?xml version="1.0"?><!-- <a> --><a x="1>2" y='<'><![CDATA[<b>]]><b/></a>`;
    const tags = [...xmlTags(xml)].map((t) => [t.name, t.kind, xml.slice(t.start, t.end)]);
    expect(tags).toEqual([
      ['a', 'open', `<a x="1>2" y='<'>`],
      ['b', 'empty', '<b/>'],
      ['a', 'close', '</a>'],
    ]);
  });

  it('reports no tag when the text ends inside one (a chunk boundary)', () => {
    expect(nextTag('<sheetData><row r="1')).toEqual({ start: 0, end: 11, name: 'sheetData', kind: 'open' });
    expect(nextTag('<sheetData><row r="1', 11)).toBeUndefined();
    expect(nextTag('<!-- not closed <a/>')).toBeUndefined();
  });

  it('finds an element by local name, its end by depth, and its direct children', () => {
    const xml = '<x:r xmlns:x="u"><x:a><x:a/></x:a><x:b k="v">t</x:b><!-- c --></x:r>';
    const a = findElement(xml, 'a')!;
    expect(xml.slice(a.start, a.end)).toBe('<x:a><x:a/></x:a>');
    expect(a.prefix).toBe('x:');
    const root = findElement(xml, 'r')!;
    expect(childElements(xml, root).map((c) => xml.slice(c.start, c.end))).toEqual(['<x:a><x:a/></x:a>', '<x:b k="v">t</x:b>']);
    expect(findElement(xml, 'missing')).toBeUndefined();
  });
});

describe('attributes', () => {
  it('reads by exact name, either quote, entities and character references expanded', () => {
    const tag = `<sheet name='A&amp;B&#39;s' r:id="rId2" id="x"/>`;
    expect(readAttr(tag, 'name')).toBe("A&B's");
    expect(readAttr(tag, 'r:id')).toBe('rId2');
    expect(readAttr(tag, 'id')).toBe('x');
    expect(readAttr(tag, 'sheetId')).toBeUndefined();
    expect(tagAttrs(tag).map((a) => [a.name, a.quote])).toEqual([
      ['name', "'"],
      ['r:id', '"'],
      ['id', '"'],
    ]);
  });

  it('sets a value in place, in its own quotes, every other byte kept', () => {
    expect(setAttr('<c r="A1"\n   s = "3" t="n">', 's', '9')).toBe('<c r="A1"\n   s = "9" t="n">');
    expect(setAttr(`<c r='A1' s='3'/>`, 's', '12')).toBe(`<c r='A1' s='12'/>`);
    // Absent: added after the last attribute, the white space before /> kept.
    expect(setAttr('<c r="A1" />', 's', '9')).toBe('<c r="A1" s="9" />');
    expect(setAttr('<row>', 'r', '4')).toBe('<row r="4">');
    expect(setAttr('<xf/>', 'applyFill', '1')).toBe('<xf applyFill="1"/>');
    // `s` is not `sx`, nor the `s` inside another value.
    expect(setAttr('<c sx="1" t="s">', 's', '2')).toBe('<c sx="1" t="s" s="2">');
  });

  it("escapes a value for the quotes it goes in: a ' in a single-quoted attribute stays well-formed", () => {
    const tag = `<a title='x' k="y"/>`;
    const set = setAttr(setAttr(tag, 'title', `it's "<&>"`), 'k', `it's "q"`);
    expect(set).toBe(`<a title='it&apos;s "&lt;&amp;&gt;"' k="it's &quot;q&quot;"/>`);
    expect(saxesAttrs(set)).toEqual({ title: `it's "<&>"`, k: `it's "q"` });
    expect(escapeAttr(`'"`)).toBe(`'&quot;`);
    expect(escapeAttr(`'"`, "'")).toBe(`&apos;"`);
  });

  it('drops an attribute with the white space before it', () => {
    expect(dropAttr('<row r="1" spans="1:3" ht="15">', 'spans')).toBe('<row r="1" ht="15">');
    expect(dropAttr('<row r="1"\n spans="1:3"/>', 'spans')).toBe('<row r="1"/>');
    expect(dropAttr('<row r="1">', 'spans')).toBe('<row r="1">');
  });

  it('expands only the predefined entities and valid character references', () => {
    expect(unescapeXmlText('&lt;&gt;&amp;&quot;&apos;&#x4E2D;&#25991;')).toBe(`<>&"'中文`);
    expect(unescapeXmlText('&nbsp;&#0;&amp;amp;')).toBe('&nbsp;&#0;&amp;');
  });
});

describe('inserting children and editing tags', () => {
  it('appends and prepends, opening a self-closing element with its attributes', () => {
    const xml = '<r><l a="1"/><m><x/></m></r>';
    expect(appendChildren(xml, findElement(xml, 'l')!, '<i/>')).toBe('<r><l a="1"><i/></l><m><x/></m></r>');
    expect(appendChildren(xml, findElement(xml, 'm')!, '<i/>')).toBe('<r><l a="1"/><m><x/><i/></m></r>');
    expect(prependChildren(xml, findElement(xml, 'm')!, '<i/>')).toBe('<r><l a="1"/><m><i/><x/></m></r>');
    expect(asStartTag('<row r="1" />')).toBe('<row r="1">');
    expect(asStartTag('<row r="1">')).toBe('<row r="1">');
  });

  it('edits every tag of one name and keeps the bytes between', () => {
    const xml = '<w>\n <v a="1"/><!-- <v a="9"/> --><x:v a="2"></x:v></w>';
    const out = editTags(xml, 'v', (t) => setAttr(t, 'a', String(Number(readAttr(t, 'a')) + 1)));
    expect(out).toBe('<w>\n <v a="2"/><!-- <v a="9"/> --><x:v a="3"></x:v></w>');
    expect(editTags(xml, 'none', () => 'X')).toBe(xml);
  });
});
