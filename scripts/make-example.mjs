#!/usr/bin/env node
// Writes fixtures/example-workspace: a 2026Q3 submission from every department of the built-in
// matrix, made the way departments make them (title rows, merged cells, two-row headers, GB18030
// and UTF-16 text, dates typed as text, a nil report, evidence files). Every name is invented and
// every identifier comes from the project's own generator (src/domain): no real person's number.
// Run after `npm run build`: node scripts/make-example.mjs
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCreditCode } from '../dist/domain/credit-code.js';
import { makeIdNumber } from '../dist/domain/id-number.js';
import { writeWorkbook, writeCsv, writeBytes, makePdf, makePng, makeDocx, makeOfd, TINY_JPEG, gb18030 } from './lib/fixture-kit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'example-workspace');
const q = join(root, 'submissions', '2026Q3');
rmSync(root, { recursive: true, force: true });
mkdirSync(q, { recursive: true });

const d = (date) => ({ date });
const cover = (unit, extra = []) => [
  ['信用红黑名单报送单'],
  ['项目', '内容'],
  ['报送单位', unit],
  ['报送季度', '2026年第三季度'],
  ['填报人', '王晓敏'],
  ['联系电话', '0373-3000000'],
  ['审核人（分管领导）', '李建国'],
  ['审核日期', d('2026-10-08')],
  ['审定人（主要领导）', '赵振华'],
  ['审定日期', d('2026-10-09')],
  ['报送日期', d('2026-10-10')],
  ...extra,
];

writeFileSync(
  join(root, 'hrss-credit.config.json'),
  `${JSON.stringify(
    {
      bureau: { name: '新乡市人力资源和社会保障局', creditCode: makeCreditCode('11410700', '00605312'), divisionCode: '410700' },
      publication: { domainMaxYears: { 招录考试: { years: 5, basis: '人社部令第31号 第十二条' } } },
    },
    null,
    2,
  )}\n`,
);

// 1. 就业办: a workbook with a merged title row, 红名单 and 黑名单 sheets, pre-numbered blank rows,
//    a notes row, and the cover as a sheet 报送单.
{
  const head = [
    '序号',
    '领域',
    '名单名称',
    '主体类别',
    '主体名称',
    '统一社会信用代码',
    '法定代表人',
    '列入事由',
    '认定依据',
    '认定日期',
    '公示截止日期',
    '备注',
  ];
  await writeWorkbook(join(q, '就业办', '劳务派遣红黑名单.xlsx'), {
    sheets: [
      {
        name: '红名单',
        merges: ['A1:L1'],
        rows: [
          ['新乡市就业办2026年第三季度劳务派遣领域信用红名单'],
          head,
          [
            1,
            '劳务派遣',
            '劳务派遣诚信经营单位',
            '法人及非法人组织',
            '新乡市卫河人力资源服务有限公司',
            makeCreditCode('91410700', 'MA3X7K2P'),
            '陈立新',
            '连续三年劳务派遣经营规范，无违法记录',
            '《劳务派遣暂行规定》',
            d('2026-08-03'),
            d('2029-08-02'),
            '',
          ],
          [
            2,
            '劳务派遣',
            '劳务派遣诚信经营单位',
            '法人及非法人组织',
            '新乡市牧野劳务派遣服务有限公司',
            makeCreditCode('91410711', 'MA44Q8W1'),
            '孙海燕',
            '用工规范，按时足额支付劳动报酬',
            '《劳务派遣暂行规定》',
            d('2026-08-03'),
            null,
            '',
          ],
          [3],
          [4],
          [5],
          ['注：公示截止日期未填的，按认定日期起三年计算。'],
        ],
      },
      {
        name: '黑名单',
        merges: ['A1:N1'],
        rows: [
          ['新乡市就业办2026年第三季度劳务派遣领域信用黑名单'],
          [
            '序号',
            '领域',
            '名单名称',
            '主体类别',
            '主体名称',
            '统一社会信用代码',
            '法定代表人',
            '列入事由',
            '认定依据',
            '认定文书号',
            '认定日期',
            '公示截止日期',
            '失信程度',
            '备注',
          ],
          [
            1,
            '劳务派遣',
            '劳务派遣失信单位',
            '法人及非法人组织',
            '新乡市红旗区鑫达劳务服务有限公司',
            makeCreditCode('91410702', 'MA9LQ3T4'),
            '刘志强',
            '未经许可经营劳务派遣业务，拒不改正',
            '《中华人民共和国劳动合同法》第九十二条',
            '新人社监罚〔2026〕17号',
            d('2026-09-12'),
            d('2029-09-11'),
            '严重',
            '',
          ],
          ['制表：就业办　　审核：李建国'],
        ],
      },
      { name: '报送单', merges: ['A1:B1'], rows: cover('就业办'), widths: [22, 30] },
    ],
  });
  writeBytes(join(q, '就业办', '附件', '典型案例报道.pdf'), makePdf('Typical case: unlicensed labour dispatch, Xinxiang 2026Q3'));
  writeBytes(join(q, '就业办', '附件', '现场检查照片.jpg'), TINY_JPEG);
}

