/// <reference lib="dom" />
/**
 * The self-check page's main thread (selfcheck.md): the drop zone, the department picker, the findings
 * table grouped as the CLI groups them, the downloads. The check itself runs in a worker made from the
 * engine's source inlined in the page (no request of any kind); cancelling terminates that worker.
 */
import { pageText, type PageText } from '../messages/page.js';
import type { CheckRequest, CheckView, EngineMessage, PageData } from './protocol.js';

type State = 'ready' | 'checking' | 'done' | 'failed' | 'cancelled';

const data = JSON.parse(document.getElementById('page-data')?.textContent ?? '{}') as PageData;
const engineSource = document.getElementById('page-engine')?.textContent ?? '';
let lang = data.lang;
let t: PageText = pageText(lang);
let worker: Worker | undefined;
let engineUrl: string | undefined;
const objectUrls: string[] = [];
let last: { name: string; view?: CheckView; json?: string; annotated: { name: string; url: string }[]; error?: string } | undefined;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
}

function setState(s: State): void {
  document.body.dataset.state = s;
}

function engine(): Worker {
  if (worker) return worker;
  engineUrl ??= URL.createObjectURL(new Blob([engineSource], { type: 'text/javascript' }));
  worker = new Worker(engineUrl);
  return worker;
}

const app = document.getElementById('app') as HTMLElement;
const status = el('p', { id: 'status', role: 'status', 'aria-live': 'polite' });
const cancel = el('button', { id: 'cancel', type: 'button', hidden: '' });
const result = el('section', { id: 'result', 'aria-live': 'polite' });
const input = el('input', { id: 'file', type: 'file', accept: '.xlsx,.xlsm,.csv,.txt,.zip', hidden: '' });
const select = el('select', { id: 'department' });

function renderChrome(): void {
  document.documentElement.lang = lang;
  document.title = t.title;
  const pick = el('button', { type: 'button', id: 'pick', text: t.pick });
  pick.addEventListener('click', () => input.click());
  const drop = el('div', { id: 'drop', tabindex: '0', role: 'button' }, el('p', { text: t.drop }), pick);
  drop.addEventListener('click', (e) => {
    if (e.target === drop) input.click();
  });
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') input.click();
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) void check(f);
  });
  const chosen = select.value;
  select.replaceChildren(
    el('option', { value: '', text: t.departmentFromFile }),
    ...data.departments.map((d) => el('option', { value: d, text: d })),
  );
  select.value = chosen;
  const toggle = el('button', { type: 'button', id: 'lang', text: t.language });
  toggle.addEventListener('click', () => {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    t = pageText(lang);
    renderChrome();
    renderResult();
  });
  cancel.textContent = t.cancel;
  // Beijing time (UTC+8, no daylight saving), as the clerk reads dates.
  const written = new Date(Date.parse(data.writtenAt) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  app.replaceChildren(
    el('header', {}, el('h1', { text: t.title }), toggle),
    el('p', {
      class: 'baked',
      id: 'baked',
      text: t.baked(data.workspace, written, `${data.tool} ${data.version}`, data.departments.length, data.measures),
    }),
    el('p', { text: t.intro }),
    el('p', { class: 'note', text: t.offline }),
    el('label', { for: 'department' }, `${t.department} `, select),
    drop,
    input,
    el('div', { class: 'progress' }, status, cancel),
    result,
  );
}

function download(bytes: BlobPart, type: string): string {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  objectUrls.push(url);
  return url;
}

