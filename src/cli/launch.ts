/**
 * How the command line reads before commander sees it (people.md "Double-click and drag-and-drop",
 * "Commands a person can paste"):
 * - an argument that cmd.exe's `"D:\工作区\"` rule has made (the `\"` read as a quote, the options after
 *   it swallowed into the path) is refused with the fix, instead of a bare 找不到路径;
 * - a path given with no command is `validate <path…>`, with `--annotate` when the launcher was started
 *   from Explorer (a drop: the department gets its marked-up copy beside what it dropped);
 * - started from Explorer with nothing dropped (a double-click), the person is told what to do.
 * The Windows launcher says it was started from Explorer by HRSS_CREDIT_LAUNCH=explorer.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ToolError } from '../diagnostics/tool-error.js';

export type LaunchPlan = { kind: 'run'; argv: string[] } | { kind: 'doubleClick' };

export function startedFromExplorer(env: Record<string, string | undefined>): boolean {
  return env.HRSS_CREDIT_LAUNCH === 'explorer';
}

/**
 * `D:\工作区"` or `D:\工作区" --today 2026-10-15`: a path, one quote, then nothing or a space. A text
 * that merely holds quotes (an --opinion quoting a decision) is not one: it has no path before its quote.
 */
export function swallowedByQuote(arg: string): string | undefined {
  const m = /^([^"]*[\\/][^"]*)"(?:\s[^"]*)?$/su.exec(arg);
  return m ? m[1] : undefined;
}

/** A word that names a file or folder rather than a command: it exists, or it is written as a path. */
function looksLikePath(arg: string, cwd: string): boolean {
  if (arg.startsWith('-')) return false;
  if (/[\\/]/.test(arg) || /^[A-Za-z]:/.test(arg) || /\.[A-Za-z0-9]{1,5}$/.test(arg)) return true;
  return existsSync(resolve(cwd, arg));
}

/**
 * Where a drop's marked-up copies go: the workspace's 检查结果/ when the path is inside one (beside its
 * submissions/), else beside what was dropped — for a folder next to it, for a file in its own folder.
 * Never the tool's folder, never the department folder itself (annotate refuses that).
 */
export function dropFeedbackDir(path: string, cwd: string): string {
  const abs = resolve(cwd, path);
  for (let d = dirname(abs); dirname(d) !== d; d = dirname(d)) if (basename(d) === 'submissions') return resolve(dirname(d), '检查结果');
  // A folder's parent and a file's folder are both the folder holding what was dropped.
  return resolve(dirname(abs), '检查结果');
}

export function planLaunch(
  argv: readonly string[],
  commands: ReadonlySet<string>,
  cwd: string,
  env: Record<string, string | undefined>,
): LaunchPlan {
  for (const a of argv) {
    const path = swallowedByQuote(a);
    if (path !== undefined) throw new ToolError('USAGE', { kind: 'trailingQuote', value: path });
  }
  const explorer = startedFromExplorer(env);
  if (argv.length === 0) return explorer ? { kind: 'doubleClick' } : { kind: 'run', argv: [] };
  const first = argv[0] as string;
  if (commands.has(first) || !looksLikePath(first, cwd)) return { kind: 'run', argv: [...argv] };
  const paths = argv.filter((a) => !a.startsWith('-'));
  const annotate = explorer && paths.length > 0 ? ['--annotate', dropFeedbackDir(paths[0] as string, cwd)] : [];
  return { kind: 'run', argv: ['validate', ...argv, ...annotate] };
}
