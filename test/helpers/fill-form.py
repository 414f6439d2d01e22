#!/usr/bin/env python3
"""Fills a department form as another program would (openpyxl): one valid row on each list and
the cover's sign-offs. Usage: fill-form.py FORM OUT CREDIT_CODE ID_NUMBER"""
import datetime
import sys

import openpyxl

form, out, credit_code, id_number = sys.argv[1:5]
wb = openpyxl.load_workbook(form)

def fill(ws, values):
    headers = [c.value for c in ws[1]]
    for header, value in values.items():
        col = headers.index(header) + 1
        ws.cell(row=2, column=col, value=value)

fill(wb['黑名单'], {
    '领域': '劳务派遣', '主体类别': '法人及非法人组织', '主体名称': '新乡市红旗区示例建材有限公司',
    '统一社会信用代码': credit_code, '法定代表人': '赵一鸣', '列入事由': '未经许可经营劳务派遣业务',
    '认定依据': '《中华人民共和国劳动合同法》第九十二条', '认定文书号': '新人社监罚〔2026〕101号',
    '认定日期': datetime.date(2026, 8, 3), '失信程度': '严重',
})
fill(wb['红名单'], {
    '领域': '劳务派遣', '主体类别': '自然人', '主体名称': '钱小芳', '证件类型': '居民身份证',
    '证件号码': id_number, '列入事由': '连续三年劳务派遣经营规范', '认定依据': '《劳务派遣暂行规定》',
    '认定日期': '2026-09-01',
})
cover = wb['报送单']
for row in cover.iter_rows(min_row=2):
    key = row[0].value
    value = {'填报人': '孙立', '联系电话': '0373-1234567', '审核人': '周平', '审定人': '吴刚',
             '审核日期': datetime.date(2026, 10, 8), '审定日期': datetime.date(2026, 10, 9)}.get(key)
    if value is not None:
        row[1].value = value
wb.save(out)
