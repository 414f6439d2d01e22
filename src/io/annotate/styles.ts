/**
 * styles.xml for the annotated copy: the two fills, three fonts and the cloned cell formats are
 * appended (nothing renumbered), so every style index the sheets already use keeps its meaning.
 */
import { NS_MAIN } from '../xlsx/xlsx-writer.js';
import type { MarkKind } from './plan.js';
import { localName } from '../xlsx/xml.js';
import { asStartTag, childElements, findElement, insertAt, nextTag, setAttr } from '../xlsx/xml-edit.js';
import { rootPrefix } from './package-parts.js';

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

/** The child element each list of styles.xml holds (`cellXfs` holds `xf`, not `cellXf`). */
export const LIST_ITEM: Record<string, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellStyleXfs: 'xf',
  cellXfs: 'xf',
};

/** Appends `items` to the list element `tag` (creating it in schema order when absent); returns the new xml and the first new index. */
export function appendList(
  xml: string,
  p: string,
  tag: string,
  items: string[],
  after: string[],
  defaults: string[],
): { xml: string; first: number } {
  const root = findElement(xml, 'styleSheet');
  const lists = root ? childElements(xml, root) : [];
  const el = lists.find((c) => localName(c.name) === tag);
  if (!el) {
    const all = [...defaults, ...items];
    const created = `<${p}${tag} count="${all.length}">${all.join('')}</${p}${tag}>`;
    let at = -1;
    for (const a of after) for (const c of lists) if (localName(c.name) === a) at = Math.max(at, c.end);
    if (at < 0) at = root?.openEnd ?? 0;
    return { xml: insertAt(xml, at, created), first: defaults.length };
  }
  const item = LIST_ITEM[tag] ?? tag.slice(0, -1);
  const count = childElements(xml, el).filter((c) => localName(c.name) === item).length;
  const head = asStartTag(setAttr(el.open, 'count', String(count + items.length)));
  const rest = el.selfClosing
    ? `${items.join('')}</${el.name}>${xml.slice(el.end)}`
    : insertAt(xml.slice(el.openEnd), el.closeStart - el.openEnd, items.join(''));
  return { xml: xml.slice(0, el.start) + head + rest, first: count };
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
  const sheet = findElement(xml, 'styleSheet');
  const lists = sheet ? childElements(xml, sheet) : [];
  const hasStyleXfs = lists.some((c) => localName(c.name) === 'cellStyleXfs');
  const xfId = hasStyleXfs ? ' xfId="0"' : '';
  // The existing cell formats, to clone.
  const cx = lists.find((c) => localName(c.name) === 'cellXfs');
  const xfs = cx
    ? childElements(xml, cx)
        .filter((c) => localName(c.name) === 'xf')
        .map((c) => xml.slice(c.start, c.end))
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
    const open = nextTag(src)!;
    const tag = setAttr(setAttr(src.slice(0, open.end), 'fillId', String(fillId[kind])), 'applyFill', '1');
    marked.set(key, push(tag + src.slice(open.end)));
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
