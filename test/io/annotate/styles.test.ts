// styles.ts: the fills, fonts and cloned cell formats appended to styles.xml, nothing renumbered.
import { describe, expect, it } from 'vitest';
import { MINIMAL_STYLES, patchStyles } from '../../../dist/io/annotate/styles.js';

const list = (xml: string, tag: string, child: string): string[] =>
  [
    ...(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '').matchAll(
      new RegExp(`<${child}\\b[^>]*/>|<${child}\\b[^>]*>[\\s\\S]*?</${child}>`, 'g'),
    ),
  ].map((m) => m[0]);
const countOf = (xml: string, tag: string): number => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(xml)?.[1]);

describe('patchStyles', () => {
  it('appends a red and a yellow fill and counts them', () => {
    const st = patchStyles(MINIMAL_STYLES, new Set(['0:error', '0:warning']));
    const fills = list(st.xml, 'fills', 'fill');
    expect(fills).toHaveLength(4);
    expect(countOf(st.xml, 'fills')).toBe(4);
    expect(fills[2]).toContain('rgb="FFFFC7CE"');
    expect(fills[3]).toContain('rgb="FFFFEB9C"');
    expect(fills[2]).toContain('patternType="solid"');
  });

  it('clones the cell format of a flagged cell with the fill of its severity, after the existing ones', () => {
    const original = MINIMAL_STYLES.replace(
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
    const st = patchStyles(original, new Set(['1:error', '1:warning', '0:warning']));
    const xfs = list(st.xml, 'cellXfs', 'xf');

    // The two originals stay first and unchanged.
    expect(xfs[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(xfs[1]).toBe('<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    // Clones in key order: 0:warning, 1:error, 1:warning.
    expect(st.marked.get('0:warning')).toBe(2);
    expect(st.marked.get('1:error')).toBe(3);
    expect(st.marked.get('1:warning')).toBe(4);
    expect(xfs[3]).toBe('<xf numFmtId="49" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>');
    expect(xfs[4]).toContain('fillId="3"');
    expect(xfs[4]).toContain('numFmtId="49"');
    expect(st.header).toBe(5);
    expect(st.link).toBe(6);
    expect(st.wrap).toBe(7);
    expect(st.fillXf).toEqual({ error: 8, warning: 9 });
    expect(st.title).toBe(10);
    expect(xfs).toHaveLength(11);
    // The count is of <xf> children: the 2 the workbook had and the 9 added (it once counted `<cellXf`, missing the 2).
    expect(countOf(st.xml, 'cellXfs')).toBe(11);
  });

  it('gives the header a bold font, the link an underlined blue one and the title a 14 pt bold one', () => {
    const st = patchStyles(MINIMAL_STYLES, new Set());
    const fonts = list(st.xml, 'fonts', 'font');
    expect(countOf(st.xml, 'fonts')).toBe(4);
    const xfs = list(st.xml, 'cellXfs', 'xf');
    const fontOf = (i: number): string => fonts[Number(/fontId="(\d+)"/.exec(xfs[i] ?? '')?.[1])] ?? '';
    expect(fontOf(st.header)).toContain('<b/>');
    expect(fontOf(st.link)).toContain('<u/>');
    expect(fontOf(st.link)).toContain('FF0563C1');
    expect(fontOf(st.title)).toContain('<sz val="14"/>');
    const fillOf = (i: number): string => list(st.xml, 'fills', 'fill')[Number(/fillId="(\d+)"/.exec(xfs[i] ?? '')?.[1])] ?? '';
    expect(fillOf(st.fillXf.error)).toContain('FFFFC7CE');
    expect(fillOf(st.fillXf.warning)).toContain('FFFFEB9C');
  });

  it('keeps a prefixed stylesheet prefixed and creates a missing list in schema order', () => {
    const x =
      '<?xml version="1.0"?><x:styleSheet xmlns:x="urn:main"><x:fonts count="1"><x:font/></x:fonts>' +
      '<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>';
    const st = patchStyles(x, new Set(['0:error']));
    expect(st.xml).toMatch(/<\/x:fonts><x:fills count="4"><x:fill><x:patternFill patternType="none"\/>/);
    expect(st.xml).not.toMatch(/<fill>|<xf /);
    // No cellStyleXfs: the new formats name no xfId.
    expect(list(st.xml, 'x:cellXfs', 'x:xf')[st.header]).not.toContain('xfId');
    expect(st.marked.get('0:error')).toBe(1);
    expect(list(st.xml, 'x:cellXfs', 'x:xf')[1]).toBe('<x:xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/>');
  });

  it('writes a whole stylesheet when the package has none', () => {
    const st = patchStyles(undefined, new Set(['0:error']));
    expect(st.xml.startsWith('<?xml')).toBe(true);

    expect(st.marked.get('0:error')).toBe(1);
  });
});
