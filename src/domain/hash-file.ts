/**
 * The SHA-256 written in a hash file (`<quarter>.manifest.sha256`, package.md), as the tools a clerk has
 * write it: compile and `sha256sum` (`<hex>  manifest.json`), PowerShell `Get-FileHash` (upper case, in its
 * table or list layout, saved by `>` as UTF-16 in Windows PowerShell 5), `certutil -hashfile … SHA256` (a
 * header line, the hash — in pairs spaced by a blank on Windows 7 —, a footer line, in the system's code page).
 * The hash is read when the file holds exactly one 64-digit hex value (case folded); none, or two that
 * differ, is `null` (unreadable): a hash is never guessed (docs/decisions.md).
 */
export function readHashFile(bytes: Uint8Array): string | null {
  const found = new Set<string>();
  for (const line of decodeHashText(bytes).split(/\r\n|\r|\n/)) {
    // certutil before Windows 8: `ab cd ef …`, the whole line pairs of hex digits.
    if (/^\s*(?:[0-9a-f]{2}\s+){31}[0-9a-f]{2}\s*$/i.test(line)) found.add(line.replace(/\s+/g, '').toLowerCase());
    // Anything else: a token of exactly 64 hex digits (compile, sha256sum's `*name`, Get-FileHash's column).
    for (const m of line.matchAll(/(?<![0-9a-z])([0-9a-f]{64})(?![0-9a-z])/gi)) found.add((m[1] ?? '').toLowerCase());
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** UTF-16 when a BOM says so (PowerShell 5's `>`), else each byte as one character: the hex digits are ASCII. */
function decodeHashText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('latin1').decode(bytes);
}
