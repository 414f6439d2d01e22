#!/usr/bin/env node
// Generates the large hostile files of the memory audit into bench/data/hostile/ (not committed) and,
// with --measure, validates each under /usr/bin/time -v, printing wall time, exit code and peak RSS.
// Every file is within the default limits (100 MB on disk, 1 GB inflated, ratio ≤ 200) unless noted.
// Usage: npm run build && node bench/hostile.mjs [--measure] [name…]
import { createWriteStream, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import yazl from 'yazl';
import { makeCreditCode } from '../dist/domain/credit-code.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'data', 'hostile');
mkdirSync(out, { recursive: true });

const CT =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WB = (sheets = '<sheet name="黑名单" sheetId="1" r:id="rId1"/>') =>
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
const WB_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
const HEADERS = [
  '序号',
  '领域',
  '主体类别',
  '主体名称',
  '统一社会信用代码',
  '法定代表人',
  '列入事由',
  '认定依据',
  '认定文书号',
  '认定日期',
];
const inline = (ref, t) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const HEAD = `<row r="1">${HEADERS.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

/** A readable of `count` pieces made by `piece(i)`, batched. */
function gen(head, count, piece, tail) {
  let i = 0;
  let started = false;
  return Readable.from(
    (function* () {
      if (!started) {
        started = true;
        yield Buffer.from(head);
      }
      while (i < count) {
        const parts = [];
        for (let k = 0; k < 4096 && i < count; k++) parts.push(piece(i++));
        yield Buffer.from(parts.join(''));
      }
      yield Buffer.from(tail);
    })(),
  );
}

function writeZip(file, entries) {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data] of entries) {
      if (typeof data === 'string') z.addBuffer(Buffer.from(data), name);
      else z.addReadStream(data, name);
    }
    z.end();
    const ws = createWriteStream(file);
    z.outputStream.pipe(ws);
    ws.on('finish', resolve);
    ws.on('error', reject);
  });
}

function writeStream(file, readable) {
  return new Promise((resolve, reject) => {
    const ws = createWriteStream(file);
    readable.pipe(ws);
    ws.on('finish', resolve);
    ws.on('error', reject);
  });
}

const sheetOf = (rows) => [
  ['[Content_Types].xml', CT],
  ['_rels/.rels', ROOT_RELS],
  ['xl/workbook.xml', WB()],
  ['xl/_rels/workbook.xml.rels', WB_RELS],
  ['xl/worksheets/sheet1.xml', rows],
];
const row = (r, i, rn = r) =>
  `<row r="${rn}">${inline(`A${rn}`, i)}${inline(`D${rn}`, `新乡市示例${i}有限公司`)}${inline(`J${rn}`, '2026-13-01')}</row>`;
// A valid record (no finding) at Excel row `rn`.
const code = (i) => makeCreditCode('91410700', `MA${String(i).padStart(6, '0')}`);
const cleanRow = (i, rn) =>
  `<row r="${rn}">${[i + 1, '劳务派遣', '法人及非法人组织', `新乡市示例${i}有限公司`, code(i), `法人${i}`, '事由', '依据', `文书${i}号`, '2026-08-03'].map((v, k) => inline(`${String.fromCharCode(65 + k)}${rn}`, v)).join('')}</row>`;
// Deterministic pseudo-random short text (compresses like real names, not like repeats).
const word = (i) => ((i * 2654435761) >>> 0).toString(36);

const FILES = {
  // 100 MB of commas in one CSV record.
  'commas.csv': () =>
    writeStream(
      join(out, '黑名单-commas.csv'),
      gen(`${HEADERS.join(',')}\r\n`, 99 * 256, () => ','.repeat(4096), '\r\n'),
    ),
  // 200,000 CR-only rows, each with a finding (an impossible date).
  'cr-rows.csv': () =>
    writeStream(
      join(out, '黑名单-cr-rows.csv'),
      gen(
        `${HEADERS.join(',')}\r`,
        200_000,
        (i) => `${i + 1},劳务派遣,法人及非法人组织,新乡市示例${i}有限公司,,,事由,依据,文书${i}号,2026-13-01\r`,
        '',
      ),
    ),
  // The same without findings: what the reader itself holds.
  'cr-rows-clean.csv': () =>
    writeStream(
      join(out, '黑名单-cr-rows-clean.csv'),
      gen(
        `${HEADERS.join(',')}\r`,
        200_000,
        (i) => `${i + 1},劳务派遣,法人及非法人组织,新乡市示例${i}有限公司,${code(i)},法人${i},事由,依据,文书${i}号,2026-08-03\r`,
        '',
      ),
    ),
  'rows-r1-clean.xlsx': () =>
    writeZip(join(out, 'rows-r1-clean.xlsx'), sheetOf(gen(SHEET_OPEN + HEAD, 1_000_000, (i) => cleanRow(i, 1), SHEET_CLOSE))),
  // A shared-string table of 55 million short strings, about 1 GB inflated.
  'sst-short.xlsx': () =>
    writeZip(join(out, 'sst-short.xlsx'), [
      ...sheetOf(SHEET_OPEN + HEAD + SHEET_CLOSE),
      [
        'xl/sharedStrings.xml',
        gen(
          '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
          55_000_000,
          (i) => `<si><t>${((i * 2654435761) >>> 0) % 97}</t></si>`,
          '</sst>',
        ),
      ],
    ]),
  // A shared-string table of 9.9 million short strings (under the limit), about 200 MB inflated.
  'sst-under-limit.xlsx': () =>
    writeZip(join(out, 'sst-under-limit.xlsx'), [
      ...sheetOf(SHEET_OPEN + HEAD + SHEET_CLOSE),
      [
        'xl/sharedStrings.xml',
        gen(
          '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
          9_900_000,
          (i) => `<si><t>${word(i)}</t></si>`,
          '</sst>',
        ),
      ],
    ]),
  // 200 million empty shared strings.
  'sst-empty.xlsx': () =>
    writeZip(join(out, 'sst-empty.xlsx'), [
      ...sheetOf(SHEET_OPEN + HEAD + SHEET_CLOSE),
      [
        'xl/sharedStrings.xml',
        gen(
          '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
          200_000_000,
          (i) => (i % 64 === 0 ? `<si><t>${word(i)}</t></si>` : '<si/>'),
          '</sst>',
        ),
      ],
    ]),
  // Shared strings of long text near the 1 GB inflated limit (about 12,000 characters each).
  'sst-long.xlsx': () =>
    writeZip(join(out, 'sst-long.xlsx'), [
      ...sheetOf(SHEET_OPEN + HEAD + SHEET_CLOSE),
      [
        'xl/sharedStrings.xml',
        gen(
          '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
          40_000,
          (i) => `<si><t>${Array.from({ length: 3000 }, (_, k) => word(i * 3000 + k).slice(0, 2)).join('信用')}</t></si>`,
          '</sst>',
        ),
      ],
    ]),
  // The same just under limits.maxSharedStringChars: the most a legal table holds.
  'sst-long-under-limit.xlsx': () =>
    writeZip(join(out, 'sst-long-under-limit.xlsx'), [
      ...sheetOf(SHEET_OPEN + HEAD + SHEET_CLOSE),
      [
        'xl/sharedStrings.xml',
        gen(
          '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
          11_000,
          (i) => `<si><t>${Array.from({ length: 3000 }, (_, k) => word(i * 3000 + k).slice(0, 2)).join('信用')}</t></si>`,
          '</sst>',
        ),
      ],
    ]),
  // A 300 MB formula.
  'formula.xlsx': () =>
    writeZip(
      join(out, 'formula.xlsx'),
      sheetOf(
        gen(
          `${SHEET_OPEN}${HEAD}<row r="2"><c r="A2"><f>`,
          300 * 1024,
          (i) => `A${i % 1000000}+${word(i)}+`.padEnd(1024, '1'),
          `A1</f><v>1</v></c></row>${SHEET_CLOSE}`,
        ),
      ),
    ),
  // 2 million rows, every one numbered r="1".
  'rows-r1.xlsx': () =>
    writeZip(join(out, 'rows-r1.xlsx'), sheetOf(gen(SHEET_OPEN + HEAD, 2_000_000, (i) => row(i + 2, i, 1), SHEET_CLOSE))),
  // 20 million unclosed elements.
  'deep.xlsx': () =>
    writeZip(
      join(out, 'deep.xlsx'),
      sheetOf(gen(`${SHEET_OPEN}${HEAD}<row r="2"><c r="A2">`, 20_000_000, (i) => `<x${word(i).slice(0, 2)}>`, '')),
    ),
  // 254 <sheet> entries (under the limit) over one part: read once.
  'sheets-254.xlsx': () =>
    writeZip(join(out, 'sheets-254.xlsx'), [
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WB(Array.from({ length: 254 }, (_, i) => `<sheet name="表${i}" sheetId="${i + 1}" r:id="rId1"/>`).join(''))],
      ['xl/_rels/workbook.xml.rels', WB_RELS],
      ['xl/worksheets/sheet1.xml', gen(SHEET_OPEN + HEAD, 60_000, (i) => cleanRow(i, i + 2), `${SHEET_CLOSE}`)],
    ]),
  // 3,000 <sheet> entries over one 7.5 MB part.
  'sheets.xlsx': () =>
    writeZip(join(out, 'sheets.xlsx'), [
      ['[Content_Types].xml', CT],
      ['_rels/.rels', ROOT_RELS],
      ['xl/workbook.xml', WB(Array.from({ length: 3000 }, (_, i) => `<sheet name="表${i}" sheetId="${i + 1}" r:id="rId1"/>`).join(''))],
      ['xl/_rels/workbook.xml.rels', WB_RELS],
      ['xl/worksheets/sheet1.xml', gen(SHEET_OPEN + HEAD, 60_000, (i) => row(i + 2, i), `${SHEET_CLOSE}`)],
    ]),
};

const args = process.argv.slice(2);
const measure = args.includes('--measure');
const names = args.filter((a) => !a.startsWith('--'));
const cli = join(here, '..', 'bin', 'hrss-credit.js');
for (const name of names.length ? names : Object.keys(FILES)) {
  const file = join(out, name.endsWith('.csv') ? `黑名单-${name.replace(/\.csv$/, '')}.csv` : name);
  if (!existsSync(file)) await FILES[name]();
  if (!measure) continue;
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      cli,
      'validate',
      file,
      '--department',
      '就业办',
      '--quarter',
      '2026Q3',
      '--today',
      '2026-10-15',
      '--format',
      'json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(r.stderr)?.[1];
  const exit = /Exit status: (\d+)/.exec(r.stderr)?.[1];
  let codes = '';
  try {
    const d = JSON.parse(r.stdout);
    const c = {};
    for (const x of d.diagnostics) {
      const k = x.args?.limit ? `${x.code}(${x.args.limit})` : x.code;
      c[k] = (c[k] ?? 0) + 1;
    }
    codes = JSON.stringify(c);
  } catch {
    codes = r.stderr.split('\n').slice(0, 2).join(' ');
  }
  console.log(`${name}\texit ${exit}\twall ${wall}\tpeak RSS ${rss ? Math.round(Number(rss) / 1024) : '?'} MB\t${codes.slice(0, 160)}`);
}
