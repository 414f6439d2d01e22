/** Notes: a comments part and its VML drawing (Excel shows notes only with both). */
import { escapeXml, NS_MAIN } from '../xlsx/xlsx-writer.js';
import { localName } from '../xlsx/xml.js';
import {
  appendChildren,
  childElement,
  childElements,
  findElement,
  prependChildren,
  readAttr,
  unescapeXmlText,
  type XmlElement,
} from '../xlsx/xml-edit.js';

export function commentsXml(notes: { ref: string; text: string }[], author: string): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${n.ref}" authorId="0"><text><r><rPr><rFont val="宋体"/><charset val="134"/><sz val="9"/></rPr>` +
        `<t xml:space="preserve">${escapeXml(n.text)}</t></r></text></comment>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors>` +
    `<author>${escapeXml(author)}</author></authors><commentList>${list}</commentList></comments>`
  );
}

export function vmlShape(row: number, col: number, id: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" ` +
    `style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:90pt;z-index:${id};visibility:hidden" ` +
    `fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${Math.max(0, row - 2)}, 10, ${col + 5}, 15, ${row + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row - 1}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

export function vmlXml(shapes: string[]): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>' +
    '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join('') +
    '</xml>'
  );
}

/**
 * Notes merged into a sheet's existing comments part: a note on a cell that has a comment goes first in
 * its text, any other becomes a new comment by our author (added to the authors when missing). The part is
 * read once; the edits are applied from its end backwards, so no offset moves before it is used.
 */
export function mergeComments(
  xml: string,
  notes: { ref: string; row: number; col: number; text: string }[],
  author: string,
): { xml: string; addedRefs: { row: number; col: number }[] } {
  const root = findElement(xml, 'comments');
  if (!root) return { xml, addedRefs: [] };
  const p = root.prefix;
  const parts = childElements(xml, root);
  const authorsEl = parts.find((c) => localName(c.name) === 'authors');
  const list = parts.find((c) => localName(c.name) === 'commentList');
  const authors = authorsEl
    ? childElements(xml, authorsEl)
        .filter((c) => localName(c.name) === 'author')
        .map((c) => unescapeXmlText(xml.slice(c.openEnd, c.closeStart)))
    : [];
  const edits: { el: XmlElement; at: 'start' | 'end'; content: string }[] = [];
  let authorId = authors.indexOf(author);
  if (authorId < 0) {
    authorId = authors.length;
    if (authorsEl) edits.push({ el: authorsEl, at: 'end', content: `<${p}author>${escapeXml(author)}</${p}author>` });
  }
  // The <text> of each commented cell, by reference (the first comment of a cell, as Excel keeps one).
  const texts = new Map<string, XmlElement>();
  for (const c of list ? childElements(xml, list) : []) {
    const ref = localName(c.name) === 'comment' ? readAttr(c.open, 'ref') : undefined;
    const text = ref !== undefined && !texts.has(ref) ? childElement(xml, c, 'text') : undefined;
    if (ref !== undefined && text) texts.set(ref, text);
  }
  const addedRefs: { row: number; col: number }[] = [];
  let add = '';
  for (const n of notes) {
    const run = `<${p}r><${p}t xml:space="preserve">${escapeXml(n.text)}\n\n</${p}t></${p}r>`;
    const text = texts.get(n.ref);
    if (text) edits.push({ el: text, at: 'start', content: run });
    else {
      add += `<${p}comment ref="${n.ref}" authorId="${authorId}"><${p}text>${run.replace('\n\n<', '<')}</${p}text></${p}comment>`;
      addedRefs.push({ row: n.row, col: n.col });
    }
  }
  if (list) edits.push({ el: list, at: 'end', content: add });
  let out = xml;
  // From the last insertion point back: an edit never moves the offsets of the ones still to come.
  const pos = (e: (typeof edits)[number]): number => (e.at === 'end' ? e.el.closeStart : e.el.openEnd);
  edits.sort((x, y) => pos(y) - pos(x));
  for (const e of edits) out = e.at === 'end' ? appendChildren(out, e.el, e.content) : prependChildren(out, e.el, e.content);
  return { xml: out, addedRefs };
}
