/**
 * The feedback copy of a department's workbook (department.md "Feedback in the department's own
 * file"), written by patching the original package instead of round-tripping it through a
 * spreadsheet library: every part is copied as it is, except
 *   - the sheets with findings, streamed row by row: a flagged cell gets a style that is its own
 *     style with a red (error) or yellow (warning) fill, a missing flagged cell is inserted, and
 *     a <legacyDrawing> is added for the notes;
 *   - styles.xml: the two fills and the cloned cell formats appended (nothing renumbered);
 *   - workbook.xml, its relationships and [Content_Types].xml: the 检查结果 sheet added first;
 * and comments + VML parts are added per sheet. Values, number formats, merges, widths,
 * validations, pictures and everything the tool does not understand stay byte for byte.
 * (exceljs reads a whole workbook into memory and writes back only what it models: it drops
 * pictures, charts and some formats, and takes minutes and gigabytes on 50,000 rows.)
 *
 * The work is done by parts: styles.ts (styles.xml), row-patcher.ts (a sheet's rows), notes.ts
 * (comments + VML), summary-sheet.ts (检查结果), csv-workbook.ts (a CSV as a workbook),
 * package-parts.ts (relationships, content types), write-zip.ts; this file puts them together.
 */
import type { Readable } from 'node:stream';
import { mkdir, rm } from 'node:fs/promises';
import type { IoPort } from '../port.js';
import { ZipArchive, normalisePartName, resolvePartTarget } from '../zip/zip.js';
import { escapeXml, NS_REL } from '../xlsx/xlsx-writer.js';
import { localName } from '../xlsx/xml.js';
import { childElements, editTags, findElement, insertAt, prependChildren, tagAttrs } from '../xlsx/xml-edit.js';
import { columnLetter } from '../../domain/text.js';
import type { Limits } from '../../schemas/config.js';
import { planForSheets, type AnnotatePlan, type MarkKind } from './plan.js';
import {
  addContentTypes,
  addRels,
  attrOf,
  CT_COMMENTS,
  CT_SHEET,
  CT_STYLES,
  CT_VML,
  freeId,
  freePart,
  parseRels,
  REL_COMMENTS,
  REL_SHEET,
  REL_STYLES,
  REL_VML,
  relativeTarget,
  relsPathOf,
  rootPrefix,
  setAttr,
} from './package-parts.js';
import { patchStyles } from './styles.js';
import { collectBaseStyles, groupMarks, type RowMarks, SheetPatcher } from './row-patcher.js';
import { commentsXml, mergeComments, vmlShape, vmlXml } from './notes.js';
import { quoteSheet, summaryHeaderRow, summaryXml } from './summary-sheet.js';
import { writeZip } from './write-zip.js';

export type { AnnotatePlan, CellMark, MarkKind, SummaryRow } from './plan.js';
export { summaryHeaderRow } from './summary-sheet.js';
export { csvWorkbook } from './csv-workbook.js';

/**
 * Writes `dest` from the workbook at `src` with the plan's marks, notes and the 检查结果 sheet.
 * Written to a temporary name and renamed, so a failure never leaves half a file.
 */
