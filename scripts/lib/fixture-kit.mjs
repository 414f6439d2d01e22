// Builds real files from readable descriptions: xlsx through exceljs, CSV in the encodings
// departments use, and small but genuine evidence files (PDF, PNG, JPEG, DOCX, OFD, TXT).
// Used by scripts/make-example.mjs (committed example workspace) and by the tests (per-finding
// fixtures described in JSON and built at test time).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync, crc32 as zcrc } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import yazl from 'yazl';

/** A cell of a JSON description: string, number, boolean, null, or {date|formula|text}. */
function toCell(v) {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  if ('date' in v) {
    // {date: '2026-08-03'} or, with a time of day, {date: '2026-08-03T10:30'}.
    const [day, time] = v.date.split('T');
    const [y, m, d] = day.split('-').map(Number);
    const [hh, mm] = (time ?? '0:0').split(':').map(Number);
    return new Date(Date.UTC(y, m - 1, d, hh, mm));
  }
  if ('formula' in v) return v.result === undefined ? { formula: v.formula } : { formula: v.formula, result: v.result };
  if ('text' in v) return String(v.text);
  if ('error' in v) return { error: v.error };
  if ('richText' in v) return { richText: v.richText.map((t) => ({ text: t })) };
  return null;
}

/** Writes an .xlsx: { sheets: [{ name, state, rows: [[…]], merges: ['A1:F1'], hiddenRows: [5], dateFormat }] , date1904 } */
export async function writeWorkbook(path, spec) {
  mkdirSync(dirname(path), { recursive: true });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hrss-credit fixtures';
  wb.created = new Date(Date.UTC(2026, 9, 1));
  wb.modified = wb.created;
  if (spec.date1904) wb.properties.date1904 = true;
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : {});
    s.rows.forEach((row, i) => {
      if (row === null) return;
      const r = ws.getRow(i + 1);
      row.forEach((v, j) => {
        const cell = r.getCell(j + 1);
        const value = toCell(v);
        if (value === null) return;
        cell.value = value;
        if (value instanceof Date) cell.numFmt = s.dateFormat ?? 'yyyy-mm-dd';
        if (v && typeof v === 'object' && 'text' in v) cell.numFmt = '@';
      });
      r.commit?.();
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const n of s.hiddenRows ?? []) ws.getRow(n).hidden = true;
    if (s.widths) {
      for (const [i, w] of s.widths.entries()) ws.getColumn(i + 1).width = w;
    }
  }
  await wb.xlsx.writeFile(path);
}