// 2. 劳动关系科: a GB18030 CSV saved by Chinese Excel, with a title row and a 名单类型 column.
{
  writeCsv(
    join(q, '劳动关系科', '劳动关系科信用红黑名单.csv'),
    [
      ['劳动关系科2026年第三季度信用红黑名单', '', '', '', '', '', '', '', '', '', '', ''],
      [
        '序号',
        '名单类型',
        '领域',
        '主体类别',
        '主体名称',
        '统一社会信用代码',
        '法定代表人（负责人）',
        '法定代表人证件号码',
        '列入事由',
        '认定依据',
        '认定文书号',
        '认定日期',
      ],
      [
        '1',
        '红名单',
        '劳动合同',
        '法人及非法人组织',
        '新乡市凤泉区恒信机械制造有限公司',
        makeCreditCode('91410704', 'MA47KD2X'),
        '周建军',
        '',
        '劳动合同签订率100%，连续两年无劳动争议',
        '《中华人民共和国劳动合同法》',
        '',
        '2026/7/15',
      ],
      [
        '2',
        '黑名单',
        '工时及休息休假',
        '法人及非法人组织',
        '新乡县金穗食品加工有限公司',
        makeCreditCode('91410721', 'MA3YH6P8'),
        '吴国庆',
        makeIdNumber('410721', '1972-04-18', '031'),
        '强迫劳动者超时加班，经责令改正拒不改正',
        '《中华人民共和国劳动法》第九十条',
        '新人社劳罚〔2026〕9号',
        '2026/9/2',
      ],
    ],
    { encoding: 'gb18030' },
  );
  await writeWorkbook(join(q, '劳动关系科', '报送单.xlsx'), { sheets: [{ name: '报送单', merges: ['A1:B1'], rows: cover('劳动关系科') }] });
  writeBytes(
    join(q, '劳动关系科', '附件', '案例报道-超时加班.docx'),
    await makeDocx('典型案例：新乡县某食品企业强迫劳动者超时加班被列入黑名单'),
  );
  writeBytes(join(q, '劳动关系科', '附件', '执法现场.png'), makePng(32, 24, [30, 90, 160]));
}

// 3. 监察科: nothing to list this quarter: a nil report.
await writeWorkbook(join(q, '监察科', '报送单.xlsx'), {
  sheets: [{ name: '报送单', merges: ['A1:B1'], rows: cover('监察科', [['无信息报告', '是']]) }],
});