export async function annotateXlsx(
  src: string,
  dest: string,
  asked: AnnotatePlan,
  opts: { limits: Limits; instant: Date; io?: IoPort },
): Promise<void> {
  const zip = await ZipArchive.open(src, opts.limits, opts.io);
  try {
    const text = async (name: string): Promise<string | undefined> => (zip.has(name) ? (await zip.read(name)).toString('utf8') : undefined);
    const taken = new Set(zip.names.map((n) => n.toLowerCase()));
    const rootRels = parseRels((await text('_rels/.rels')) ?? '');
    const wbPart = normalisePartName(
      resolvePartTarget('', rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml'),
    );
    const wbRelsPart = relsPathOf(wbPart);
    let workbook = (await text(wbPart)) ?? '';
    let wbRels = (await text(wbRelsPart)) ?? '';
    let types = (await text('[Content_Types].xml')) ?? '';
    // Strict Open XML (Excel's "Strict" save; namespaces under purl.oclc.org): the reader reads it, but the parts
    // this patcher adds are transitional, and a package mixing both is one Excel refuses. No copy; the report stands.
    if (/purl\.oclc\.org\/ooxml\//.test(workbook)) throw new Error('annotate: strict Open XML is not patched');
    const rels = parseRels(wbRels);
    const relIds = new Set(rels.map((r) => r.id));
    const sheetTags = (xml: string): string[] => {
      const list = findElement(xml, 'sheets');
      return list
        ? childElements(xml, list)
            .filter((c) => localName(c.name) === 'sheet')
            .map((c) => c.open)
        : [];
    };
    const sheets = sheetTags(workbook).map((tag) => {
      // r:id, or the relationship id under any other prefix bound to the same namespace.
      const rid = attrOf(tag, 'r:id') ?? tagAttrs(tag).find((a) => a.name.includes(':') && localName(a.name) === 'id')?.raw ?? '';
      const rel = rels.find((r) => r.id === rid);
      return { name: attrOf(tag, 'name') ?? '', part: rel ? normalisePartName(resolvePartTarget(wbPart, rel.target)) : '' };
    });
    // A sheet whose name carries an ID number is named masked by the findings: marks and links go to the sheet itself.
    const plan = planForSheets(
      asked,
      sheets.map((s) => s.name),
    );

    // Styles: one cloned format per (original format, severity) met on a flagged cell.
    const stylesRel = rels.find((r) => r.type === REL_STYLES);
    const stylesPart = stylesRel
      ? normalisePartName(resolvePartTarget(wbPart, stylesRel.target))
      : freePart(taken, (n) => (n === 1 ? 'xl/styles.xml' : `xl/styles${n}.xml`));
    const replaced = new Map<string, Buffer | (() => Promise<Readable>)>();
    const added: { name: string; data: Buffer }[] = [];
    const overrides: { part: string; type: string }[] = [];
    const wantedStyles = new Set<string>();
    const sheetJobs: { part: string; rows: RowMarks[]; legacyId?: string }[] = [];
    const styleUsage: { part: string; rows: RowMarks[] }[] = [];

    // Which original style each flagged cell has is only known while streaming: the styles part
    // needs the clones first. A first pass collects the `s` of flagged cells (cheap: only the
    // flagged rows are parsed); the second pass writes.
    for (const [sheetName, marks] of plan.marks) {
      const sheet = sheets.find((s) => s.name === sheetName);
      if (!sheet?.part || !zip.has(sheet.part) || marks.length === 0) continue;
      styleUsage.push({ part: sheet.part, rows: groupMarks(marks) });
    }
    for (const u of styleUsage) {
      const bases = await collectBaseStyles(await zip.stream(u.part), u.rows);
      for (const [col, kinds] of bases) for (const k of kinds) wantedStyles.add(`${col}:${k}`);
    }
    const st = patchStyles(await text(stylesPart), wantedStyles);
    const styleFor = (base: number, kind: MarkKind): number =>
      kind === 'info' ? base : (st.marked.get(`${base}:${kind}`) ?? st.marked.get(`0:${kind}`) ?? base);
    if (stylesRel) replaced.set(stylesPart, Buffer.from(st.xml, 'utf8'));
    else {
      added.push({ name: stylesPart, data: Buffer.from(st.xml, 'utf8') });
      overrides.push({ part: stylesPart, type: CT_STYLES });
      wbRels = addRels(wbRels, [
        { id: freeId(relIds, 'rIdHrss'), type: REL_STYLES, target: relativeTarget(wbPart, stylesPart), external: false },
      ]);
    }

    // Notes per sheet: new comments + VML parts, or merged into the sheet's own.
    let shapeId = 3000;
    for (const u of styleUsage) {
      const notes = plan.marks.get(sheets.find((s) => s.part === u.part)!.name)!;
      const byRef = new Map<string, { row: number; col: number; text: string }>();
      for (const n of notes) {
        const ref = `${columnLetter(n.col)}${n.row}`;
        const prev = byRef.get(ref);
        byRef.set(ref, { row: n.row, col: n.col, text: prev ? `${prev.text}\n\n${n.note}` : n.note });
      }
      const list = [...byRef.entries()].map(([ref, v]) => ({ ref, ...v }));
      const sheetRelsPart = relsPathOf(u.part);
      const sheetRelsXml = await text(sheetRelsPart);
      const sheetRels = parseRels(sheetRelsXml ?? '');
      const existingComments = sheetRels.find((r) => r.type === REL_COMMENTS);
      const existingVml = sheetRels.find((r) => r.type === REL_VML);
      if (existingComments && existingVml) {
        const cPart = normalisePartName(resolvePartTarget(u.part, existingComments.target));
        const vPart = normalisePartName(resolvePartTarget(u.part, existingVml.target));
        const merged = mergeComments((await text(cPart)) ?? '', list, plan.summary.author);
        replaced.set(cPart, Buffer.from(merged.xml, 'utf8'));
        const vml = (await text(vPart)) ?? vmlXml([]);
        const shapes = merged.addedRefs.map((n) => vmlShape(n.row, n.col, shapeId++)).join('');
        // VML is not well-formed XML (Excel writes <br> unclosed): the shapes go before its last </xml>.
        const close = vml.lastIndexOf('</xml>');
        replaced.set(vPart, Buffer.from(close < 0 ? vml : insertAt(vml, close, shapes), 'utf8'));
        sheetJobs.push({ part: u.part, rows: u.rows });
        continue;
      }
      const ids = new Set(sheetRels.map((r) => r.id));
      const cPart = freePart(taken, (n) => `xl/comments${n}.xml`);
      const vPart = freePart(taken, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      const cId = freeId(ids, 'rIdHrss');
      const vId = freeId(ids, 'rIdHrss');
      added.push({ name: cPart, data: Buffer.from(commentsXml(list, plan.summary.author), 'utf8') });
      added.push({ name: vPart, data: Buffer.from(vmlXml(list.map((n) => vmlShape(n.row, n.col, shapeId++))), 'utf8') });
      overrides.push({ part: cPart, type: CT_COMMENTS });
      const newRels = addRels(sheetRelsXml, [
        { id: cId, type: REL_COMMENTS, target: relativeTarget(u.part, cPart), external: false },
        { id: vId, type: REL_VML, target: relativeTarget(u.part, vPart), external: false },
      ]);
      if (sheetRelsXml !== undefined) replaced.set(sheetRelsPart, Buffer.from(newRels, 'utf8'));
      else added.push({ name: sheetRelsPart, data: Buffer.from(newRels, 'utf8') });
      sheetJobs.push({ part: u.part, rows: u.rows, legacyId: vId });
    }
    for (const job of sheetJobs) {
      replaced.set(job.part, async () => (await zip.stream(job.part)).pipe(new SheetPatcher(job.rows, styleFor, job.legacyId)) as Readable);
    }

    // The 检查结果 sheet, first.
    const summaryPart = freePart(taken, (n) => `${wbPart.slice(0, wbPart.lastIndexOf('/') + 1)}worksheets/sheet${n}.xml`);
    added.push({ name: summaryPart, data: Buffer.from(summaryXml(plan.summary, st), 'utf8') });
    overrides.push({ part: summaryPart, type: CT_SHEET });
    const sumId = freeId(relIds, 'rIdHrss');
    wbRels = addRels(wbRels, [{ id: sumId, type: REL_SHEET, target: relativeTarget(wbPart, summaryPart), external: false }]);
    const ids = sheetTags(workbook).map((tag) => Number(attrOf(tag, 'sheetId') ?? 0));
    const names = new Set(sheets.map((s) => s.name));
    let sumName = plan.summary.sheetName;
    for (let n = 2; names.has(sumName); n++) sumName = `${plan.summary.sheetName}(${n})`;
    const wp = rootPrefix(workbook, 'workbook');
    const sheetsEl = findElement(workbook, 'sheets');
    if (sheetsEl)
      workbook = prependChildren(
        workbook,
        sheetsEl,
        `<${wp}sheet xmlns:r="${NS_REL}" name="${escapeXml(sumName)}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${sumId}"/>`,
      );
    // Sheet positions moved by one: sheet-local names (print areas, filters) and the active tab follow.
    workbook = editTags(workbook, 'definedName', (tag) => {
      const local = attrOf(tag, 'localSheetId');
      return local !== undefined && /^\d+$/.test(local) ? setAttr(tag, 'localSheetId', String(Number(local) + 1)) : tag;
    });
    // 检查结果's header row repeats on every printed page (print titles: a name local to sheet 0, ours).
    const head = summaryHeaderRow(plan.summary);
    const titles =
      `<${wp}definedName name="_xlnm.Print_Titles" ` +
      `localSheetId="0">${escapeXml(`${quoteSheet(sumName)}!$${head}:$${head}`)}</${wp}definedName>`;
    const wbRoot = findElement(workbook, 'workbook');
    const parts = wbRoot ? childElements(workbook, wbRoot) : [];
    const definedNames = parts.find((c) => localName(c.name) === 'definedNames');
    if (definedNames) workbook = prependChildren(workbook, definedNames, titles);
    else {
      // CT_Workbook's order: sheets, functionGroups, externalReferences, then definedNames.
      const after = ['externalReferences', 'functionGroups', 'sheets']
        .map((local) => parts.find((c) => localName(c.name) === local))
        .find((c) => c !== undefined);
      if (after) workbook = insertAt(workbook, after.end, `<${wp}definedNames>${titles}</${wp}definedNames>`);
    }
    workbook = editTags(workbook, 'workbookView', (tag) => {
      let t = setAttr(tag, 'activeTab', String(Number(attrOf(tag, 'activeTab') ?? 0) + 1));
      if (attrOf(tag, 'firstSheet') !== undefined) t = setAttr(t, 'firstSheet', '0');
      return t;
    });
    replaced.set(wbPart, Buffer.from(workbook, 'utf8'));
    replaced.set(wbRelsPart, Buffer.from(wbRels, 'utf8'));
    types = addContentTypes(types, overrides, [{ ext: 'vml', type: CT_VML }]);
    replaced.set('[Content_Types].xml', Buffer.from(types, 'utf8'));

    await writeZip(zip, dest, replaced, added, opts.instant, opts.io);
  } finally {
    zip.close();
  }
}

/** The folder for the copies (validate --annotate), created when missing. */
export async function ensureFolder(dir: string, io?: IoPort): Promise<void> {
  if (io && io.diskPath(dir) === undefined) io.mkdir(dir);
  else await mkdir(dir, { recursive: true });
}

export async function removeFile(path: string, io?: IoPort): Promise<void> {
  if (io && io.diskPath(path) === undefined) io.remove(path);
  else await rm(path, { force: true });
}
