/** REMOVAL_DUPLICATE: two requests for one record; the later rows are reported, naming every row. */
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import type { RemovalRequest } from '../../table/removal-sheet.js';

export const REMOVAL_DUPLICATE_RULE = { id: 'register/removal-duplicate', emits: ['REMOVAL_DUPLICATE'] as const };

export function removalDuplicates(matched: readonly { id: string; request: RemovalRequest }[]): {
  findings: { diagnostic: RawDiagnostic; department: string }[];
  later: Set<RemovalRequest>;
} {
  const byId = new Map<string, RemovalRequest[]>();
  for (const m of matched) {
    const list = byId.get(m.id);
    if (list) list.push(m.request);
    else byId.set(m.id, [m.request]);
  }
  const findings: { diagnostic: RawDiagnostic; department: string }[] = [];
  const later = new Set<RemovalRequest>();
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    const places = list.map((r) => ({ file: r.file, ...(r.sheet !== undefined ? { sheet: r.sheet } : {}), row: r.row }));
    for (const r of list.slice(1)) {
      later.add(r);
      findings.push({
        department: r.department ?? '',
        diagnostic: makeDiagnostic(
          'REMOVAL_DUPLICATE',
          { id, places },
          { file: r.file, ...(r.sheet !== undefined ? { sheet: r.sheet } : {}), row: r.row },
        ),
      });
    }
  }
  return { findings, later };
}