// 4. 社保中心 (an alias of 市社保中心): a two-row header with 法定代表人 merged over 姓名 / 证件号码.
{
  const names = [
    '序号',
    '名单类型',
    '领域',
    '主体类别',
    '主体名称',
    '统一社会信用代码',
    '法定代表人',
    null,
    '列入事由',
    '认定依据',
    '认定文书号',
    '认定日期',
    '公示截止日期',
  ];
  await writeWorkbook(join(q, '社保中心', '社会保险领域信用红黑名单.xlsx'), {
    sheets: [
      {
        name: '2026年第三季度',
        merges: ['A1:M1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:H2', 'I2:I3', 'J2:J3', 'K2:K3', 'L2:L3', 'M2:M3'],
        rows: [
          ['新乡市社会保险中心2026年第三季度社会保险领域信用红黑名单'],
          names,
          [null, null, null, null, null, null, '姓名', '证件号码'],
          [
            1,
            '红名单',
            '社会保险',
            '法人及非法人组织',
            '新乡市平原纺织有限公司',
            makeCreditCode('91410700', 'MA46W3NR'),
            '郑国平',
            makeIdNumber('410702', '1968-11-02', '015'),
            '连续五年足额缴纳社会保险费',
            '《中华人民共和国社会保险法》',
            '',
            d('2026-07-20'),
            d('2029-07-19'),
          ],
          [
            2,
            '黑名单',
            '社会保险',
            '法人及非法人组织',
            '新乡市卫滨区宏图建材有限公司',
            makeCreditCode('91410703', 'MA45PL7C'),
            '冯立伟',
            makeIdNumber('410703', '1979-05-21', '037'),
            '未依法缴纳社会保险费，经责令限期缴纳逾期仍不缴纳',
            '《中华人民共和国社会保险法》第八十六条',
            '新社保稽〔2026〕21号',
            d('2026-08-25'),
            d('2029-08-24'),
          ],
          [
            3,
            '黑名单',
            '社会保险',
            '法人及非法人组织',
            '长垣市康泰医疗器械有限公司',
            makeCreditCode('91410783', 'MA48RE5F'),
            '韩雪梅',
            makeIdNumber('410728', '1982-02-14', '048'),
            '以欺诈手段骗取社会保险基金支出',
            '《中华人民共和国社会保险法》第八十七条',
            '新社保稽〔2026〕25号',
            d('2026-09-10'),
            d('2029-09-09'),
          ],
        ],
      },
      { name: '报送单', rows: cover('市社保中心') },
    ],
  });
  writeBytes(join(q, '社保中心', '附件', '骗取社保待遇典型案例.pdf'), makePdf('Typical case: social insurance fraud, Xinxiang 2026Q3'));
  writeBytes(join(q, '社保中心', '附件', '稽核现场.jpg'), TINY_JPEG);
}

// 5. 监察支队 (an alias of 市劳动保障监察支队): wage arrears with a vertically merged 认定依据,
//    severity, legal representatives; the case report is a GB18030 text file.
{
  const basis = '《保障农民工工资支付条例》第四十八条；《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条';
  await writeWorkbook(join(q, '监察支队', '拖欠工资等失信黑名单.xlsx'), {
    sheets: [
      {
        name: '黑名单',
        merges: ['A1:N1', 'J4:J5'],
        rows: [
          ['新乡市劳动保障监察支队2026年第三季度失信黑名单'],
          ['填报单位：新乡市劳动保障监察支队', null, null, null, null, null, null, null, null, null, null, null, '单位：家'],
          [
            '序号',
            '领域',
            '名单名称',
            '主体类别',
            '主体名称',
            '统一社会信用代码',
            '法定代表人',
            '法定代表人证件类型',
            '列入事由',
            '认定依据',
            '认定文书号',
            '认定日期',
            '失信程度',
            '惩戒措施',
          ],
          [
            1,
            '拖欠工资',
            '拖欠农民工工资失信联合惩戒对象名单',
            '法人及非法人组织',
            '新乡市辉县市鼎盛建筑工程有限公司',
            makeCreditCode('91410782', 'MA3XQ9B5'),
            '马永福',
            '居民身份证',
            '拖欠86名农民工工资共计152.6万元，经责令限期支付逾期未支付',
            basis,
            '新人社监字〔2026〕33号',
            d('2026-08-18'),
            '严重',
            '限制政府资金支持、政府采购、招投标',
          ],
          [
            2,
            '拖欠工资',
            '拖欠农民工工资失信联合惩戒对象名单',
            '法人及非法人组织',
            '封丘县恒达劳务有限公司',
            makeCreditCode('91410727', 'MA40TX2H'),
            '高红军',
            '居民身份证',
            '拖欠23名农民工工资共计41.3万元，引发群体性事件',
            null,
            '新人社监字〔2026〕35号',
            d('2026-09-05'),
            '严重',
            '限制政府资金支持、政府采购、招投标',
          ],
          [
            3,
            '违法用工',
            '重大劳动保障违法行为',
            '法人及非法人组织',
            '原阳县兴业纸品有限公司',
            makeCreditCode('91410725', 'MA45JD8K'),
            '罗振宇',
            '',
            '使用童工',
            '《禁止使用童工规定》第六条',
            '新人社监罚〔2026〕41号',
            d('2026-07-28'),
            '严重',
            '',
          ],
          ['说明：本表认定日期为作出决定之日。'],
        ],
      },
      { name: '报送单', rows: cover('市劳动保障监察支队') },
    ],
  });
  writeBytes(
    join(q, '监察支队', '附件', '欠薪案件典型案例.txt'),
    gb18030('典型案例：辉县市某建筑公司拖欠农民工工资案\r\n2026年8月，支队依法责令其限期支付……\r\n'),
  );
  writeBytes(join(q, '监察支队', '附件', '欠薪案件现场.png'), makePng(40, 30, [120, 120, 40]));
}

