#!/usr/bin/env bash
# Makes fixtures/real/template-openpyxl-libreoffice: the department form written by
# `hrss-credit template`, filled in by openpyxl (test/helpers/fill-form.py) and saved again by
# LibreOffice, as a department's round trip goes. Needs: npm run build, python3-openpyxl,
# libreoffice-calc-nogui. test/io/xlsx/real-files.test.ts and test/forms/template.test.ts read it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/real/template-openpyxl-libreoffice
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=就业办_2026Q3_信用红黑名单.xlsx
SOURCE_DATE_EPOCH=1790000000 node bin/hrss-credit.js template 就业办 --quarter 2026Q3 --out "$work/$name" >/dev/null
ids=$(node --input-type=module -e "
import { makeIdNumber } from './dist/domain/id-number.js';
import { makeCreditCode } from './dist/domain/credit-code.js';
console.log(makeCreditCode('91410702','MA46B2QK'), makeIdNumber('410702','1980-01-01','001'));
")
mkdir -p "$work/filled"
/usr/bin/python3 test/helpers/fill-form.py "$work/$name" "$work/filled/$name" $ids
soffice -env:UserInstallation=file://$work/lo --headless --convert-to xlsx --outdir "$work/lo-out" "$work/filled/$name" >/dev/null 2>&1
mkdir -p "$out"
cp "$work/lo-out/$name" "$out/$name"
printf '{\n  "about": "the department form, filled in by openpyxl and saved again by LibreOffice",\n  "department": "就业办",\n  "expect": []\n}\n' > "$out/expect.json"
