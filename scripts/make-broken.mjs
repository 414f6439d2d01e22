#!/usr/bin/env node
// Writes fixtures/broken/: hostile and damaged files, each with the finding it must give
// (expect.json). Made by this script, never by hand: node scripts/make-broken.mjs (after the build).
// test/broken.test.ts validates each and checks the finding, the exit code and that it ends.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    for (const [name, data, opts] of entries)
      z.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), name, { mtime, ...(opts ?? {}) });
    z.end();
    const chunks = [];
    z.outputStream.on('data', (c) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

const CT =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WB =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="黑名单" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheet = (rows, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const workbookWith = (sheetXml, extra = []) =>
  zip([
    ['[Content_Types].xml', CT],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', WB],
    ['xl/_rels/workbook.xml.rels', WB_RELS],
    ['xl/worksheets/sheet1.xml', sheetXml],
    ...extra,
  ]);
const HEAD = `<row r="1">${['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期'].map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;

// Zip bombs: the central directory is judged before anything is inflated.
put('zip-ratio-bomb.xlsx', await workbookWith(sheet(`${HEAD}<row r="2">${inline('A2', ' '.repeat(40 * 1024 * 1024))}</row>`)), {
  code: 'FILE_UNREADABLE',
  limit: 'maxZipRatio',
});
{
  // An entry that declares 1 KB and inflates to 30 MB: yauzl stops it at the declared size.
  const good = await workbookWith(sheet(`${HEAD}<row r="2">${inline('A2', 'x'.repeat(30 * 1024 * 1024))}</row>`));
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
  await workbookWith(
    sheet(
      `${HEAD}<row r="2">${inline('A2', '&lol9;')}</row>`,
      '<!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>',
    ),
  ),
  { code: 'FILE_UNREADABLE' },
);
put(
  'xml-external-entity.xlsx',
  await workbookWith(
    sheet(`${HEAD}<row r="2">${inline('A2', '&xxe;')}</row>`, '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
  ),
  { code: 'FILE_UNREADABLE' },
);
put('xml-malformed.xlsx', await workbookWith(sheet(`${HEAD}<row r="2"><c r="A2"><v>1</c></row>`)), { code: 'FILE_UNREADABLE' });
// Limits on cells and columns.
put('cell-too-long.xlsx', await workbookWith(sheet(`${HEAD}<row r="2">${inline('E2', '长'.repeat(40000))}</row>`)), {
  code: 'FILE_UNREADABLE',
  limit: 'maxCellChars',
});
put('too-many-columns.xlsx', await workbookWith(sheet(`${HEAD}<row r="2">${inline('KZ2', '远')}</row>`)), {
  code: 'FILE_UNREADABLE',
  limit: 'maxColumns',
});
// Structure: a zip that is no workbook, a workbook whose sheet part is missing, truncation.
put(
  'zip-not-a-workbook.xlsx',
  await zip([
    ['readme.txt', 'hello'],
    ['data/a.bin', Buffer.alloc(100, 7)],
  ]),
  { code: 'FILE_UNREADABLE' },
);
put(
  'docx-renamed.xlsx',
  await zip([
    ['[Content_Types].xml', CT],
    ['word/document.xml', '<w:document/>'],
  ]),
  { code: 'FILE_UNREADABLE' },
);
put(
  'sheet-part-missing.xlsx',
  await zip([
    ['[Content_Types].xml', CT],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', WB],
    ['xl/_rels/workbook.xml.rels', WB_RELS],
  ]),
  { code: 'FILE_UNREADABLE' },
);
{
  const dir = join(root, '.tmp');
  mkdirSync(dir, { recursive: true });
  await writeWorkbook(join(dir, 'ok.xlsx'), {
    sheets: [
      {
        name: '黑名单',
        rows: [
          ['序号', '领域', '主体类别', '主体名称', '列入事由'],
          ...Array.from({ length: 300 }, (_, i) => [i + 1, '劳务派遣', '法人及非法人组织', `公司${i}`, '事由'.repeat(20)]),
        ],
      },
    ],
  });
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
  await workbookWith(
    sheet(
      noR(['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期']) +
        noR([
          '1',
          '劳务派遣',
          '法人及非法人组织',
          '新乡市红旗区示例建材有限公司',
          '91410702MA46B2QK4T',
          '赵一鸣',
          '未经许可经营劳务派遣业务',
          '《劳动合同法》第九十二条',
          '新人社监罚〔2026〕101号',
          '2026-08-03',
        ]),
    ),
  ),
  { codes: [] },
);
put('empty.xlsx', Buffer.alloc(0), { code: 'FILE_UNREADABLE' });
put(
  'encrypted.xlsx',
  Buffer.concat([
    Buffer.from('d0cf11e0a1b11ae1', 'hex'),
    Buffer.alloc(504),
    Buffer.from('EncryptedPackage', 'utf16le'),
    Buffer.alloc(1024),
  ]),
  { code: 'FILE_UNSUPPORTED' },
);
put(
  'ods-renamed.xlsx',
  await zip([
    ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compress: false }],
    ['content.xml', '<office:document-content/>'],
  ]),
  { code: 'FILE_UNREADABLE' },
);
// CSV. The header names every required column, so that each file gives exactly its finding.
const CSV_HEAD = '序号,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期';
const CSV_ROW = (i) =>
  `${i},劳务派遣,法人及非法人组织,公司${i},${makeCreditCode('91410700', `MA4${String(i).padStart(5, '0')}`)},法人${i},事由,依据,文书${i}号,2026-08-03`;
put('binary.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), { code: 'FILE_UNREADABLE' });
put('pdf-renamed.csv', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 0)]), { code: 'FILE_UNREADABLE' });
put(
  '黑名单-unclosed-quote.csv',
  Buffer.from(`${CSV_HEAD}\r\n1,劳务派遣,法人及非法人组织,"新乡某公司,,,事由,依据,文书,2026-08-03\r\n${CSV_ROW(2)}\r\n`),
  { code: 'FILE_UNREADABLE' },
);
put(
  '黑名单-csv-cell-too-long.csv',
  Buffer.from(`${CSV_HEAD}\r\n1,劳务派遣,法人及非法人组织,甲公司,,,"${'长'.repeat(40000)}",依据,文书,2026-08-03\r\n`),
  { code: 'FILE_UNREADABLE', limit: 'maxCellChars' },
);
put('黑名单-csv-too-many-columns.csv', Buffer.from(`${CSV_HEAD}${',x'.repeat(300)}\r\n`), { code: 'FILE_UNREADABLE', limit: 'maxColumns' });
put(
  '黑名单-csv-too-many-rows.csv',
  Buffer.from(`${CSV_HEAD}\r\n${Array.from({ length: 30 }, (_, i) => `${CSV_ROW(i + 1)}\r\n`).join('')}`),
  { code: 'FILE_UNREADABLE', limit: 'maxRows', config: { limits: { maxRows: 20 } } },
);
put(
  '黑名单-csv-file-too-large.csv',
  Buffer.from(`${CSV_HEAD}\r\n${Array.from({ length: 300 }, (_, i) => `${CSV_ROW(i + 1)}\r\n`).join('')}`),
  { code: 'FILE_UNREADABLE', limit: 'maxFileBytes', config: { limits: { maxFileBytes: 10000 } } },
);
put(
  '黑名单-gb18030-bad-bytes.csv',
  Buffer.concat([
    iconv.encode(`${CSV_HEAD}\r\n1,劳务派遣,法人及非法人组织,甲`, 'gb18030'),
    Buffer.from([0x81, 0x20]),
    iconv.encode('公司,91410702MA46B2QK4T,赵一鸣,事由,依据,新人社监罚〔2026〕1号,2026-08-03\r\n', 'gb18030'),
  ]),
  { code: 'FILE_ENCODING' },
);
// Hostile values and structures: each class is generated with several members, not one value.
{
  const STYLES =
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
  const WB_RELS_STYLES = WB_RELS.replace(
    '</Relationships>',
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  const withStyles = (sheetXml) =>
    zip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WB],
      ['xl/_rels/workbook.xml.rels', WB_RELS_STYLES],
      ['xl/styles.xml', STYLES],
      ['xl/worksheets/sheet1.xml', sheetXml],
    ]);
  const cols = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
  const dataRow = (r, dateCell, over = {}) => {
    const v = {
      A: String(r - 1),
      B: '劳务派遣',
      C: '法人及非法人组织',
      D: `新乡市示例${r}有限公司`,
      E: makeCreditCode('91410700', `MA4${String(r).padStart(5, '0')}`),
      F: `法人${r}`,
      G: '未经许可经营劳务派遣业务',
      H: '《劳动合同法》第九十二条',
      I: `新人社监罚〔2026〕${100 + r}号`,
      ...over,
    };
    return `<row r="${r}">${cols
      .slice(0, 9)
      .map((c) => (typeof v[c] === 'string' ? inline(`${c}${r}`, v[c]) : v[c](`${c}${r}`)))
      .join('')}${dateCell(`J${r}`)}</row>`;
  };
  // Date serials beyond Excel's calendar (1900–9999) or beyond years 1900–2999, with a date style;
  // dates typed as ISO cells (t="d") and as text outside 1900–2999.
  const serial3000 = Date.UTC(3000, 0, 1) / 86400000 + 25569;
  const hostileSerials = ['1E+20', '-1', '2958466', '1.7976931348623157E+308', String(serial3000), '-1E+20', 'Infinity'];
  const hostileDates = [
    ...hostileSerials.map((v) => (ref) => `<c r="${ref}" s="1"><v>${v}</v></c>`),
    (ref) => `<c r="${ref}" t="d"><v>9999-12-31T00:00:00</v></c>`,
    (ref) => `<c r="${ref}" t="d"><v>0001-01-01</v></c>`,
    (ref) => inline(ref, '1899-12-31'),
    (ref) => inline(ref, '3000-01-01'),
  ];
  put('date-serial-beyond-calendar.xlsx', await withStyles(sheet(HEAD + hostileDates.map((cell, i) => dataRow(i + 2, cell)).join(''))), {
    codes: hostileDates.map(() => 'SCHEMA_DATE_INVALID'),
  });
  // Formulas saved without a cached value: openpyxl writes <v></v>, others <v/> or no <v> at all.
  const noValue = [
    (ref) => `<c r="${ref}"><f>CONCAT("新人社","1号")</f><v></v></c>`,
    (ref) => `<c r="${ref}"><f>CONCAT("新人社","2号")</f><v/></c>`,
    (ref) => `<c r="${ref}"><f>CONCAT("新人社","3号")</f></c>`,
    (ref) => `<c r="${ref}" t="n"><f>CONCAT("新人社","4号")</f><v></v></c>`,
  ];
  put(
    'formula-without-value.xlsx',
    await withStyles(sheet(HEAD + noValue.map((cell, i) => dataRow(i + 2, (ref) => inline(ref, '2026-08-03'), { I: cell })).join(''))),
    { codes: noValue.map(() => 'SCHEMA_FORMULA_NO_VALUE') },
  );
  put(
    'formula-too-long.xlsx',
    await workbookWith(sheet(`${HEAD}<row r="2"><c r="E2"><f>${'A1&amp;'.repeat(12000)}A1</f><v>1</v></c></row>`)),
    { code: 'FILE_UNREADABLE', limit: 'maxCellChars' },
  );
  // Deep nesting in every XML part that is read (saxes keeps every open element: millions exhaust the heap).
  const deep = (n) => '<x>'.repeat(n);
  const DEEP = 100000;
  put(
    'xml-deep-sheet.xlsx',
    await workbookWith(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEAD}<row r="2"><c r="A2">${deep(DEEP)}`,
    ),
    { code: 'FILE_UNREADABLE', limit: 'maxXmlDepth' },
  );
  put(
    'xml-deep-workbook.xlsx',
    await zip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WB.replace('<sheets>', `<sheets>${deep(DEEP)}`)],
      ['xl/_rels/workbook.xml.rels', WB_RELS],
      ['xl/worksheets/sheet1.xml', sheet(HEAD)],
    ]),
    { code: 'FILE_UNREADABLE', limit: 'maxXmlDepth' },
  );
  put(
    'xml-deep-workbook-rels.xlsx',
    await zip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WB],
      ['xl/_rels/workbook.xml.rels', WB_RELS.replace('</Relationships>', deep(DEEP))],
      ['xl/worksheets/sheet1.xml', sheet(HEAD)],
    ]),
    { code: 'FILE_UNREADABLE', limit: 'maxXmlDepth' },
  );
  put(
    'xml-deep-root-rels.xlsx',
    await zip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS.replace('</Relationships>', deep(DEEP))],
      ['xl/workbook.xml', WB],
      ['xl/_rels/workbook.xml.rels', WB_RELS],
      ['xl/worksheets/sheet1.xml', sheet(HEAD)],
    ]),
    { code: 'FILE_UNREADABLE', limit: 'maxXmlDepth' },
  );
  put(
    'xml-deep-styles.xlsx',
    await zip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WB],
      ['xl/_rels/workbook.xml.rels', WB_RELS_STYLES],
      ['xl/styles.xml', STYLES.replace('</styleSheet>', deep(DEEP))],
      ['xl/worksheets/sheet1.xml', sheet(HEAD)],
    ]),
    { code: 'FILE_UNREADABLE', limit: 'maxXmlDepth' },
  );
  const WB_RELS_SST = WB_RELS.replace(
    '</Relationships>',
    '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  const SST = (items) =>
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`;
  const withSst = (sst, sheetXml) =>
    zip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WB],
      ['xl/_rels/workbook.xml.rels', WB_RELS_SST],
      ['xl/sharedStrings.xml', sst],
      ['xl/worksheets/sheet1.xml', sheetXml],
    ]);
  const sstHead = `<row r="1"><c r="A1" t="s"><v>0</v></c>${HEAD.slice('<row r="1">'.length)}`;
  put('xml-deep-shared-strings.xlsx', await withSst(SST(`<si><t>序号</t></si>${deep(DEEP)}`), sheet(sstHead)), {
    code: 'FILE_UNREADABLE',
    limit: 'maxXmlDepth',
  });
  // A shared-string table longer than the limit (empty items: each costs memory, none shows).
  put('shared-strings-too-many.xlsx', await withSst(SST(`<si><t>序号</t></si>${'<si/>'.repeat(5000)}`), sheet(sstHead)), {
    code: 'FILE_UNREADABLE',
    limit: 'maxSharedStrings',
    config: { limits: { maxSharedStrings: 1000 } },
  });
  put(
    'shared-strings-too-long.xlsx',
    await withSst(
      SST(`<si><t>序号</t></si>${Array.from({ length: 100 }, (_, i) => `<si><t>${'长文本'.repeat(100)}${i}</t></si>`).join('')}`),
      sheet(sstHead),
    ),
    { code: 'FILE_UNREADABLE', limit: 'maxSharedStringChars', config: { limits: { maxSharedStringChars: 10000 } } },
  );
  // Many <sheet> entries over one part: refused past the limit; below it, the part is read once.
  const manySheets = (n) =>
    WB.replace(
      /<sheets>.*<\/sheets>/,
      `<sheets>${Array.from({ length: n }, (_, i) => `<sheet name="黑名单${i === 0 ? '' : i}" sheetId="${i + 1}" r:id="rId1"/>`).join('')}</sheets>`,
    );
  const validRow = dataRow(2, (ref) => inline(ref, '2026-08-03'));
  put(
    'sheets-too-many.xlsx',
    await zip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', manySheets(300)],
      ['xl/_rels/workbook.xml.rels', WB_RELS],
      ['xl/worksheets/sheet1.xml', sheet(HEAD + validRow)],
    ]),
    { code: 'FILE_UNREADABLE', limit: 'maxSheets' },
  );
  put(
    'sheets-sharing-one-part.xlsx',
    await zip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', manySheets(50)],
      ['xl/_rels/workbook.xml.rels', WB_RELS],
      ['xl/worksheets/sheet1.xml', sheet(HEAD + validRow)],
    ]),
    { codes: [] },
  );
  // Every row claims r="1": the rows still stream (the header buffer is bounded by count).
  const rowsR1 = Array.from({ length: 30 }, (_, i) =>
    dataRow(i + 2, (ref) => inline(ref, '2026-13-01')).replace(/r="([A-J]?)\d+"/g, 'r="$11"'),
  );
  put('rows-all-numbered-1.xlsx', await workbookWith(sheet(HEAD + rowsR1.join(''))), { codes: rowsR1.map(() => 'SCHEMA_DATE_INVALID') });
}
// Text, attribute values and attribute lists that saxes would gather whole before any handler sees them.
put('xml-long-attribute.xlsx', await workbookWith(sheet(`${HEAD}<row r="2"><c r="A2" s="${'1'.repeat(200000)}"><v>1</v></c></row>`)), {
  code: 'FILE_UNREADABLE',
  limit: 'maxCellChars',
});
put(
  'xml-long-text-outside-cells.xlsx',
  await workbookWith(
    sheet(HEAD).replace('</worksheet>', `<headerFooter><oddHeader>${'页眉'.repeat(100000)}</oddHeader></headerFooter></worksheet>`),
  ),
  { code: 'FILE_UNREADABLE', limit: 'maxCellChars' },
);
put(
  'xml-many-attributes.xlsx',
  await workbookWith(
    sheet(`${HEAD}<row r="2" ${Array.from({ length: 20000 }, (_, i) => `a${i}=""`).join(' ')}><c r="A2"><v>1</v></c></row>`),
  ),
  { code: 'FILE_UNREADABLE' },
);
// More merged ranges than rows a sheet may hold: each is kept in memory before the rows are read.
put(
  'merges-too-many.xlsx',
  await workbookWith(
    sheet(HEAD).replace(
      '</worksheet>',
      `<mergeCells>${Array.from({ length: 30 }, (_, i) => `<mergeCell ref="A${i * 2 + 2}:A${i * 2 + 3}"/>`).join('')}</mergeCells></worksheet>`,
    ),
  ),
  { code: 'FILE_UNREADABLE', config: { limits: { maxRows: 20 } } },
);
// CSV records of separators only: counted before the parser builds them (100 MB of commas was 2.4 GB).
put('黑名单-csv-commas-only.csv', Buffer.from(`${CSV_HEAD}\r\n${','.repeat(20000)}\r\n`), { code: 'FILE_UNREADABLE', limit: 'maxColumns' });
put('黑名单-csv-commas-cr-only.csv', Buffer.from(`${CSV_HEAD}\r${CSV_ROW(1)}\r${';'.repeat(10)}\r${','.repeat(20000)}\r`), {
  code: 'FILE_UNREADABLE',
  limit: 'maxColumns',
});
put(
  '黑名单-csv-commas-gb18030.csv',
  Buffer.concat([iconv.encode(`${CSV_HEAD}\r\n${CSV_ROW(1)}\r\n`, 'gb18030'), Buffer.from(`${','.repeat(17000)}\r\n`)]),
  { code: 'FILE_UNREADABLE', limit: 'maxColumns' },
);
// Old and foreign formats.
put('old-excel.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]), { code: 'FILE_UNSUPPORTED' });
put('wps.et', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]), { code: 'FILE_UNSUPPORTED' });
put('numbers.numbers', await zip([['Index/Document.iwa', Buffer.alloc(50, 1)]]), { code: 'FILE_UNSUPPORTED' });

writeFileSync(join(root, 'expect.json'), `${JSON.stringify(expects, null, 2)}\n`);
console.log(`${Object.keys(expects).length} broken files written to ${root}`);