// 6. 就业局: "Unicode 文本" (UTF-16 LE, tab separated) as Excel saves it; the cover is a UTF-8 CSV.
{
  writeCsv(
    join(q, '就业局', '就业领域红名单.txt'),
    [
      ['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定日期'],
      [
        '1',
        '就业',
        '法人及非法人组织',
        '新乡市延津县丰源农业科技有限公司',
        makeCreditCode('91410726', 'MA44UW3G'),
        '孔繁荣',
        '吸纳就业困难人员32人，稳岗成效显著',
        '《中华人民共和国就业促进法》',
        '2026-09-18',
      ],
      [
        '2',
        '就业',
        '个体工商户',
        '获嘉县李记面食店',
        makeCreditCode('92410724', 'MA47PN1D'),
        '李文杰',
        '带动就业困难人员稳定就业',
        '《中华人民共和国就业促进法》',
        '2026-09-18',
      ],
    ],
    { encoding: 'utf16le', delimiter: '\t' },
  );
  writeCsv(
    join(q, '就业局', '报送单.csv'),
    cover('就业局').map((r) => r.map((v) => (v && typeof v === 'object' ? v.date : (v ?? '')))),
    { encoding: 'utf8-bom' },
  );
  writeBytes(join(q, '就业局', '附件', '稳岗就业典型事迹.pdf'), makePdf('Typical case: stable employment, Yanjin 2026Q3'));
  writeBytes(join(q, '就业局', '附件', '企业招聘会.jpg'), TINY_JPEG);
}