function renderResult(): void {
  if (!last) {
    result.replaceChildren();
    return;
  }
  const parts: Node[] = [el('h2', { text: t.result(last.name) })];
  if (last.error !== undefined) parts.push(el('p', { class: 'failed', text: t.failed(last.error) }));
  const v = last.view;
  if (v) {
    parts.push(
      el('p', { class: `verdict ${v.valid ? 'ok' : 'bad'}`, id: 'verdict', text: v.verdict }),
      el('p', { id: 'summary', text: v.summary }),
    );
    const links = el('p', { class: 'downloads' });
    for (const a of last.annotated)
      links.append(el('a', { href: a.url, download: a.name, class: 'download', text: t.downloadAnnotated(a.name) }));
    if (last.annotated.length === 0) {
      const why = v.evidenceOnly ? t.evidenceOnly : /\.zip$/i.test(last.name) ? t.noAnnotatedZip : t.noAnnotated;
      links.append(el('span', { class: 'no-copy', text: why }));
    }
    if (last.json)
      links.append(
        el('a', {
          href: download(last.json, 'application/json'),
          download: `${last.name}.检查报告.json`,
          class: 'download',
          text: t.downloadJson,
        }),
      );
    parts.push(links);
    for (const g of v.groups) {
      if (g.title) parts.push(el('h3', { text: `■ ${g.title}` }));
      const head = el(
        'tr',
        {},
        ...[t.columns.location, t.columns.severity, t.columns.code, t.columns.message].map((h) => el('th', { scope: 'col', text: h })),
      );
      const body = el('tbody');
      for (const line of g.lines) {
        body.append(
          el(
            'tr',
            { class: line.severity },
            el('td', { 'data-h': t.columns.location, class: 'loc', text: line.location }),
            el('td', { 'data-h': t.columns.severity, class: 'sev', text: line.severityLabel }),
            el('td', { 'data-h': t.columns.code, class: 'code', text: line.code }),
            el(
              'td',
              { 'data-h': t.columns.message, class: 'msg' },
              el('span', { text: line.message }),
              el('span', { class: 'hint', text: `${t.hintPrefix}${line.hint}` }),
            ),
          ),
        );
      }
      parts.push(el('table', { class: 'findings' }, el('thead', {}, head), body));
      for (const d of g.dropped) parts.push(el('p', { class: 'dropped', text: d }));
    }
    parts.push(el('p', { class: 'bureau', id: 'bureau-only', text: t.bureauOnly }));
  }
  result.replaceChildren(...parts);
}

function publish(json: string | undefined): void {
  let holder = document.getElementById('report-json');
  if (!holder) {
    holder = el('script', { type: 'application/json', id: 'report-json' });
    document.body.append(holder);
  }
  // Inside a script element the text ends at `</script`: JSON escapes `<` without changing the data.
  holder.textContent = (json ?? '').replace(/</g, '\\u003c');
}

function stop(): void {
  worker?.terminate();
  worker = undefined;
}

let running = false;

async function check(file: File): Promise<void> {
  // A check still running is abandoned (its worker ended); an idle worker is kept, warm, for the next file.
  if (running) stop();
  running = true;
  for (const u of objectUrls.splice(0)) URL.revokeObjectURL(u);
  last = undefined;
  renderResult();
  setState('checking');
  status.textContent = t.checking(file.name);
  cancel.hidden = false;
  const over = file.size > data.maxFileBytes;
  const bytes = over ? undefined : await file.arrayBuffer();
  const today = new URLSearchParams(location.hash.slice(1)).get('today') ?? undefined;
  const req: CheckRequest = {
    type: 'check',
    name: file.name,
    size: file.size,
    lang,
    data,
    ...(bytes ? { bytes } : {}),
    ...(select.value ? { department: select.value } : {}),
    ...(today ? { today } : {}),
  };
  const w = engine();
  w.onmessage = (e: MessageEvent<EngineMessage>) => {
    const m = e.data;
    if (m.type === 'progress') {
      status.textContent = t.rowsRead(m.file, m.rows);
      return;
    }
    cancel.hidden = true;
    status.textContent = '';
    running = false;
    if (m.type === 'done') {
      last = {
        name: file.name,
        view: m.view,
        json: m.json,
        annotated: m.annotated.map((a) => ({
          name: a.name,
          url: download(a.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        })),
      };
      renderResult();
      publish(m.json);
      setState('done');
    } else {
      last = { name: file.name, annotated: [], error: m.message, ...(m.json ? { json: m.json } : {}) };
      renderResult();
      publish(m.json);
      setState('failed');
    }
  };
  w.onerror = (e) => {
    e.preventDefault();
    running = false;
    cancel.hidden = true;
    last = { name: file.name, annotated: [], error: e.message || 'worker' };
    stop();
    renderResult();
    setState('failed');
  };
  w.postMessage(req, bytes ? [bytes] : []);
}

cancel.addEventListener('click', () => {
  stop();
  running = false;
  cancel.hidden = true;
  status.textContent = t.cancelled;
  setState('cancelled');
});
input.addEventListener('change', () => {
  const f = input.files?.[0];
  input.value = '';
  if (f) void check(f);
});
// A file dropped next to the box is checked too, never opened by the browser in place of the page.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer?.files[0];
  if (f) void check(f);
});

renderChrome();
setState('ready');
