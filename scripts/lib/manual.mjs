// docs/使用手册.md as 使用手册.html for the release (people.md "In Chinese, for the clerk"): one page
// that opens offline in any browser and prints on A4; rendered by marked at release time only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';

const CSS = `
body { font-family: "Microsoft YaHei", "微软雅黑", "SimSun", "宋体", "Noto Sans CJK SC", sans-serif; font-size: 16px; line-height: 1.7; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.8em; text-align: center; } h2 { border-bottom: 2px solid #999; padding-bottom: .2em; margin-top: 2em; } h3 { margin-top: 1.6em; }
code { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; padding: 0 .2em; border-radius: 3px; }
pre { background: #f3f3f3; border: 1px solid #ddd; padding: .6em .8em; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: 1em 0; } th, td { border: 1px solid #999; padding: .3em .6em; text-align: left; vertical-align: top; } th { background: #eee; }
blockquote { margin: 1em 0; padding: .2em 1em; border-left: 4px solid #c00; background: #fff6f6; }
@media print { body { max-width: none; margin: 0; font-size: 11pt; } h2 { page-break-before: auto; } pre, table, blockquote { page-break-inside: avoid; } }
@page { size: A4; margin: 18mm 16mm; }
`.trim();

export function renderManual(root, version) {
  const md = readFileSync(join(root, 'docs', '使用手册.md'), 'utf8').replace(/^\uFEFF/, '');
  const body = new Marked({ gfm: true, async: false }).parse(md);
  const title = /^#\s+(.+)$/m.exec(md)?.[1]?.trim() ?? '使用手册';
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}（hrss-credit ${esc(version)}）</title>
<style>
${CSS}
</style>
</head>
<body>
${body}<hr>
<p>hrss-credit ${esc(version)}</p>
</body>
</html>
`;
}