// 7. 创业担保中心: dates typed as text (2026年8月3日), natural persons on a black list.
{
  await writeWorkbook(join(q, '创业担保中心', '小额贷款红黑名单.xlsx'), {
    sheets: [
      {
        name: '红名单',
        rows: [
          ['序号', '领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '证件号码', '列入事由', '认定依据', '认定日期'],
          [
            1,
            '创业担保贷款',
            '个体工商户',
            '卫辉市张氏农家乐',
            makeCreditCode('92410781', 'MA45CR7E'),
            '张春生',
            '',
            '按期足额归还创业担保贷款，带动就业8人',
            '《创业担保贷款实施办法》',
            '2026年8月3日',
          ],
        ],
      },
      {
        name: '黑名单',
        rows: [
          [
            '序号',
            '领域',
            '主体类别',
            '主体名称',
            '证件类型',
            '证件号码',
            '列入事由',
            '认定依据',
            '认定文书号',
            '认定日期',
            '公示截止日期',
            '失信程度',
          ],
          [
            1,
            '小额贷款',
            '自然人',
            '杨文博',
            '居民身份证',
            { text: makeIdNumber('410782', '1985-03-12', '051') },
            '创业担保贷款逾期超过一年，经催收拒不归还',
            '《创业担保贷款实施办法》',
            '新创担〔2026〕5号',
            '2026年9月20日',
            '2027年9月19日',
            '一般',
          ],
        ],
      },
      { name: '报送单', rows: cover('创业担保中心') },
    ],
  });
  writeBytes(join(q, '创业担保中心', '附件', '贷款逾期典型案例.ofd'), await makeOfd('创业担保贷款逾期典型案例'));
  writeBytes(join(q, '创业担保中心', '附件', '走访照片.png'), makePng(24, 24, [60, 160, 60]));
}

// 8. 考试中心: natural persons (masked in 公示), a five-year period from config (人社部令第31号),
//    and a scan of the signed paper cover.
{
  await writeWorkbook(join(q, '考试中心', '招录考试失信黑名单.xlsx'), {
    sheets: [
      {
        name: '黑名单',
        rows: [
          ['新乡市人事考试中心2026年第三季度招录考试失信黑名单'],
          [
            '序号',
            '领域',
            '名单名称',
            '主体类别',
            '姓名',
            '证件类型',
            '证件号码',
            '列入事由',
            '认定依据',
            '认定文书号',
            '认定日期',
            '公示截止日期',
          ],
          [
            1,
            '招录考试',
            '专业技术人员资格考试严重违纪违规人员',
            '自然人',
            '许志远',
            '身份证',
            { text: makeIdNumber('410711', '1994-07-09', '013') },
            '在考试中使用通讯设备作弊',
            '《专业技术人员资格考试违纪违规行为处理规定》第十二条',
            '新人考〔2026〕3号',
            d('2026-09-26'),
            d('2031-09-25'),
          ],
          [
            2,
            '招录考试',
            '事业单位公开招聘违纪违规人员',
            '自然人',
            '宋佳琪',
            '身份证',
            { text: makeIdNumber('410783', '1999-12-30', '026') },
            '伪造学历证明参加公开招聘',
            '《事业单位公开招聘违纪违规行为处理规定》',
            '新人考〔2026〕4号',
            d('2026-09-26'),
            d('2031-09-25'),
          ],
        ],
      },
    ],
  });
  await writeWorkbook(join(q, '考试中心', '报送单.xlsx'), { sheets: [{ name: '报送单', rows: cover('市考试中心') }] });
  writeBytes(join(q, '考试中心', '报送单.pdf'), makePdf('Signed cover: Examination Centre 2026Q3'));
  writeBytes(join(q, '考试中心', '附件', '考试作弊典型案例.pdf'), makePdf('Typical case: cheating with a phone, 2026'));
  writeBytes(join(q, '考试中心', '附件', '考场监控截图.png'), makePng(48, 27, [20, 20, 20]));
}

// 9. A history (register.md): 劳动关系科's list as published in 2026Q2, before the tool was used
//    (brought in by `register import`, see scripts/example.mjs), and, in 2026Q3, a removal request
//    (移出申请) for one of its records. The Q2 list holds the Q3 red row of 恒信机械 as it is (so
//    2026Q3 resends it: REGISTER_ALREADY_ACTIVE), a red record removed in Q3 (违法违规移出) and a
//    black record whose publication ends in Q3 (listed as expired).
{
  const hist = join(root, 'history', '2026Q2');
  writeCsv(
    join(hist, '劳动关系科2026年第二季度信用红黑名单.csv'),
    [
      [
        '序号',
        '名单类型',
        '领域',
        '主体类别',
        '主体名称',
        '统一社会信用代码',
        '法定代表人（负责人）',
        '列入事由',
        '认定依据',
        '认定文书号',
        '认定日期',
        '公示截止日期',
        '失信程度',
      ],
      [
        '1',
        '红名单',
        '劳动合同',
        '法人及非法人组织',
        '新乡市凤泉区恒信机械制造有限公司',
        makeCreditCode('91410704', 'MA47KD2X'),
        '周建军',
        '劳动合同签订率100%，连续两年无劳动争议',
        '《中华人民共和国劳动合同法》',
        '',
        '2026/7/15',
        '',
        '',
      ],
      [
        '2',
        '红名单',
        '劳动合同',
        '法人及非法人组织',
        '新乡市牧野区诚信劳务有限公司',
        makeCreditCode('91410711', 'MA4B7N2Q'),
        '孙志刚',
        '规范签订劳动合同，按时足额支付工资',
        '《中华人民共和国劳动合同法》',
        '新人社劳〔2026〕3号',
        '2026/5/20',
        '2029/5/19',
        '',
      ],
      [
        '3',
        '黑名单',
        '工时及休息休假',
        '法人及非法人组织',
        '新乡市红旗区顺达建筑劳务有限公司',
        makeCreditCode('91410702', 'MA3PQ5R6'),
        '钱永安',
        '安排劳动者连续工作不予休息，经责令改正拒不改正',
        '《中华人民共和国劳动法》第九十条',
        '新人社劳罚〔2023〕14号',
        '2023/8/10',
        '2026/8/9',
        '严重',
      ],
    ],
    { encoding: 'gb18030' },
  );
  await writeWorkbook(join(q, '劳动关系科', '移出申请.xlsx'), {
    sheets: [
      {
        name: '移出申请',
        rows: [
          ['劳动关系科2026年第三季度信用名单移出申请'],
          [
            '序号',
            '名单类型',
            '主体名称',
            '统一社会信用代码',
            '认定文书号',
            '移出类型',
            '移出原因',
            '违法违规认定文书号',
            '审查日期',
            '报备市信用办日期',
            '备注',
          ],
          [
            1,
            '红名单',
            '新乡市牧野区诚信劳务有限公司',
            makeCreditCode('91410711', 'MA4B7N2Q'),
            '新人社劳〔2026〕3号',
            '违法违规移出',
            '拖欠劳动者工资，受到行政处罚',
            '新人社监罚〔2026〕40号',
            d('2026-09-25'),
            null,
            null,
          ],
        ],
      },
    ],
  });
}

console.log(`example workspace written to ${root}`);
