/**
 * Small edits to the package's bookkeeping parts (relationships, [Content_Types].xml) and the names
 * of new parts, shared by the annotator's parts.
 */
import { escapeXml, NS_REL } from '../xlsx/xlsx-writer.js';

export const REL_SHEET = `${NS_REL}/worksheet`;
export const REL_COMMENTS = `${NS_REL}/comments`;
export const REL_VML = `${NS_REL}/vmlDrawing`;
export const REL_STYLES = `${NS_REL}/styles`;
export const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

export function dropAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

/** The namespace prefix of the root element (`x:` in `<x:worksheet>`), '' when none. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: attrOf(m[0], 'Id') ?? '',
    type: attrOf(m[0], 'Type') ?? '',
    target: attrOf(m[0], 'Target') ?? '',
    external: attrOf(m[0], 'TargetMode') === 'External',
  }));
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export function addRels(xml: string | undefined, rels: Rel[]): string {
  const items = rels.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('');
  if (!xml)
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
      `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`
    );
  const p = rootPrefix(xml, 'Relationships');
  if (p)
    return xml.replace(
      new RegExp(`</${p}Relationships>`),
      rels.map((r) => `<${p}Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('') +
        `</${p}Relationships>`,
    );
  if (/<Relationships\b[^>]*\/>/.test(xml)) return xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${items}</Relationships>`);
  return xml.replace('</Relationships>', `${items}</Relationships>`);
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
  const p = rootPrefix(xml, 'Types');
  let add = '';
  for (const d of defaults) {
    if (new RegExp(`<${p}Default\\b[^>]*Extension="${d.ext}"`, 'i').test(xml)) continue;
    add += `<${p}Default Extension="${d.ext}" ContentType="${d.type}"/>`;
  }
  for (const o of overrides) add += `<${p}Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`;
  return xml.replace(`</${p}Types>`, `${add}</${p}Types>`);
}
