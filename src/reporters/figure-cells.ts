/**
 * truth.md's figures of a department or a batch as the screen's tables give them, in one order: 报送条数, 红名单,
 * 黑名单, 重复报送未变, 其中更正, 移出条数 (all removal types together; their split is in the JSON and the workbooks).
 * compile's and status's tables both draw them from here, so the two screens cannot order or count them apart.
 */
import { type Figures, removalTotal } from '../schemas/documents/figures.js';

export function figureCells(f: Figures): string[] {
  return [String(f.rows), String(f.red), String(f.black), String(f.unchanged), String(f.corrected), String(removalTotal(f.removals))];
}
