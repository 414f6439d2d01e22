#!/usr/bin/env node
// Prints what hrss-credit's reader sees in a workbook or CSV: sheet names, visibility, merges and
// rows as [row number, hidden, cells]. For looking into a clerk's file when a finding surprises.
// Usage: node scripts/dump-sheet.mjs FILE [max rows]   (after npm run build)
import { openWorkbook } from '../dist/io/sniff.js';
import { DEFAULT_LIMITS } from '../dist/schemas/config.js';
import { scoreRows } from '../dist/table/header.js';

const [file, max = '15'] = process.argv.slice(2);
const wb = await openWorkbook(file, 'sheet', { limits: DEFAULT_LIMITS, score: scoreRows });
if (wb.encoding) console.log('encoding', wb.encoding);
for (const s of wb.sheets) {
  console.log(`== ${s.name}${s.hidden ? ' (hidden)' : ''} merges=${JSON.stringify(s.merges)}`);
  let n = 0;
  await s.read((r) => {
    console.log(r.number, r.hidden ? 'H' : '', JSON.stringify(r.cells));
    return ++n < Number(max);
  });
}
await wb.close();
