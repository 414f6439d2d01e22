/**
 * How long an evidence name may be (docs/decisions.md "Long and deep evidence paths"): a zip made
 * on Windows carries names no Linux file system can create (255 bytes per name: 100 Chinese
 * characters are 300), and a package is unpacked on Windows below a folder of its own (260
 * characters for the whole path). validate and compile run this same check, so a name that passes
 * validate is one compile can write.
 */

/** Bytes of UTF-8 per name: 255 less room for the mask's full-width ＊ and a " (2)" to keep names apart. */
export const MAX_NAME_BYTES = 225;
/**
 * Characters of the path below the department folder (`附件/…`): 260 less room for where the
 * package is unpacked (`D:\信用红黑名单\packages\2026Q3\`, about 40) and `典型案例\<科室>\` (about 20).
 */
export const MAX_EVIDENCE_PATH_CHARS = 140;

/** Whether the `/`-separated `rel` (below the department folder) has a name or a length no file system of the bureau can hold. */
export function tooLongName(rel: string): boolean {
  return rel.split('/').some((s) => Buffer.byteLength(s, 'utf8') > MAX_NAME_BYTES) || [...rel].length > MAX_EVIDENCE_PATH_CHARS;
}
