// A one-sheet .xlsx made by hand (sheet 黑名单, the sheet's XML as given): for tests that need bytes
// no spreadsheet program writes (a tag cut by a unit boundary, a comment holding row text).
import yazl from 'yazl';

const CT =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WB =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="黑名单" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** The sheet's XML opens with this: the main namespace and a foreign one (prefix x) for odd attributes. */
export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="urn:example:foreign"><sheetData>';

/** Rows 1..n of a sheet's XML, two cells each: an inline string (主体N号) in A and the number N in B. */
export function sheetRows(n: number): string {
  let s = '';
  for (let r = 1; r <= n; r++)
    s += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>主体${r}号</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
  return s;
}

export function oneSheetXlsx(sheetXml: string, compress = true): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    const mtime = new Date(Date.UTC(2026, 9, 1));
    for (const [name, data] of [
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WB],
      ['xl/_rels/workbook.xml.rels', WB_RELS],
      ['xl/worksheets/sheet1.xml', sheetXml],
    ] as const)
      z.addBuffer(Buffer.from(data, 'utf8'), name, { mtime, compress });
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}
