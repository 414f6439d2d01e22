/** A CSV list becomes one sheet: a plain workbook of text cells, then annotated like any other. */
import type { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import yazl from 'yazl';
import { dosDate, escapeXml, NS_MAIN, NS_REL } from '../xlsx/xlsx-writer.js';
import { columnLetter } from '../../domain/text.js';
import { CT_SHEET, CT_STYLES, REL_SHEET, REL_STYLES } from './package-parts.js';
import { MINIMAL_STYLES } from './styles.js';
import { streamBytes } from './write-zip.js';
import type { IoPort } from '../port.js';

export async function csvWorkbook(
  dest: string,
  sheetName: string,
  rows: { number: number; cells: string[] }[],
  instant: Date,
  io?: IoPort,
): Promise<void> {
  const widths: number[] = [];
  const body: string[] = [];
  for (const r of rows) {
    const cells: string[] = [];
    r.cells.forEach((v, i) => {
      if (v === '') return;
      if (r.number <= 10)
        widths[i] = Math.min(50, Math.max(widths[i] ?? 8, [...v].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2));
      cells.push(`<c r="${columnLetter(i)}${r.number}" t="inlineStr" s="1"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`);
    });
    if (cells.length) body.push(`<row r="${r.number}">${cells.join('')}</row>`);
  }
  const cols = widths.length
    ? `<cols>${[...widths].map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w ?? 8}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${body.join('')}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const styles = MINIMAL_STYLES.replace(
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
  );
  const entries = [
    {
      name: '[Content_Types].xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+` +
        `xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_SHEET}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews>` +
        `<workbookView activeTab="0"/></bookViews><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
        `</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_SHEET}" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', data: styles },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
  const z = new yazl.ZipFile();
  const mtime = dosDate(instant);
  for (const e of entries)
    z.addBuffer(Buffer.from(e.data, 'utf8'), e.name, { mtime, forceDosTimestamp: true, compressionLevel: 6 } as yazl.Options);
  z.end();
  if (io && io.diskPath(dest) === undefined) {
    io.writeFile(dest, await streamBytes(z.outputStream as unknown as Readable));
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(dest);
    out.on('close', () => resolve());
    out.on('error', reject);
    z.outputStream.on('error', reject);
    z.outputStream.pipe(out);
  });
}
