/**
 * Where `validate --annotate` puts its copies (truth.md "Small truths": never a folder inside a
 * submissions quarter folder). Paths are compared as real paths (a link, a junction or `..` naming a
 * department folder by another way is still that folder).
 *
 * - Without DIR, a list inside `…/submissions/<batch>/<department>/`: `…/检查结果/<batch>/<department>/`
 *   beside `submissions/` (whether or not a config file marks the workspace);
 * - without DIR, a lone file elsewhere: beside it (`<name>.检查结果.xlsx`);
 * - without DIR, a folder elsewhere: `./检查结果/` as before;
 * - with DIR: DIR, refused (ANNOTATE_DIR_UNSAFE, exit 2) when it lies inside a submissions quarter folder.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseBatch } from '../../domain/quarter.js';

export const SUBMISSIONS = 'submissions';

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (a DIR not made yet). */
export function realPathOf(path: string): string {
  const abs = resolve(path);
  const rest: string[] = [];
  let p = abs;
  for (;;) {
    try {
      return join(realpathSync.native(p), ...rest.reverse());
    } catch {
      const up = dirname(p);
      if (up === p) return abs;
      rest.push(basename(p));
      p = up;
    }
  }
}

export function isInsideReal(child: string, folder: string): boolean {
  const c = realPathOf(child);
  const f = realPathOf(folder);
  return c === f || c.startsWith(f.endsWith(sep) ? f : f + sep);
}

/** For a real path inside `<root>/submissions/<batch>/…`: the root, the batch folder's name and the segments below it. */
export function submissionsPlace(path: string): { root: string; batch: string; below: string[] } | undefined {
  const parts = realPathOf(path).split(sep);
  for (let i = parts.length - 2; i >= 1; i--) {
    if (parts[i - 1] === SUBMISSIONS && parseBatch(parts[i]!) !== undefined) {
      return { root: parts.slice(0, i - 1).join(sep) || sep, batch: parts[i]!, below: parts.slice(i + 1) };
    }
  }
  return undefined;
}

/** Whether `dir` is, or lies inside, a submissions quarter folder (`…/submissions/<batch>`). */
export function insideQuarterFolder(dir: string): boolean {
  return submissionsPlace(join(dir, 'x')) !== undefined;
}

/**
 * The folder for the copy of the list `input` by default (no DIR): see above. `loneFile`: the list
 * was named on the command line, not found in a folder.
 */
export function defaultFeedbackDir(input: string, loneFile: boolean, cwd: string, feedbackDir: string): string {
  const place = submissionsPlace(input);
  if (place) {
    // below: [<department>, …, <file>]; a list loose in the quarter folder has no department folder.
    const department = place.below.length > 1 ? [place.below[0]!] : [];
    return join(place.root, feedbackDir, place.batch, ...department);
  }
  if (loneFile) return dirname(resolve(input));
  return resolve(cwd, feedbackDir);
}

/** `path` shown relative to `cwd` when below it. */
export function shownFrom(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
