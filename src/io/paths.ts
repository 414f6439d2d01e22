/**
 * Paths as reports show them: relative, with `/` separators (cli.md "location.file"). Every helper
 * takes the path flavour (node:path by default) so that the Windows cases — `D:\信用红黑名单`,
 * `\\server\share\…` — are tested with path.win32 on any machine (delivery.md "Windows").
 */
import nodePath from 'node:path';

export type PathFlavour = Pick<typeof nodePath, 'basename' | 'dirname' | 'isAbsolute' | 'relative' | 'resolve' | 'sep'>;

export function displayPath(base: string, path: string, p: PathFlavour = nodePath): string {
  const rel = p.relative(base, path);
  const out = rel === '' ? '.' : rel;
  return p.sep === '/' ? out : out.split(p.sep).join('/');
}

/**
 * For the terminal: relative when inside `base`, else absolute as given (clearer than ../../..;
 * on another drive or share there is no relative path at all).
 */
export function shownPath(base: string, path: string, p: PathFlavour = nodePath): string {
  const rel = p.relative(base, path);
  return rel === '..' || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel) ? path : displayPath(base, path, p);
}

/** `-w DIR`, `--config FILE`, a target: relative to the current folder, or absolute (a drive, a UNC share). */
export function resolveFrom(cwd: string, path: string, p: PathFlavour = nodePath): string {
  return p.resolve(cwd, path);
}

/** The folder whose name names the department: the target's own for a folder, else its parent's. */
export function departmentFolderName(target: string, isFolder: boolean, p: PathFlavour = nodePath): string {
  return p.basename(isFolder ? target : p.dirname(target));
}

/** The nearest enclosing folders' names, innermost first (at most `depth`), up to the root or share. */
export function enclosingNames(path: string, depth: number, p: PathFlavour = nodePath): string[] {
  const out: string[] = [];
  let dir = p.resolve(path);
  for (let i = 0; i < depth; i++) {
    out.push(p.basename(dir));
    const up = p.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

// Names Windows cannot create (Naming Files, Paths, and Namespaces, learn.microsoft.com): device
// names whatever follows the first dot (`CON.pdf`, `nul.tar.gz`), the characters < > : " / \ | ? *
// and control characters, and a trailing dot or space (silently dropped, so two names become one).
const DEVICE = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$/i;
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/;

/**
 * Why `segment` (one file or folder name) cannot be a path in the package, which is unpacked on
 * Windows; undefined when it can.
 */
export function unsafeSegment(segment: string): 'device' | 'character' | 'trailing' | 'empty' | undefined {
  if (segment === '' || segment === '.' || segment === '..') return 'empty';
  if (FORBIDDEN.test(segment)) return 'character';
  if (/[. ]$/.test(segment)) return 'trailing';
  if (DEVICE.test(segment.split('.')[0]!.trimEnd())) return 'device';
  return undefined;
}

/** The first segment of a `/`-separated relative path that cannot be a name on Windows. */
export function unsafePath(rel: string): string | undefined {
  return rel.split('/').find((s) => unsafeSegment(s) !== undefined);
}

/** The key two names collide under on Windows and macOS (case-insensitive, normalised). */
export function collisionKey(rel: string): string {
  return rel.normalize('NFC').toLowerCase();
}
