/**
 * styles.xml for the annotated copy: the two fills, three fonts and the cloned cell formats are
 * appended (nothing renumbered), so every style index the sheets already use keeps its meaning.
 */
import { NS_MAIN } from '../xlsx/xlsx-writer.js';
import type { MarkKind } from './plan.js';
import { rootPrefix, setAttr } from './package-parts.js';

/** Excel's own "Bad" and "Neutral" cell-style colours. */
export const FILL_RGB: Record<Exclude<MarkKind, 'info'>, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };

export interface StylePatch {
  xml: string;
  /** `${baseXf}:${kind}` → new xf index. */
  marked: Map<string, number>;
  header: number;
  link: number;
  wrap: number;
  title: number;
  fillXf: Record<Exclude<MarkKind, 'info'>, number>;
}

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font>` +
  `<sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>` +
  `<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>` +
  `</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1">` +
  `<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Appends `items` to the list element `tag` (creating it in schema order when absent); returns the new xml and the first new index. */
export function appendList(
  xml: string,
  p: string,
  tag: string,
  items: string[],
  after: string[],
  defaults: string[],
): { xml: string; first: number } {
  const open = new RegExp(`<${p}${tag}\\b[^>]*?(/?)>`);
  const m = open.exec(xml);
  if (!m) {
    const all = [...defaults, ...items];
    const el = `<${p}${tag} count="${all.length}">${all.join('')}</${p}${tag}>`;
    let at = -1;
    for (const a of after) {
      const close = xml.indexOf(`</${p}${a}>`);
      if (close >= 0) at = Math.max(at, close + `</${p}${a}>`.length);
      const selfM = new RegExp(`<${p}${a}\\b[^>]*/>`).exec(xml);
      if (selfM) at = Math.max(at, selfM.index + selfM[0].length);
    }
    if (at < 0) at = (/<(?:\w+:)?styleSheet\b[^>]*>/.exec(xml)?.index ?? 0) + (/<(?:\w+:)?styleSheet\b[^>]*>/.exec(xml)?.[0].length ?? 0);
    return { xml: xml.slice(0, at) + el + xml.slice(at), first: defaults.length };
  }
  if (m[1] === '/') {
    const el = `<${p}${tag} count="${items.length}">${items.join('')}</${p}${tag}>`;
    return { xml: xml.slice(0, m.index) + el + xml.slice(m.index + m[0].length), first: 0 };
  }
  const closeTag = `</${p}${tag}>`;
  const close = xml.indexOf(closeTag, m.index);
  const inner = xml.slice(m.index + m[0].length, close);
  const childRe = new RegExp(`<${p}${tag.replace(/s$/, '')}\\b`, 'g');
  const count = (inner.match(childRe) ?? []).length;
  const head = setAttr(m[0], 'count', String(count + items.length));
  return { xml: xml.slice(0, m.index) + head + inner + items.join('') + xml.slice(close), first: count };
}

export function patchStyles(original: string | undefined, wanted: Set<string>): StylePatch {
  let xml = original ?? MINIMAL_STYLES;
  const p = rootPrefix(xml, 'styleSheet');
  const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];
  const fill = (rgb: string): string =>
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  const fills = appendList(xml, p, 'fills', [fill(FILL_RGB.error), fill(FILL_RGB.warning)], order.slice(0, 2), [
    `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
    `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
  ]);
  xml = fills.xml;
  const fillId = { error: fills.first, warning: fills.first + 1 };
  const fonts = appendList(
    xml,
    p,
    'fonts',
    [
      `<${p}font><${p}b/><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`,
      `<${p}font><${p}u/><${p}sz val="11"/><${p}color rgb="FF0563C1"/><${p}name val="Calibri"/></${p}font>`,
      `<${p}font><${p}b/><${p}sz val="14"/><${p}name val="Calibri"/></${p}font>`,
    ],
    order.slice(0, 1),
    [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`],
  );
  xml = fonts.xml;
  const hasStyleXfs = new RegExp(`<${p}cellStyleXfs\\b`).test(xml);
  const xfId = hasStyleXfs ? ' xfId="0"' : '';
  // The existing cell formats, to clone.
  const cx = new RegExp(`<${p}cellXfs\\b[^>]*>([\\s\\S]*?)</${p}cellXfs>`).exec(xml);
  const xfs = cx
    ? [...(cx[1] as string).matchAll(new RegExp(`<${p}xf\\b[^>]*/>|<${p}xf\\b[^>]*>[\\s\\S]*?</${p}xf>`, 'g'))].map((m) => m[0])
    : [];
  const base = xfs.length > 0 ? xfs : [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"${xfId}/>`];
  const items: string[] = [];
  const marked = new Map<string, number>();
  const start = xfs.length > 0 ? xfs.length : 1;
  const push = (x: string): number => {
    items.push(x);
    return start + items.length - 1;
  };
  for (const key of [...wanted].sort()) {
    const [b, kind] = key.split(':') as [string, Exclude<MarkKind, 'info'>];
    const src = base[Number(b)] ?? base[0]!;
    const open = /^<[^>]*?\/?>/.exec(src)![0];
    let tag = setAttr(setAttr(open, 'fillId', String(fillId[kind])), 'applyFill', '1');
    if (open.endsWith('/>') && !tag.endsWith('/>')) tag = tag.replace(/>$/, '/>');
    marked.set(key, push(tag + src.slice(open.length)));
  }
  const header = push(
    `<${p}xf numFmtId="0" fontId="${fonts.first}" fillId="0" borderId="0"${xfId} applyFont="1" applyAlignment="1">` +
      `<${p}alignment vertical="center" wrapText="1"/></${p}xf>`,
  );
  const link = push(
    `<${p}xf numFmtId="0" fontId="${fonts.first + 1}" fillId="0" borderId="0"${xfId} applyFont="1" applyAlignment="1">` +
      `<${p}alignment vertical="top" wrapText="1"/></${p}xf>`,
  );
  const wrap = push(
    `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"${xfId} applyAlignment="1"><${p}alignment vertical="top" wrapText="1"/>` +
      `</${p}xf>`,
  );
  const fillXf = {
    error: push(
      `<${p}xf numFmtId="0" fontId="0" fillId="${fillId.error}" borderId="0"${xfId} applyFill="1" applyAlignment="1">` +
        `<${p}alignment vertical="top"/></${p}xf>`,
    ),
    warning: push(
      `<${p}xf numFmtId="0" fontId="0" fillId="${fillId.warning}" borderId="0"${xfId} applyFill="1" applyAlignment="1">` +
        `<${p}alignment vertical="top"/></${p}xf>`,
    ),
  };
  const title = push(
    `<${p}xf numFmtId="0" fontId="${fonts.first + 2}" fillId="0" borderId="0"${xfId} applyFont="1" applyAlignment="1">` +
      `<${p}alignment vertical="center"/></${p}xf>`,
  );
  xml = appendList(xml, p, 'cellXfs', items, order.slice(0, 5), xfs.length > 0 ? [] : base).xml;
  return { xml, marked, header, link, wrap, title, fillXf };
}
