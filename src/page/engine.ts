/**
 * The page's worker (selfcheck.md "One engine"): the dropped file goes into the memory volume and the
 * tool's own validate --annotate runs over it, with the workspace's config baked into the page. Runs
 * off the main thread, from an inline blob; the page cancels a check by terminating it.
 */
import { validateAndAnnotate } from '../api/department/annotate.js';
import { setCsvWorkerThreshold } from '../io/csv/csv.js';
import { messagesFor, renderToolError } from '../messages/index.js';
import { pageText } from '../messages/page.js';
import { formatJson, toJsonError, toJsonReport } from '../reporters/json.js';
import { findingGroups, formatSummary } from '../reporters/pretty.js';
import { ToolError } from '../diagnostics/tool-error.js';
import type { CheckRequest, CheckView, EngineMessage } from './protocol.js';
import { PagePort } from './port.js';
import { isEvidenceFileName } from '../io/workspace/folder.js';

// The dropped file lies at the root, in no folder: its department is the picker's, else its cover's
// (a folder's name would otherwise be taken for one, as the CLI takes it).
const CHECK = '/';
const WORKSPACE = '/.hrss-credit-page/workspace';
const OUT = '/.hrss-credit-page/out';

interface WorkerScope {
  onmessage: ((e: { data: CheckRequest }) => void) | null;
  postMessage(m: EngineMessage, transfer?: ArrayBuffer[]): void;
}

/** The page never starts a worker thread of Node's: CSV files of any size are parsed here, in this worker. */
setCsvWorkerThreshold(Number.POSITIVE_INFINITY);

export async function runCheck(req: CheckRequest, post: (m: EngineMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  // A fresh file system for each check: nothing of the last file stays in memory.
  const volume = new PagePort();
  const name = req.name.replace(/[/\\]/g, '_').replace(/^(\.hrss-credit-page|\.\.?)$/, '_$&') || 'file';
  volume.put(`${WORKSPACE}/hrss-credit.config.json`, JSON.stringify(req.data.config));
  if (req.bytes) volume.put(`${CHECK}${name}`, new Uint8Array(req.bytes));
  else volume.putSized(`${CHECK}${name}`, req.size);
  const m = messagesFor(req.lang);
  try {
    const { report, written, notAnnotated } = await validateAndAnnotate([name], {
      cwd: CHECK,
      workspace: WORKSPACE,
      io: volume,
      ...(req.today !== undefined ? { today: req.today } : {}),
      ...(req.department ? { department: req.department } : {}),
      annotate: OUT,
      lang: req.lang,
      onProgress: (file, rows) => post({ type: 'progress', file, rows }),
    });
    const annotated = written.map((w) => ({ ...w, path: w.path.slice(w.path.lastIndexOf('/') + 1) }));
    // A zip's lists get no copy: the report says so as validate --annotate's does (the page says it in words too).
    const json = formatJson({ ...toJsonReport(report, m), annotated, ...(notAnnotated.length > 0 ? { notAnnotated } : {}) });
    const same = (s: string): string => s;
    const o = { chalk: { level: 0, green: same, red: same }, ascii: false, quiet: false, width: 120 } as never;
    const [summary = ''] = formatSummary(report, m, o).split('\n');
    // The page shows its verdict above the findings, the terminal below them: the words say which way to look.
    const verdict = report.valid ? m.ui.valid : pageText(req.lang).invalid;
    const view: CheckView = {
      valid: report.valid,
      summary,
      verdict: report.diagnostics.length === 0 ? `${m.ui.noFindings} ${verdict}` : verdict,
      // A department not known is mended on the page by its picker, not by a folder's name or --department:
      // the hint shown says so (the report's JSON keeps validate's words).
      groups: findingGroups(report, m).map((g) => ({
        ...g,
        lines: g.lines.map((l) => (l.code === 'MATRIX_DEPARTMENT_UNKNOWN' ? { ...l, hint: pageText(req.lang).pickDepartment } : l)),
      })),
      bureauOnly: pageText(req.lang).bureauOnly,
      // The file lies in no folder: evidence by its name alone, as validate judges a file given on its own.
      evidenceOnly: isEvidenceFileName(name),
    };
    const files = annotated.map((w) => {
      const bytes = volume.readFileSync(`${OUT}/${w.path}`);
      const copy = new Uint8Array(bytes.length);
      copy.set(bytes);
      return { name: w.path, bytes: copy.buffer };
    });
    post(
      { type: 'done', json, view, annotated: files },
      files.map((f) => f.bytes),
    );
  } catch (err) {
    if (err instanceof ToolError) {
      post({ type: 'failed', message: renderToolError(m, err), json: formatJson(toJsonError('validate', err, m)) });
    } else post({ type: 'failed', message: String((err as Error)?.message ?? err) });
  }
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (e) => {
  if (e.data?.type === 'check') void runCheck(e.data, (msg, transfer) => scope.postMessage(msg, transfer));
};
