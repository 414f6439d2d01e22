/**
 * Small edits to the package's bookkeeping parts (relationships, [Content_Types].xml) and the names
 * of new parts, shared by the annotator's parts.
 */
import { localName } from '../xlsx/xml.js';
import { appendChildren, childElements, dropAttr, findElement, readAttr, setAttr, unescapeXmlText, xmlTags } from '../xlsx/xml-edit.js';
import { escapeXml, NS_REL } from '../xlsx/xlsx-writer.js';

export const REL_SHEET = `${NS_REL}/worksheet`;
export const REL_COMMENTS = `${NS_REL}/comments`;
export const REL_VML = `${NS_REL}/vmlDrawing`;
export const REL_STYLES = `${NS_REL}/styles`;
export const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** Text of an attribute or element, entities expanded. */
export const unescapeXml = unescapeXmlText;

/** The value of the attribute named exactly `name` in one start tag; undefined when absent. */
export const attrOf = readAttr;

export { dropAttr, setAttr };

/** The namespace prefix of the first element named `local` (`x:` in `<x:worksheet>`), '' when none. */
export function rootPrefix(xml: string, local: string): string {
  return findElement(xml, local)?.prefix ?? '';
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Rel[] {
  const rels: Rel[] = [];
  for (const t of xmlTags(xml)) {
    if (t.kind === 'close' || localName(t.name) !== 'Relationship') continue;
    const tag = xml.slice(t.start, t.end);
    rels.push({
      id: readAttr(tag, 'Id') ?? '',
      type: readAttr(tag, 'Type') ?? '',
      target: readAttr(tag, 'Target') ?? '',
      external: readAttr(tag, 'TargetMode') === 'External',
    });
  }
  return rels;
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export function addRels(xml: string | undefined, rels: Rel[]): string {
  const items = (p: string): string =>
    rels.map((r) => `<${p}Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('');
  if (!xml)
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
      `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items('')}</Relationships>`
    );
  const root = findElement(xml, 'Relationships');
  return root ? appendChildren(xml, root, items(root.prefix)) : xml;
}

export function freeId(taken: Set<string>, base: string): string {
  let i = 1;
  while (taken.has(`${base}${i}`)) i++;
  const id = `${base}${i}`;
  taken.add(id);
  return id;
}

/** A relative target from the folder of `fromPart` to `toPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** The first name make(1), make(2) … not taken; bounded, so a `make` that ignores n can never spin forever. */
export function freePart(taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; n <= taken.size + 1; n++) {
    const name = make(n);
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
  throw new Error('annotate: no free part name');
}

export function addContentTypes(
  xml: string,
  overrides: { part: string; type: string }[],
  defaults: { ext: string; type: string }[],
): string {
  const root = findElement(xml, 'Types');
  if (!root) return xml;
  const p = root.prefix;
  const known = new Set(
    childElements(xml, root)
      .filter((c) => localName(c.name) === 'Default')
      .map((c) => (readAttr(c.open, 'Extension') ?? '').toLowerCase()),
  );
  let add = '';
  for (const d of defaults) {
    if (known.has(d.ext.toLowerCase())) continue;
    add += `<${p}Default Extension="${d.ext}" ContentType="${d.type}"/>`;
  }
  for (const o of overrides) add += `<${p}Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`;
  return appendChildren(xml, root, add);
}
