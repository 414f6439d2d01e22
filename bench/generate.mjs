// Generates the benchmark inputs (bench/data/, not committed): valid lists of the contract's
// shape, so that validate does all its work and reports nothing. Deterministic.
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { makeCreditCode, CREDIT_CODE_CHARSET } from '../dist/domain/credit-code.js';
import { makeIdNumber } from '../dist/domain/id-number.js';
import { daysToIso, isoToDays } from '../dist/domain/dates.js';

export const HEADER = [
  '序号',
  '名单类型',
  '领域',
  '名单名称',
  '主体类别',
  '主体名称',
  '统一社会信用代码',
  '法定代表人',
  '证件号码',
  '列入事由',
  '认定依据',
  '认定文书号',
  '认定日期',
  '公示截止日期',
  '备注',
];
const CH = CREDIT_CODE_CHARSET;
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志文';
const TRADES = ['建筑工程', '劳务派遣', '人力资源服务', '机械制造', '食品加工', '纺织', '物流', '商贸'];
const start = isoToDays('2026-07-01');
const birth0 = isoToDays('1950-01-01');

function body(n) {
  let s = '';
  for (let i = 0; i < 8; i++) {
    s = CH[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return s;
}

/** Row i (0-based) of the generated list. */
export function row(i) {
  const black = i % 3 !== 0;
  const person = i % 10 === 7;
  const decided = daysToIso(start + (i % 90));
  const until = daysToIso(start + (i % 90) + 365 * 3 - 1);
  const name = person
    ? SURNAMES[i % SURNAMES.length] + GIVEN[(i >> 3) % GIVEN.length] + GIVEN[(i >> 6) % GIVEN.length]
    : `新乡市${['红旗', '卫滨', '凤泉', '牧野'][i % 4]}区${TRADES[i % TRADES.length]}第${i}号有限公司`;
  const facts = black
    ? `未经许可经营劳务派遣业务，涉及劳动者${(i % 97) + 3}人，经责令改正拒不改正，情节严重`
    : `劳务派遣经营规范，连续三年无违法记录，用工${(i % 50) + 10}人`;
  return [
    String(i + 1),
    black ? '黑名单' : '红名单',
    '劳务派遣',
    black ? '劳务派遣失信单位' : '劳务派遣诚信经营单位',
    person ? '自然人' : '法人及非法人组织',
    name,
    person ? '' : makeCreditCode('91410700', body(i)),
    person ? '' : SURNAMES[(i + 3) % SURNAMES.length] + GIVEN[i % GIVEN.length],
    person ? makeIdNumber('410702', daysToIso(birth0 + (Math.floor(i / 1000) % 18000)), String(i % 1000).padStart(3, '0')) : '',
    facts,
    '《中华人民共和国劳动合同法》第九十二条，"《劳务派遣暂行规定》"',
    black ? `新人社监罚〔2026〕${i + 1}号` : '',
    decided,
    until,
    i % 5 === 0 ? '已送达' : '',
  ];
}

function csvLine(r) {
  return `${r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\r\n`;
}

async function writeCsv(path, rows, encode) {
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  const write = (s) => (out.write(encode(s)) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write(csvLine(HEADER));
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += csvLine(row(i));
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((r) => out.end(r));
  renameSync(tmp, path);
}

async function writeXlsx(path, rows) {
  const tmp = `${path}.part.xlsx`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('名单');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
  renameSync(tmp, path);
}

/**
 * Row i of a list with findings, for validate --annotate: every 25th row a credit code with a wrong
 * check digit, every 40th a date that does not exist, every 60th an empty 认定依据.
 */
export function rowWithFindings(i) {
  const r = row(i);
  if (i % 25 === 3 && r[6]) r[6] = r[6].slice(0, 17) + (r[6].endsWith('0') ? '1' : '0');
  if (i % 40 === 5) r[12] = '2026-02-30';
  if (i % 60 === 7) r[10] = '';
  return r;
}

export async function ensureFindingsXlsx(dir, rows) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `list-${rows}-findings.xlsx`);
  if (existsSync(path)) return path;
  const tmp = `${path}.part.xlsx`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('名单');
  ws.columns = HEADER.map((_h, i) => ({ width: [6, 10, 12, 20, 16, 36, 22, 10, 22, 40, 40, 24, 12, 12, 10][i] }));
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(rowWithFindings(i)).commit();
  ws.commit();
  await wb.commit();
  renameSync(tmp, path);
  return path;
}

export async function ensureData(dir, { csvRows, xlsxRows }) {
  mkdirSync(dir, { recursive: true });
  const files = {
    csvUtf8: join(dir, `list-${csvRows}-utf8.csv`),
    csvGb: join(dir, `list-${csvRows}-gb18030.csv`),
    xlsx: join(dir, `list-${xlsxRows}.xlsx`),
  };
  if (!existsSync(files.csvUtf8)) await writeCsv(files.csvUtf8, csvRows, (s) => Buffer.from(s, 'utf8'));
  if (!existsSync(files.csvGb)) await writeCsv(files.csvGb, csvRows, (s) => iconv.encode(s, 'gb18030'));
  if (!existsSync(files.xlsx)) await writeXlsx(files.xlsx, xlsxRows);
  return files;
}

/**
 * A list of natural persons whose ID column Excel stored as numbers (4.10702E+17): one finding
 * (SCHEMA_ID_PRECISION_LOST) on every row, for the many-findings benchmark (issues 7.2 and 8.2).
 */
export function findingRow(i) {
  const r = row(i * 10 + 7);
  r[0] = String(i + 1);
  r[8] = `${r[8].slice(0, 1)}.${r[8].slice(1, 6)}E+17`;
  return r;
}

export async function ensureFindingsData(dir, rows) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `findings-${rows}.csv`);
  if (!existsSync(path)) await writeRows(path, rows, findingRow);
  return path;
}

