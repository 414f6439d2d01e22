// One measured task in its own process: prints {rows, maxRssMb} as its last line.
// node bench/run.mjs validate|csv-raw|csv-papaparse|xlsx-raw|xlsx-reader|xlsx-stack|xlsx-decode|tableschema FILE
//   xlsx-raw        exceljs's stream.xlsx.WorkbookReader with default options; which of its two modes runs depends on
//                   the file (generate.mjs ensureStringsFirst: shared strings after the sheet, as exceljs writes, or before)
//   xlsx-reader     our xlsx reader alone (src/io/xlsx/xlsx.ts): open and every row, no table, no rules
//   xlsx-stack      the raw stack our reader stands on: yauzl + TextDecoder + saxes, counting <row> elements
//   xlsx-decode     the decode floor: yauzl inflating the sheet and TextDecoder decoding it, nothing parsed
import { createReadStream, writeSync } from 'node:fs';

const [task, file] = process.argv.slice(2);
let rows = 0;
if (task === 'findings-json' || task === 'findings-pretty') {
  // A list with findings on every row: the whole report is produced, as a clerk or a script would get it.
  const { run } = await import('../dist/cli/program.js');
  let bytes = 0;
  const config = new URL('./bench.config.json', import.meta.url).pathname;
  const format = task === 'findings-json' ? 'json' : 'pretty';
  let out = '';
  await run(
    ['validate', file, '--config', config, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', format],
    {
      stdout: {
        write: (s) => {
          bytes += Buffer.byteLength(s);
          if (format === 'json') out += s;
        },
      },
      stderr: { write: () => {} },
      env: {},
      cwd: process.cwd(),
    },
  );
  rows = format === 'json' ? JSON.parse(out).stats.rows : Number(/-(\d+)\.csv$/.exec(file)?.[1] ?? 0);
  writeSync(1, `\n${JSON.stringify({ rows, bytes, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  process.exit(0);
} else if (task === 'annotate' || task === 'annotate-plain') {
  // validate --annotate against the same validate without it, on a workbook with findings.
  const { run } = await import('../dist/cli/program.js');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const config = new URL('./bench.config.json', import.meta.url).pathname;
  const outDir = task === 'annotate' ? mkdtempSync(join(tmpdir(), 'hrss-bench-annotate-')) : undefined;
  let out = '';
  await run(
    [
      'validate',
      file,
      '--config',
      config,
      '--department',
      '就业办',
      '--quarter',
      '2026Q3',
      '--today',
      '2026-10-15',
      '--format',
      'json',
      ...(outDir ? ['--annotate', outDir] : []),
    ],
    {
      stdout: { write: (s) => (out += s) },
      stderr: { write: () => {} },
      env: {},
      cwd: process.cwd(),
    },
  );
  const doc = JSON.parse(out);
  rows = doc.stats.rows;
  if (outDir) {
    if (!(doc.annotated ?? []).length) console.error('validate --annotate wrote no copy');
    rmSync(outDir, { recursive: true, force: true });
  }
} else if (task === 'validate') {
  const { run } = await import('../dist/cli/program.js');
  let out = '';
  // The benchmark's files are larger than the default 100 MB limit: raise it as a bureau would.
  const config = new URL('./bench.config.json', import.meta.url).pathname;
  const code = await run(
    ['validate', file, '--config', config, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'],
    {
      stdout: { write: (s) => (out += s) },
      stderr: { write: () => {} },
      env: {},
      cwd: process.cwd(),
    },
  );
  const doc = JSON.parse(out);
  rows = doc.stats.rows;
  if (code !== 0)
    console.error(
      `validate exit ${code}: ${doc.diagnostics
        .slice(0, 3)
        .map((d) => `${d.code} ${d.message}`)
        .join('; ')}`,
    );
} else if (task === 'csv-raw') {
  const { parse } = await import('csv-parse');
  await new Promise((resolve, reject) => {
    createReadStream(file)
      .pipe(parse())
      .on('data', () => rows++)
      .on('end', resolve)
      .on('error', reject);
  });
} else if (task === 'csv-raw-decoded') {
  // The fair raw baseline for a GB18030 file: decoded first (as it must be), then csv-parse.
  const { parse } = await import('csv-parse');
  const { Transform } = await import('node:stream');
  const decoder = new TextDecoder('gb18030');
  const decode = new Transform({
    transform(chunk, _e, cb) {
      cb(null, decoder.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, decoder.decode());
    },
  });
  await new Promise((resolve, reject) => {
    createReadStream(file)
      .pipe(decode)
      .pipe(parse())
      .on('data', () => rows++)
      .on('end', resolve)
      .on('error', reject);
  });
} else if (task === 'csv-papaparse') {
  // papaparse's streaming parser on the same file (UTF-8), counting records.
  const { default: Papa } = await import('papaparse');
  await new Promise((resolve, reject) => {
    Papa.parse(createReadStream(file, { encoding: 'utf8' }), {
      step: () => rows++,
      complete: resolve,
      error: reject,
    });
  });
} else if (task === 'xlsx-stack' || task === 'xlsx-decode') {
  const { default: yauzl } = await import('yauzl');
  const { SaxesParser } = await import('saxes');
  const zip = await new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const entries = new Map();
  await new Promise((resolve, reject) => {
    zip.on('entry', (e) => {
      entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  const stream = (name) => new Promise((resolve, reject) => zip.openReadStream(entries.get(name), (e, s) => (e ? reject(e) : resolve(s))));
  const parts = [...entries.keys()].filter((n) => n === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  for (const name of parts) {
    const decoder = new TextDecoder('utf-8');
    const parser = task === 'xlsx-stack' ? new SaxesParser({ xmlns: false, position: false }) : undefined;
    if (parser && name !== 'xl/sharedStrings.xml') parser.on('opentag', (t) => t.name === 'row' && rows++);
    let chars = 0;
    for await (const chunk of await stream(name)) {
      const text = decoder.decode(chunk, { stream: true });
      if (parser) parser.write(text);
      else chars += text.length;
    }
    parser?.write(decoder.decode());
    parser?.close();
    if (!parser && name !== 'xl/sharedStrings.xml') rows = chars;
  }
  zip.close();
} else if (task === 'xlsx-reader') {
  // Our reader alone: open, every sheet's every row (the cells made), no table and no rules.
  const { openXlsx } = await import('../dist/io/xlsx/xlsx.js');
  const { DEFAULT_LIMITS } = await import('../dist/schemas/config.js');
  const wb = await openXlsx(file, { ...DEFAULT_LIMITS, maxFileBytes: Number.MAX_SAFE_INTEGER });
  for (const sheet of wb.sheets) await sheet.read(() => void rows++);
  await wb.close();
} else if (task === 'xlsx-raw') {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file);
  for await (const ws of reader) for await (const _row of ws) rows++;
} else if (task === 'tableschema') {
  const { Table } = await import(process.env.TABLESCHEMA_PATH);
  const fields = [
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
  ].map((name) => ({ name, type: 'string' }));
  const by = Object.fromEntries(fields.map((f) => [f.name, f]));
  by['序号'].type = 'integer';
  by['名单类型'].constraints = { required: true, enum: ['红名单', '黑名单'] };
  by['主体类别'].constraints = { required: true, enum: ['法人及非法人组织', '个体工商户', '自然人'] };
  by['主体名称'].constraints = { required: true };
  by['统一社会信用代码'].constraints = { pattern: '[0-9A-HJ-NPQRTUWXY]{18}|' };
  by['证件号码'].constraints = { pattern: '[0-9]{17}[0-9X]|' };
  by['认定日期'].type = 'date';
  by['公示截止日期'].type = 'date';
  const table = await Table.load(file, { schema: { fields, primaryKey: ['序号'] } });
  const stream = await table.iter({ stream: true, forceCast: true });
  await new Promise((resolve, reject) =>
    stream
      .on('data', () => rows++)
      .on('end', resolve)
      .on('error', reject),
  );
}
writeSync(1, `\n${JSON.stringify({ rows, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
process.exit(0);
