#!/usr/bin/env node
// Writes fixtures/broken/: hostile and damaged files, each with the finding it must give
// (expect.json). Made by this script, never by hand: node scripts/make-broken.mjs (after the build).
// test/broken.test.ts validates each and checks the finding, the exit code and that it ends.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import iconv from 'iconv-lite';
import { writeWorkbook } from './lib/fixture-kit.mjs';
import { makeCreditCode } from '../dist/domain/credit-code.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'broken');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const expects = {};

function put(name, bytes, expect) {
  writeFileSync(join(root, name), bytes);
  expects[name] = expect;
}

function zip(entries, mtime = new Date(2026, 9, 1)) {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data, opts] of entries) z.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), name, { mtime, ...(opts ?? {}) });
    z.end();
    const chunks = [];
    z.outputStream.on('data', (c) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WB = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="黑名单" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheet = (rows, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const workbookWith = (sheetXml, extra = []) =>
  zip([['[Content_Types].xml', CT], ['_rels/.rels', ROOT_RELS], ['xl/workbook.xml', WB], ['xl/_rels/workbook.xml.rels', WB_RELS], ['xl/worksheets/sheet1.xml', sheetXml], ...extra]);
const HEAD = `<row r="1">${['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期'].map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;

// Zip bombs: the central directory is judged before anything is inflated.
put('zip-ratio-bomb.xlsx', await workbookWith(sheet(HEAD + `<row r="2">${inline('A2', ' '.repeat(40 * 1024 * 1024))}</row>`)), { code: 'FILE_UNREADABLE', limit: 'maxZipRatio' });
{
  // An entry that declares 1 KB and inflates to 30 MB: yauzl stops it at the declared size.
  const good = await workbookWith(sheet(HEAD + `<row r="2">${inline('A2', 'x'.repeat(30 * 1024 * 1024))}</row>`));
  const buf = Buffer.from(good);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  for (let i = buf.indexOf(name); i >= 0; i = buf.indexOf(name, i + 1)) {
    const local = buf.readUInt32LE(i - 30) === 0x04034b50;
    const central = buf.readUInt32LE(i - 46) === 0x02014b50;
    if (local) buf.writeUInt32LE(1024, i - 30 + 22);
    if (central) buf.writeUInt32LE(1024, i - 46 + 24);
  }
  put('zip-size-lie.xlsx', buf, { code: 'FILE_UNREADABLE' });
}
// XML entity tricks: a DOCTYPE is refused, so neither expansion nor external files can happen.
put(
  'xml-billion-laughs.xlsx',
  await workbookWith(sheet(HEAD + `<row r="2">${inline('A2', '&lol9;')}</row>`, '<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>')),
  { code: 'FILE_UNREADABLE' },
);
put('xml-external-entity.xlsx', await workbookWith(sheet(HEAD + `<row r="2">${inline('A2', '&xxe;')}</row>`, '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')), { code: 'FILE_UNREADABLE' });
put('xml-malformed.xlsx', await workbookWith(sheet(HEAD + '<row r="2"><c r="A2"><v>1</c></row>')), { code: 'FILE_UNREADABLE' });
// Limits on cells and columns.
put('cell-too-long.xlsx', await workbookWith(sheet(HEAD + `<row r="2">${inline('E2', '长'.repeat(40000))}</row>`)), { code: 'FILE_UNREADABLE', limit: 'maxCellChars' });
put('too-many-columns.xlsx', await workbookWith(sheet(HEAD + `<row r="2">${inline('KZ2', '远')}</row>`)), { code: 'FILE_UNREADABLE', limit: 'maxColumns' });
// Structure: a zip that is no workbook, a workbook whose sheet part is missing, truncation.
put('zip-not-a-workbook.xlsx', await zip([['readme.txt', 'hello'], ['data/a.bin', Buffer.alloc(100, 7)]]), { code: 'FILE_UNREADABLE' });
put('docx-renamed.xlsx', await zip([['[Content_Types].xml', CT], ['word/document.xml', '<w:document/>']]), { code: 'FILE_UNREADABLE' });
put('sheet-part-missing.xlsx', await zip([['[Content_Types].xml', CT], ['_rels/.rels', ROOT_RELS], ['xl/workbook.xml', WB], ['xl/_rels/workbook.xml.rels', WB_RELS]]), { code: 'FILE_UNREADABLE' });
{
  const dir = join(root, '.tmp');
  mkdirSync(dir, { recursive: true });
  await writeWorkbook(join(dir, 'ok.xlsx'), { sheets: [{ name: '黑名单', rows: [['序号', '领域', '主体类别', '主体名称', '列入事由'], ...Array.from({ length: 300 }, (_, i) => [i + 1, '劳务派遣', '法人及非法人组织', `公司${i}`, '事由'.repeat(20)])] }] });
  const ok = readFileSync(join(dir, 'ok.xlsx'));
  rmSync(dir, { recursive: true, force: true });
  put('truncated.xlsx', ok.subarray(0, Math.floor(ok.length * 0.6)), { code: 'FILE_UNREADABLE' });
  const cut = Buffer.from(ok);
  cut.fill(0x41, Math.floor(cut.length * 0.3), Math.floor(cut.length * 0.3) + 200);
  put('corrupted-middle.xlsx', cut, { code: 'FILE_UNREADABLE' });
}
// Stored (not deflated) entries and rows and cells without `r` read fine: a header with no data gives only what the header lacks.
const noR = (cells) => `<row>${cells.map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;
put(
  'no-r-attributes.xlsx',
  await workbookWith(sheet(noR(['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期']) + noR(['1', '劳务派遣', '法人及非法人组织', '新乡市红旗区示例建材有限公司', '91410702MA46B2QK4T', '赵一鸣', '未经许可经营劳务派遣业务', '《劳动合同法》第九十二条', '新人社监罚〔2026〕101号', '2026-08-03']))),
  { codes: [] },
);
put('empty.xlsx', Buffer.alloc(0), { code: 'FILE_UNREADABLE' });
put('encrypted.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(1024)]), { code: 'FILE_UNSUPPORTED' });
put('ods-renamed.xlsx', await zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compress: false }], ['content.xml', '<office:document-content/>']]), { code: 'FILE_UNREADABLE' });
// CSV. The header names every required column, so that each file gives exactly its finding.
const CSV_HEAD = '序号,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期';
const CSV_ROW = (i) => `${i},劳务派遣,法人及非法人组织,公司${i},${makeCreditCode('91410700', `MA4${String(i).padStart(5, '0')}`)},法人${i},事由,依据,文书${i}号,2026-08-03`;
put('binary.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), { code: 'FILE_UNREADABLE' });
put('pdf-renamed.csv', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 0)]), { code: 'FILE_UNREADABLE' });
put('黑名单-unclosed-quote.csv', Buffer.from(`${CSV_HEAD}\r\n1,劳务派遣,法人及非法人组织,"新乡某公司,,,事由,依据,文书,2026-08-03\r\n${CSV_ROW(2)}\r\n`), { code: 'FILE_UNREADABLE' });
put('黑名单-csv-cell-too-long.csv', Buffer.from(`${CSV_HEAD}\r\n1,劳务派遣,法人及非法人组织,甲公司,,,"${'长'.repeat(40000)}",依据,文书,2026-08-03\r\n`), { code: 'FILE_UNREADABLE', limit: 'maxCellChars' });
put('黑名单-csv-too-many-columns.csv', Buffer.from(`${CSV_HEAD}${',x'.repeat(300)}\r\n`), { code: 'FILE_UNREADABLE', limit: 'maxColumns' });
put('黑名单-csv-too-many-rows.csv', Buffer.from(`${CSV_HEAD}\r\n${Array.from({ length: 30 }, (_, i) => `${CSV_ROW(i + 1)}\r\n`).join('')}`), { code: 'FILE_UNREADABLE', limit: 'maxRows', config: { limits: { maxRows: 20 } } });
put('黑名单-csv-file-too-large.csv', Buffer.from(`${CSV_HEAD}\r\n${Array.from({ length: 300 }, (_, i) => `${CSV_ROW(i + 1)}\r\n`).join('')}`), { code: 'FILE_UNREADABLE', limit: 'maxFileBytes', config: { limits: { maxFileBytes: 10000 } } });
put('黑名单-gb18030-bad-bytes.csv', Buffer.concat([iconv.encode(`${CSV_HEAD}\r\n1,劳务派遣,法人及非法人组织,甲`, 'gb18030'), Buffer.from([0x81, 0x20]), iconv.encode('公司,91410702MA46B2QK4T,赵一鸣,事由,依据,新人社监罚〔2026〕1号,2026-08-03\r\n', 'gb18030')]), { code: 'FILE_ENCODING' });
// Old and foreign formats.
put('old-excel.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]), { code: 'FILE_UNSUPPORTED' });
put('wps.et', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]), { code: 'FILE_UNSUPPORTED' });
put('numbers.numbers', await zip([['Index/Document.iwa', Buffer.alloc(50, 1)]]), { code: 'FILE_UNSUPPORTED' });

writeFileSync(join(root, 'expect.json'), `${JSON.stringify(expects, null, 2)}\n`);
console.log(`${Object.keys(expects).length} broken files written to ${root}`);