/** Row i of a list where every row lacks its required 主体名称 and 名单类型 (issue 8.2). */
export function missingRow(i) {
  const r = row(i);
  r[1] = '';
  r[5] = '';
  return r;
}

async function writeRows(path, rows, make) {
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  out.write(Buffer.from(csvLine(HEADER), 'utf8'));
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += csvLine(make(i));
    if (buf.length > 1 << 20) {
      if (!out.write(Buffer.from(buf, 'utf8'))) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(Buffer.from(buf, 'utf8'));
  await new Promise((r) => out.end(r));
  renameSync(tmp, path);
}

export async function ensureMissingData(dir, rows) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `missing-${rows}.csv`);
  if (!existsSync(path)) await writeRows(path, rows, missingRow);
  return path;
}

/**
 * A copy of an xlsx with xl/sharedStrings.xml moved before the worksheets (entries otherwise as they were,
 * stored again deflated). exceljs's WorkbookReader streams a sheet only when it has read the shared strings
 * already; a sheet that comes first (as exceljs's own writer puts it, and many tools do) is copied to a
 * temporary file and parsed after: the slower, larger of its two modes.
 */
export async function ensureStringsFirst(src) {
  const dst = src.replace(/\.xlsx$/, '-strings-first.xlsx');
  if (existsSync(dst)) return dst;
  const { default: yauzl } = await import('yauzl');
  const { default: yazl } = await import('yazl');
  const zip = await new Promise((resolve, reject) =>
    yauzl.open(src, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const entries = [];
  await new Promise((resolve, reject) => {
    zip.on('entry', (e) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  const rank = (n) => (n === 'xl/sharedStrings.xml' ? 0 : n.startsWith('xl/worksheets/') ? 2 : 1);
  entries.sort((a, b) => rank(a.fileName) - rank(b.fileName));
  const out = new yazl.ZipFile();
  const done = new Promise((resolve, reject) => {
    const w = createWriteStream(`${dst}.part`);
    out.outputStream.pipe(w).on('close', resolve).on('error', reject);
  });
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue;
    const s = await new Promise((resolve, reject) => zip.openReadStream(e, (err, st) => (err ? reject(err) : resolve(st))));
    const chunks = [];
    for await (const c of s) chunks.push(c);
    out.addBuffer(Buffer.concat(chunks), e.fileName, { mtime: e.getLastModDate(), compress: true });
  }
  out.end();
  await done;
  zip.close();
  renameSync(`${dst}.part`, dst);
  return dst;
}
