/**
 * The self-check page's HTML (selfcheck.md): one self-contained file — its data, its worker's source and
 * its script inline — that fetches nothing. The Content-Security-Policy says so to the browser too:
 * nothing from anywhere (`default-src 'none'`), the one inline script by its hash, inline styles, a
 * worker only from a blob: URL the page makes itself, images only as data: (none are used).
 */
import { createHash } from 'node:crypto';
import { pageText } from '../messages/page.js';
import type { PageData } from '../api/department/page.js';

/** Text inside a script element ends at `</script` and misreads `<!--`: JSON escapes `<` as \u003c. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans SC",sans-serif;color:#1f2933;background:#f5f7fa}
html:lang(en) body{font-family:"Segoe UI",Arial,"Liberation Sans","DejaVu Sans",
"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif}
#app{max-width:1100px;margin:0 auto;padding:16px}
header{display:flex;justify-content:space-between;align-items:center;gap:8px;flex-wrap:wrap}
h1{font-size:24px;margin:8px 0}
h2{font-size:20px;margin:24px 0 8px}
h3{font-size:17px;margin:20px 0 6px;word-break:break-all}
.baked{font-size:14px;color:#52606d}
.note{font-size:14px;color:#3e4c59;background:#e4f0fb;padding:6px 10px;border-radius:4px}
label{display:block;margin:12px 0}
select,button{font:inherit;padding:6px 12px;max-width:100%}
#drop{margin:12px 0;padding:32px 16px;border:3px dashed #7b8794;border-radius:8px;text-align:center;background:#fff;cursor:pointer}
#drop.over{border-color:#1565c0;background:#e3f2fd}
#drop p{margin:0 0 12px;font-size:18px}
.progress{display:flex;gap:12px;align-items:center;flex-wrap:wrap;min-height:2em}
.verdict{font-size:18px;font-weight:bold}
.verdict.ok{color:#2e7d32}.verdict.bad{color:#c62828}
.failed{color:#c62828;font-weight:bold}
.downloads{display:flex;flex-wrap:wrap;gap:8px 16px}
a.download{display:inline-block;padding:6px 12px;background:#1565c0;color:#fff;border-radius:4px;text-decoration:none;word-break:break-all}
table.findings{width:100%;border-collapse:collapse;background:#fff;font-size:15px}
.findings th,.findings td{border:1px solid #cbd2d9;padding:6px 8px;text-align:left;vertical-align:top}
.findings th{background:#e4e7eb}
.findings td.code{font-family:Consolas,monospace;font-size:13px;word-break:break-all}
.findings td.loc{min-width:7em}
.findings th:nth-child(2),.findings td.sev{white-space:nowrap}
.findings tr.error td.sev{color:#c62828;font-weight:bold}
.findings tr.warning td.sev{color:#b26a00;font-weight:bold}
.findings tr.info td.sev{color:#1565c0}
.findings .hint{display:block;color:#52606d;margin-top:4px}
.dropped{font-size:14px;color:#52606d}
.bureau{margin-top:24px;padding:10px;border-left:4px solid #b26a00;background:#fff8e1}
@media (max-width:640px){
  #app{padding:12px}
  h1{font-size:20px}
  .findings thead{display:none}
  .findings,.findings tbody,.findings tr,.findings td{display:block;width:100%}
  .findings tr{margin:0 0 10px;border:1px solid #cbd2d9;background:#fff}
  .findings td{border:0;border-bottom:1px solid #e4e7eb}
  .findings td::before{content:attr(data-h);display:block;font-size:12px;color:#7b8794}
}
`;

/** The page: `data` baked in, `engine` (the worker's source) and `ui` (the page's script) inlined. */
export function renderPageHtml(data: PageData, engine: string, ui: string): string {
  const t = pageText(data.lang);
  const hash = createHash('sha256').update(ui, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "style-src 'unsafe-inline'",
    'worker-src blob:',
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${data.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${esc(`${data.tool} ${data.version}`)}">`,
    `<title>${esc(t.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body data-state="loading">',
    `<main id="app"><h1>${esc(t.title)}</h1><noscript>${esc(t.intro)}</noscript></main>`,
    `<script type="application/json" id="page-data">${scriptJson(data)}</script>`,
    `<script type="text/x-hrss-credit-engine" id="page-engine">${engine}</script>`,
    `<script>${ui}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
