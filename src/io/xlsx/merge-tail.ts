/**
 * What the merge scan (xlsx.ts) carries from one 16 KB unit of a sheet's text to the next. The last
 * `keep` characters, as before; but when a `<mergeCell` tag opened before them is still unclosed at the
 * unit's end (a long foreign attribute before `ref`), its name is kept too, so that the `ref` the next
 * unit brings is found as a scan of the whole part would find it. The tag's middle (no `>` in it, else
 * it would be closed) is dropped, but for the character before the kept end, which keeps `\bref` as it was.
 */
// Also a `<mergeCells>` or `<extLst>` start or end tag still open (merge-scan.ts reads those too).
const OPEN_MERGE = /^<\/?(?:[\w.-]+:)?(?:mergeCells?|extLst)\b/;

export function mergeTail(text: string, lastEnd: number, keep: number): string {
  const cut = Math.max(lastEnd, text.length - keep);
  const lt = text.lastIndexOf('<');
  // No tag opened after the last merge found, or it starts within the kept end, or it is closed.
  if (lt < lastEnd || lt >= cut || text.indexOf('>', lt) >= 0) return text.slice(cut);
  const open = OPEN_MERGE.exec(text.slice(lt, lt + 128));
  if (!open) return text.slice(cut);
  const name = open[0].length;
  // The name and the character after it (a space: `\b` held), then the end from one character before the cut.
  return lt + name + 1 >= cut - 1 ? text.slice(lt) : text.slice(lt, lt + name + 1) + text.slice(cut - 1);
}
