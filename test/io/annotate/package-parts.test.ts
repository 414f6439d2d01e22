// package-parts.ts: relationships, content types and the names of new parts.
import { describe, expect, it } from 'vitest';
import {
  addContentTypes,
  addRels,
  attrOf,
  dropAttr,
  freeId,
  freePart,
  parseRels,
  relativeTarget,
  relsPathOf,
  setAttr,
} from '../../../dist/io/annotate/package-parts.js';

describe('attributes on a start tag', () => {
  it('reads either quote, unescaped; sets in place or at the end; drops', () => {
    expect(attrOf(`<c r='A1' s="3&amp;">`, 'r')).toBe('A1');
    expect(attrOf(`<c r='A1' s="3&amp;">`, 's')).toBe('3&');
    expect(attrOf('<c r="A1">', 's')).toBeUndefined();
    expect(setAttr('<c r="A1" s="3">', 's', '9')).toBe('<c r="A1" s="9">');
    expect(setAttr('<c r="A1"/>', 's', '9')).toBe('<c r="A1" s="9"/>');
    expect(dropAttr('<row r="1" spans="1:3">', 'spans')).toBe('<row r="1">');
  });
});

describe('relationships', () => {
  it('parses, adds to an existing, a prefixed and a missing part', () => {
    const rels = parseRels('<Relationships><Relationship Id="rId1" Type="t/x" Target="a.xml" TargetMode="External"/></Relationships>');
    expect(rels).toEqual([{ id: 'rId1', type: 't/x', target: 'a.xml', external: true }]);
    const r = { id: 'rIdHrss1', type: 'T', target: 'b&c.xml', external: false };
    expect(addRels('<Relationships></Relationships>', [r])).toBe(
      '<Relationships><Relationship Id="rIdHrss1" Type="T" Target="b&amp;c.xml"/></Relationships>',
    );
    expect(addRels('<p:Relationships xmlns:p="u"></p:Relationships>', [r])).toContain('<p:Relationship Id="rIdHrss1"');
    expect(addRels('<Relationships xmlns="u"/>', [r])).toBe(
      '<Relationships xmlns="u"><Relationship Id="rIdHrss1" Type="T" Target="b&amp;c.xml"/></Relationships>',
    );
    expect(addRels(undefined, [r])).toMatch(/^<\?xml[\s\S]*<Relationship Id="rIdHrss1"[^>]*\/><\/Relationships>$/);
  });

  it('names the rels part of a part, a relative target and free ids and part names', () => {
    expect(relsPathOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/comments1.xml')).toBe('../comments1.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet3.xml')).toBe('worksheets/sheet3.xml');
    const ids = new Set(['rIdHrss1']);
    expect(freeId(ids, 'rIdHrss')).toBe('rIdHrss2');
    expect(ids.has('rIdHrss2')).toBe(true);
    const taken = new Set(['xl/comments1.xml']);
    expect(freePart(taken, (n) => `xl/Comments${n}.xml`)).toBe('xl/Comments2.xml');
  });
});

describe('addContentTypes', () => {
  it('adds a Default once and the Overrides', () => {
    const xml = '<Types><Default Extension="VML" ContentType="v"/></Types>';
    expect(addContentTypes(xml, [{ part: 'xl/c.xml', type: 'C' }], [{ ext: 'vml', type: 'v' }])).toBe(
      '<Types><Default Extension="VML" ContentType="v"/><Override PartName="/xl/c.xml" ContentType="C"/></Types>',
    );
    expect(addContentTypes('<Types></Types>', [], [{ ext: 'vml', type: 'v' }])).toBe(
      '<Types><Default Extension="vml" ContentType="v"/></Types>',
    );
  });
});