/** Writes a CSV: rows of strings; encoding utf8 | utf8-bom | gb18030 | utf16le; delimiter; eol. */
export function writeCsv(path, rows, { encoding = 'utf8', delimiter = ',', eol = '\r\n' } = {}) {
  mkdirSync(dirname(path), { recursive: true });
  const quote = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n\t;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
  let bytes;
  if (encoding === 'gb18030') bytes = iconv.encode(text, 'gb18030');
  else if (encoding === 'utf16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (encoding === 'utf8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else bytes = Buffer.from(text, 'utf8');
  writeFileSync(path, bytes);
}

export function writeBytes(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** A small, valid one-page PDF (ASCII text only: a stand-in for a scanned report). */
export function makePdf(title) {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 14 Tf 72 770 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
  objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function crc32(buf) {
  return zcrc ? zcrc(buf) : 0;
}

/** A valid RGB PNG of one colour. */
export function makePng(width = 16, height = 12, rgb = [200, 40, 40]) {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The head of a JPEG/JFIF file (SOI, APP0, a quantisation table, SOF, EOI): a stand-in photo. */
export const TINY_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010101004800480000ffdb004300030202020203020202030303030406040404040408060605060908' +
    '0a0a090809090a0c0f0c0a0b0e0b09090d110d0e0f101011100a0c12131210130f101010ffc9000b080001000101011100ffcc00' +
    '06001010050ffda0008010100003f00d2cf20ffd9',
  'hex',
);

function zipOf(entries) {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    const mtime = new Date(Date.UTC(2026, 9, 1));
    for (const [name, text] of entries) z.addBuffer(Buffer.from(text, 'utf8'), name, { mtime });
    z.end();
    const chunks = [];
    z.outputStream.on('data', (c) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

/** A minimal valid .docx with one paragraph. */
export function makeDocx(text) {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return zipOf([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${esc}</w:t></w:r></w:p></w:body></w:document>`,
    ],
  ]);
}

/** A minimal OFD (GB/T 33190) container. */
export function makeOfd(text) {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return zipOf([
    [
      'OFD.xml',
      `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:Title>${esc}</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ],
    [
      'Doc_0/Document.xml',
      '<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID></ofd:CommonData></ofd:Document>',
    ],
  ]);
}

export function gb18030(text) {
  return iconv.encode(text, 'gb18030');
}

// ---------------------------------------------------------------------------------------------
// Per-finding fixtures: a base department folder described in JSON, plus patches.

import { symlinkSync, rmSync as rm } from 'node:fs';
import { join as joinPath } from 'node:path';

function colRow(ref) {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

const clone = (v) => JSON.parse(JSON.stringify(v));

/** Applies patches to a JSON description of files: { path: content }. */
export function applyPatches(files, patches = []) {
  const out = clone(files);
  for (const p of patches) {
    if (p.remove) delete out[p.remove];
    if (p.file) out[p.file.path] = p.file.content;
    const sheetOf = (file, name) => {
      const wb = out[file]?.workbook;
      if (!wb) throw new Error(`no workbook ${file}`);
      const s = wb.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name} in ${file}`);
      return s;
    };
    if (p.set) {
      const s = sheetOf(p.set.file, p.set.sheet);
      const { col, row } = colRow(p.set.cell);
      while (s.rows.length <= row) s.rows.push([]);
      s.rows[row] ??= [];
      while (s.rows[row].length <= col) s.rows[row].push(null);
      s.rows[row][col] = p.set.value;
    }
    if (p.row) {
      const s = sheetOf(p.row.file, p.row.sheet);
      while (s.rows.length < p.row.at) s.rows.push([]);
      s.rows[p.row.at - 1] = p.row.values;
    }
    if (p.copyRow) {
      const s = sheetOf(p.copyRow.file, p.copyRow.sheet);
      const src = clone(s.rows[p.copyRow.from - 1]);
      while (s.rows.length < p.copyRow.to) s.rows.push([]);
      s.rows[p.copyRow.to - 1] = Object.assign(src, p.copyRow.change ?? {});
    }
    if (p.sheet) {
      const wb = out[p.sheet.file].workbook;
      const i = wb.sheets.findIndex((x) => x.name === p.sheet.value.name);
      if (i >= 0) wb.sheets[i] = p.sheet.value;
      else wb.sheets.push(p.sheet.value);
    }
    if (p.removeSheet) {
      const wb = out[p.removeSheet.file].workbook;
      wb.sheets = wb.sheets.filter((x) => x.name !== p.removeSheet.sheet);
    }
    if (p.sheetProps) Object.assign(sheetOf(p.sheetProps.file, p.sheetProps.sheet), p.sheetProps.props);
  }
  return out;
}

/** Writes a JSON description of files into a folder. */
export async function writeFiles(dir, files) {
  for (const [path, c] of Object.entries(files)) {
    const target = joinPath(dir, path);
    if (c.workbook) await writeWorkbook(target, c.workbook);
    else if (c.csv) writeCsv(target, c.csv.rows, c.csv);
    else if (c.pdf !== undefined) writeBytes(target, makePdf(c.pdf));
    else if (c.png) writeBytes(target, makePng());
    else if (c.jpg) writeBytes(target, TINY_JPEG);
    else if (c.docx !== undefined) writeBytes(target, await makeDocx(c.docx));
    else if (c.ofd !== undefined) writeBytes(target, await makeOfd(c.ofd));
    else if (c.text !== undefined) writeBytes(target, c.encoding === 'gb18030' ? gb18030(c.text) : Buffer.from(c.text, 'utf8'));
    else if (c.hex !== undefined) writeBytes(target, Buffer.from(c.hex, 'hex'));
    else if (c.concat)
      writeBytes(
        target,
        Buffer.concat(
          c.concat.map((part) =>
            part.hex !== undefined
              ? Buffer.from(part.hex, 'hex')
              : part.gb18030 !== undefined
                ? gb18030(part.gb18030)
                : Buffer.from(part.utf8, 'utf8'),
          ),
        ),
      );
    else if (c.symlink !== undefined) {
      mkdirSync(dirname(target), { recursive: true });
      rm(target, { force: true });
      symlinkSync(c.symlink, target);
    } else throw new Error(`unknown content for ${path}`);
  }
}
