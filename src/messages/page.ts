/**
 * The self-check page's own words (selfcheck.md): the page's chrome, in Chinese by default and in
 * English; the findings themselves come from the catalogues (zh-CN.ts, en.ts) through the engine.
 * Kept apart so that the page's main thread carries only these lines, not the whole catalogue.
 */
import type { Lang } from './index.js';

export interface PageText {
  title: string;
  intro: string;
  /** What was baked in: the workspace (or none), the instant, the tool and version, departments and measures. */
  baked(workspace: string, writtenAt: string, tool: string, departments: number, measures: number): string;
  offline: string;
  drop: string;
  pick: string;
  department: string;
  departmentFromFile: string;
  checking(file: string): string;
  rowsRead(file: string, rows: number): string;
  cancel: string;
  cancelled: string;
  failed(reason: string): string;
  tooLarge(file: string, mb: number): string;
  result(file: string): string;
  columns: { location: string; severity: string; code: string; message: string };
  hintPrefix: string;
  times(n: number): string;
  downloadAnnotated(name: string): string;
  downloadJson: string;
  noAnnotated: string;
  /** A zip's lists get no marked-up copy (as `validate --annotate` on a zip). */
  noAnnotatedZip: string;
  bureauOnly: string;
  language: string;
  /** `hrss-credit page`: where the page went, and its size. */
  written(path: string, kb: number): string;
  help: { page: string; out: string };
}

const zh: PageText = {
  title: '信用红黑名单 科室自查',
  intro:
    '把本科室的名单文件（.xlsx、.csv、.txt）或整个科室文件夹的压缩包（.zip）拖到下面的框里，或点“选择文件”。检查在本机浏览器里进行，结果与局里用 hrss-credit validate 检查的一样。',
  baked: (ws, at, tool, d, n) =>
    `检查依据：${ws ? `工作区“${ws}”的` : '默认的'}配置、责任清单（${d} 个科室）和联合奖惩措施（${n} 项），截至 ${at}（北京时间）；${tool}`,
  offline: '文件不会上传，也不联网：只在本页面的内存里读取，刷新或关闭页面即清除。',
  drop: '把文件拖到这里',
  pick: '选择文件',
  department: '报送科室',
  departmentFromFile: '（从报送单或文件名读取）',
  checking: (f) => `正在检查 ${f} …`,
  rowsRead: (f, n) => `正在检查 ${f}：已读 ${n.toLocaleString('zh-CN')} 行`,
  cancel: '取消检查',
  cancelled: '检查已取消。',
  failed: (r) => `无法检查：${r}`,
  tooLarge: (f, mb) => `${f} 超过 ${mb} MB，页面不读取其内容（与命令行工具的大小限制相同）。`,
  result: (f) => `检查结果：${f}`,
  columns: { location: '位置', severity: '级别', code: '代码', message: '问题及修改方法' },
  hintPrefix: '修改：',
  times: (n) => `共 ${n.toLocaleString('zh-CN')} 处`,
  downloadAnnotated: (n) => `下载标注副本 ${n}`,
  downloadJson: '下载检查报告（JSON）',
  noAnnotated: '此文件无法生成标注副本（文件无法读取），请按上面的提示修改。',
  noAnnotatedZip: '压缩包里的名单不生成标注副本；需要时请把名单文件单独拖进来检查。',
  bureauOnly:
    '本页只检查这一个文件（或这个科室的压缩包）本身。以下只有局里汇总时才能检查：与往期已公示名单（台账）的比对、移出和更正是否对应已公示的记录、与其他科室报送的重复和冲突、报送是否逾期。',
  language: 'English',
  help: {
    page: '生成科室自查页面（一个 HTML 文件）：科室用浏览器打开，拖入名单即可离线检查，无需安装',
    out: '页面文件的路径（默认：当前文件夹的 科室自查.html）',
  },
  written: (p, kb) =>
    `已生成科室自查页面：${p}（${kb.toLocaleString('zh-CN')} KB）。把它放到共享文件夹或发给各科室，用浏览器打开即可，无需安装。`,
};

const en: PageText = {
  title: 'Credit red/black list: department self-check',
  intro:
    "Drop your department's list file (.xlsx, .csv, .txt) or a zip of the whole department folder in the box below, or click “Choose file”. The check runs in this browser and finds what the bureau's hrss-credit validate finds.",
  baked: (ws, at, tool, d, n) =>
    `Checked against ${ws ? `workspace “${ws}”'s` : 'the default'} config, responsibility matrix (${d} departments) and joint measures (${n}) as of ${at} (Beijing time); ${tool}`,
  offline: 'Nothing is uploaded and nothing goes online: the file is read in this page’s memory only and forgotten on reload.',
  drop: 'Drop a file here',
  pick: 'Choose file',
  department: 'Department',
  departmentFromFile: '(read from the cover or the file name)',
  checking: (f) => `Checking ${f} …`,
  rowsRead: (f, n) => `Checking ${f}: ${n.toLocaleString('en')} rows read`,
  cancel: 'Cancel',
  cancelled: 'The check was cancelled.',
  failed: (r) => `Could not check: ${r}`,
  tooLarge: (f, mb) => `${f} is over ${mb} MB: the page does not read it (the command-line tool's size limit).`,
  result: (f) => `Result: ${f}`,
  columns: { location: 'Location', severity: 'Severity', code: 'Code', message: 'Problem and how to fix it' },
  hintPrefix: 'Fix: ',
  times: (n) => `${n.toLocaleString('en')} places`,
  downloadAnnotated: (n) => `Download the marked-up copy ${n}`,
  downloadJson: 'Download the report (JSON)',
  noAnnotated: 'No marked-up copy for this file (it could not be read): fix it as the findings above say.',
  noAnnotatedZip: 'The lists inside a zip get no marked-up copy; drop a list file on its own to get one.',
  bureauOnly:
    'This page checks this one file (or this department’s zip) by itself. Only the bureau can check, when it compiles: the register of published records, whether removals and corrections match published records, duplicates and conflicts with other departments, and whether the submission is late.',
  language: '中文',
  help: {
    page: 'write the self-check page (one HTML file): a department opens it in a browser and drops its list to check it offline, nothing to install',
    out: 'where to write the page (default: 科室自查.html in the current folder)',
  },
  written: (p, kb) =>
    `Self-check page written: ${p} (${kb.toLocaleString('en')} KB). Put it on the shared folder or send it to the departments; it opens in a browser, nothing to install.`,
};

export function pageText(lang: Lang): PageText {
  return lang === 'en' ? en : zh;
}
