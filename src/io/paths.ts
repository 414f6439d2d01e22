/** Paths as reports show them: relative, with `/` separators (cli.md "location.file"). */
import { relative, sep } from 'node:path';

export function displayPath(base: string, path: string): string {
  const rel = relative(base, path);
  const out = rel === '' ? '.' : rel;
  return sep === '/' ? out : out.split(sep).join('/');
}

/** For the terminal: relative when inside `base`, else absolute (clearer than ../../..). */
export function shownPath(base: string, path: string): string {
  const rel = displayPath(base, path);
  return rel.startsWith('../') || rel === '..' ? path : rel;
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
