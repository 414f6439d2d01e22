// notes.ts: the comments part, its VML shapes, and notes merged into a comments part the sheet already has.
import { describe, expect, it } from 'vitest';
import { commentsXml, mergeComments, vmlShape, vmlXml } from '../../../dist/io/annotate/notes.js';

describe('commentsXml', () => {
  it('writes one comment per note by the one author, the text escaped', () => {
    const xml = commentsXml(
      [
        { ref: 'B3', text: '身份证号 <校验位> & "错"' },
        { ref: 'C4', text: 'second' },
      ],
      '人社局 & 检查',
    );
    expect(xml).toContain('<authors><author>人社局 &amp; 检查</author></authors>');
    expect(xml).toContain('<comment ref="B3" authorId="0">');
    expect(xml).toContain('<t xml:space="preserve">身份证号 &lt;校验位&gt; &amp; &quot;错&quot;</t>');
    expect(xml.match(/<comment /g)).toHaveLength(2);
  });
});

describe('vmlShape', () => {
  it('anchors a note at its cell: Row and Column are 0-based', () => {
    const s = vmlShape(5, 2, 3001);
    expect(s).toContain('id="_x0000_s3001"');
    expect(s).toContain('<x:Row>4</x:Row><x:Column>2</x:Column>');
    expect(s).toContain('<x:Anchor>3, 15, 3, 10, 7, 15, 9, 4</x:Anchor>');
    expect(vmlShape(1, 0, 1)).toContain('<x:Anchor>1, 15, 0, 10, 5, 15, 5, 4</x:Anchor>');
  });
  it('wraps shapes in one VML part with the note shape type', () => {
    const v = vmlXml([vmlShape(2, 0, 1), vmlShape(3, 0, 2)]);
    expect(v.startsWith('<xml ')).toBe(true);
    expect(v).toContain('<v:shapetype id="_x0000_t202"');
    expect(v.match(/<v:shape /g)).toHaveLength(2);
    expect(v.endsWith('</xml>')).toBe(true);
  });
});

describe('mergeComments', () => {
  const existing =
    '<comments xmlns="urn:main"><authors><author>张三</author></authors><commentList>' +
    '<comment ref="A2" authorId="0"><text><r><t>原注</t></r></text></comment></commentList></comments>';

  it('puts our text first in a cell that has a note, adds the others and our author', () => {
    const r = mergeComments(
      existing,
      [
        { ref: 'A2', row: 2, col: 0, text: '请 <改>' },
        { ref: 'B5', row: 5, col: 1, text: '新' },
      ],
      '检查工具',
    );
    expect(r.xml).toContain('<authors><author>张三</author><author>检查工具</author></authors>');
    expect(r.xml).toContain('<comment ref="A2" authorId="0"><text><r><t xml:space="preserve">请 &lt;改&gt;\n\n</t></r><r><t>原注</t>');
    expect(r.xml).toContain('<comment ref="B5" authorId="1"><text><r><t xml:space="preserve">新</t></r></text></comment></commentList>');
    expect(r.addedRefs).toEqual([{ row: 5, col: 1 }]);
  });

  it('reuses an author already listed and fills an empty commentList', () => {
    const r = mergeComments(
      '<x:comments xmlns:x="urn:main"><x:authors><x:author>检查工具</x:author></x:authors><x:commentList/></x:comments>',
      [{ ref: 'C1', row: 1, col: 2, text: 't' }],
      '检查工具',
    );
    expect(r.xml).toBe(
      '<x:comments xmlns:x="urn:main"><x:authors><x:author>检查工具</x:author></x:authors><x:commentList>' +
        '<x:comment ref="C1" authorId="0"><x:text><x:r><x:t xml:space="preserve">t</x:t></x:r></x:text></x:comment></x:commentList></x:comments>',
    );
  });

  it('merges into several commented cells at once, each run first in its own note, the new ones last', () => {
    const xml =
      '<comments><authors><author>张三</author></authors><commentList>' +
      '<comment ref="A1" authorId="0"><text><t>一</t></text></comment>' +
      '<comment ref="B2" authorId="0"><text><t>二</t></text></comment></commentList></comments>';
    const r = mergeComments(
      xml,
      [
        { ref: 'B2', row: 2, col: 1, text: 'b' },
        { ref: 'C3', row: 3, col: 2, text: 'c' },
        { ref: 'A1', row: 1, col: 0, text: 'a' },
      ],
      '检查工具',
    );
    const run = (t: string, gap = '\n\n'): string => `<r><t xml:space="preserve">${t}${gap}</t></r>`;
    expect(r.xml).toBe(
      '<comments><authors><author>张三</author><author>检查工具</author></authors><commentList>' +
        `<comment ref="A1" authorId="0"><text>${run('a')}<t>一</t></text></comment>` +
        `<comment ref="B2" authorId="0"><text>${run('b')}<t>二</t></text></comment>` +
        `<comment ref="C3" authorId="1"><text>${run('c', '')}</text></comment></commentList></comments>`,
    );
    expect(r.addedRefs).toEqual([{ row: 3, col: 2 }]);
  });
});
