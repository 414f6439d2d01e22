#!/usr/bin/env bash
# Makes the real-file fixtures the way clerks make them: a CSV typed in a text editor, opened and
# saved as .xlsx by LibreOffice (soffice) and by gnumeric (ssconvert), and by openpyxl (absolute
# part paths, as Java and Python exporters write them). Needs: apt-get install
# libreoffice-calc-nogui gnumeric python3-openpyxl. The results are committed under fixtures/real/
# with the findings each must give (expect.json); test/io/xlsx/real-files.test.ts checks them.
set -euo pipefail
# The tools first, all at once, with the Debian package each comes from: under `set -e` a missing one
# stopped the script half-way with only "command not found". gnumeric is optional: without ssconvert
# its two fixtures are not made again (the committed ones stay). `--check`: only this, nothing written.
py=${PYTHON:-/usr/bin/python3}
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
"$py" -c 'import openpyxl' >/dev/null 2>&1 || missing+=(python3-openpyxl)
gnumeric=1
command -v ssconvert >/dev/null 2>&1 || gnumeric=0
if [ ${#missing[@]} -gt 0 ]; then
  echo "make-real-files.sh: missing ${missing[*]}: apt-get install ${missing[*]}$([ $gnumeric = 1 ] || echo ' gnumeric')" >&2
  exit 1
fi
if [ $gnumeric = 0 ]; then
  echo "make-real-files.sh: ssconvert not found (apt-get install gnumeric): the gnumeric fixtures are skipped, the committed ones kept" >&2
fi
if [ "${1:-}" = --check ]; then exit 0; fi
cd "$(dirname "$0")/.."
out=fixtures/real
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node --input-type=module -e "
import { makeIdNumber } from './dist/domain/id-number.js';
import { makeCreditCode } from './dist/domain/credit-code.js';
import { writeFileSync } from 'node:fs';
const rows = [
  ['新乡市就业办2026年第三季度劳务派遣领域信用黑名单'],
  ['序号','领域','主体类别','主体名称','统一社会信用代码','法定代表人','证件号码','列入事由','认定依据','认定文书号','认定日期','公示截止日期'],
  ['1','劳务派遣','法人及非法人组织','新乡市红旗区示例建材有限公司',makeCreditCode('91410702','MA46B2QK'),'赵一鸣','','未经许可经营劳务派遣业务','《中华人民共和国劳动合同法》第九十二条','新人社监罚〔2026〕101号','2026-08-03','2029-08-02'],
  ['2','劳务派遣','自然人','钱小芳','','',makeIdNumber('410702','1980-01-01','001'),'冒用他人资质从事劳务派遣','《劳务派遣暂行规定》第二十条','新人社监罚〔2026〕102号','2026-09-01',''],
  ['注：本表由就业办填报。'],
];
writeFileSync('$work/黑名单.csv', rows.map(r => r.join(',')).join('\n') + '\n');
"
# LibreOffice: the ID column is detected as a number, as Excel does: its last digits are lost.
soffice -env:UserInstallation=file://$work/lo --headless --infilter='CSV:44,34,76,1' --convert-to xlsx --outdir "$work/lo-out" "$work/黑名单.csv" >/dev/null 2>&1
mkdir -p "$out/libreoffice-id-typed-as-number"
cp "$work/lo-out/黑名单.xlsx" "$out/libreoffice-id-typed-as-number/黑名单.xlsx"
# gnumeric: the same CSV through ssconvert.
if [ $gnumeric = 1 ]; then
  mkdir -p "$out/gnumeric-id-typed-as-number"
  ssconvert --import-encoding=UTF-8 "$work/黑名单.csv" "$out/gnumeric-id-typed-as-number/黑名单.xlsx" >/dev/null 2>&1
fi
# openpyxl writes absolute part paths (/xl/worksheets/sheet1.xml): sheet names must survive.
mkdir -p "$out/openpyxl-absolute-paths"
"$py" - "$out/openpyxl-absolute-paths/名单.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '黑名单'
ws.append(['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期'])
ws.append([1, '劳务派遣', '法人及非法人组织', '新乡市红旗区示例建材有限公司', '91410702MA46B2QK4T', '赵一鸣', '未经许可经营劳务派遣业务', '《劳动合同法》第九十二条', '新人社监罚〔2026〕101号', datetime.datetime(2026, 8, 3)])
ws2 = wb.create_sheet('红名单')
ws2.append(['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定日期'])
ws2.append([1, '劳务派遣', '法人及非法人组织', '新乡市示例人力资源有限公司', '91410700MA3YF8C110', '孙明', '经营规范', '《劳务派遣暂行规定》', '2026/8/20'])
wb.save(sys.argv[1])
PY
# openpyxl writes formulas without a cached result (<v></v>): SCHEMA_FORMULA_NO_VALUE, not SCHEMA_REQUIRED.
mkdir -p "$out/openpyxl-formula-no-cached-value"
"$py" - "$out/openpyxl-formula-no-cached-value/名单.xlsx" <<'PY'
import sys, datetime, openpyxl
# openpyxl writes formulas without a cached result (<f>…</f><v></v>): Excel computes them on open,
# a reader sees no value.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '黑名单'
ws.append(['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期'])
ws.append([1, '劳务派遣', '法人及非法人组织', '新乡市红旗区示例建材有限公司', '91410702MA46B2QK4T', '赵一鸣', '未经许可经营劳务派遣业务', '《劳动合同法》第九十二条', '="新人社监罚〔2026〕"&"101号"', '=DATE(2026,8,3)'])
ws['J2'].number_format = 'yyyy-mm-dd'
wb.save(sys.argv[1])
PY
# A GB18030 CSV as Chinese Excel saves it ("CSV (逗号分隔)"), with CRLF.
mkdir -p "$out/excel-gb18030-csv"
iconv -f UTF-8 -t GB18030 "$work/黑名单.csv" | sed 's/$/\r/' > "$out/excel-gb18030-csv/黑名单.csv"
# A workbook with a merged title, a two-row header (法定代表人 over 姓名 / 证件号码) and merged cells,
# opened and saved again by LibreOffice (via .ods, as a clerk working in Calc does) and by gnumeric.
src=fixtures/example-workspace/submissions/2026Q3/社保中心/社会保险领域信用红黑名单.xlsx
soffice -env:UserInstallation=file://$work/lo --headless --convert-to ods --outdir "$work/ods" "$src" >/dev/null 2>&1
soffice -env:UserInstallation=file://$work/lo --headless --convert-to xlsx --outdir "$work/rt" "$work/ods/社会保险领域信用红黑名单.ods" >/dev/null 2>&1
mkdir -p "$out/libreoffice-two-row-header"
cp "$work/rt/社会保险领域信用红黑名单.xlsx" "$out/libreoffice-two-row-header/"
if [ $gnumeric = 1 ]; then
  mkdir -p "$out/gnumeric-two-row-header"
  ssconvert "$work/ods/社会保险领域信用红黑名单.ods" "$out/gnumeric-two-row-header/社会保险领域信用红黑名单.xlsx" >/dev/null 2>&1
fi
# A list with a merged title row and its 领域 column merged down rows 3–9 (the value only in row 3), as a
# clerk merges repeated cells, opened and saved again by LibreOffice via .ods: 领域 is filled down, no finding.
node --input-type=module -e "
import ExcelJS from 'exceljs';
import { HEADER, row } from './bench/generate.mjs';
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('名单');
ws.addRow(['新乡市人社局劳务派遣领域红黑名单（2026年第三季度）']);
ws.addRow(HEADER);
for (let i = 0; i < 8; i++) ws.addRow(row(i).map((v, c) => (c === 2 && i > 0 && i < 7 ? '' : v)));
ws.mergeCells('A1:O1');
ws.mergeCells('C3:C9');
await wb.xlsx.writeFile('$work/名单.xlsx');
"
soffice -env:UserInstallation=file://$work/lo --headless --convert-to ods --outdir "$work/ods" "$work/名单.xlsx" >/dev/null 2>&1
soffice -env:UserInstallation=file://$work/lo --headless --convert-to xlsx --outdir "$work/rt" "$work/ods/名单.ods" >/dev/null 2>&1
mkdir -p "$out/libreoffice-merged-domain"
cp "$work/rt/名单.xlsx" "$out/libreoffice-merged-domain/"
echo "real files written under $out"
