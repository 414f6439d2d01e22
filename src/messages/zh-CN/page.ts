/** 科室自查页面的文字（selfcheck.md；形状见 ../types.ts PageText）。 */
import type { PageText } from '../types.js';

export const zhPageText: PageText = {
  title: '信用红黑名单 科室自查',
  intro:
    '把本科室的名单文件（.xlsx、.csv、.txt）或整个科室文件夹的压缩包（.zip）拖到下面的框里，或点“选择文件”。检查在本机浏览器里进行，结果与局里用 hrss-credit validate 检查的一样。',
  baked: (ws, at, tool, d, n) =>
    `检查依据：${ws ? `工作区“${ws}”的` : '默认的'}配置、责任清单（${d} 个科室）和联合奖惩措施（${n} 项），截至 ${at}（北京时间）；${tool}`,
  offline: '文件不会上传，也不联网：只在本页面的内存里读取，刷新或关闭页面即清除。',
  drop: '把文件拖到这里',
  pick: '选择文件',
  department: '报送科室',
  // What the page reads (api/department/department.ts resolveDepartment): a list's cover sheet; a zip's name or its one
  // folder, then its cover. Never a list file's own name (selfcheck.md: "chosen from the matrix or read from the file's cover").
  departmentFromFile: '（从报送单读取；压缩包也看其名称或其中的科室文件夹名）',
  checking: (f) => `正在检查 ${f} …`,
  rowsRead: (f, n) => `正在检查 ${f}：已读 ${n.toLocaleString('zh-CN')} 行`,
  cancel: '取消检查',
  cancelled: '检查已取消。',
  failed: (r) => `无法检查：${r}`,
  result: (f) => `检查结果：${f}`,
  columns: { location: '位置', severity: '级别', code: '代码', message: '问题及修改方法' },
  hintPrefix: '修改：',
  downloadAnnotated: (n) => `下载标注副本 ${n}`,
  downloadJson: '下载检查报告（JSON）',
  noAnnotated: '此文件无法生成标注副本（文件无法读取），请按上面的提示修改。',
  noAnnotatedZip: '压缩包里的名单不生成标注副本；需要时请把名单文件单独拖进来检查。',
  invalid: '检查未通过：请按下表修改后重新检查。',
  pickDepartment: '请在上方“报送科室”中选择本科室后重新检查，或在报送单的“报送单位”中填写责任清单中的科室名称。',
  evidenceOnly:
    '这是案例材料（附件）文件，只核对了它的类型、大小和文件名，没有当作名单检查。检查名单请拖入名单文件（.xlsx、.csv、.txt）或整个科室文件夹的压缩包（.zip）。',
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
