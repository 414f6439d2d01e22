/**
 * The joint reward and punishment measures catalogue (联合奖惩措施清单, the bureau's rules §五(三);
 * department.md "Joint measures"): an array of entries in the config, or the workspace-relative
 * path of a JSON file holding that array.
 */
import { z } from 'zod';

export const MeasureEntrySchema = z.strictObject({
  /** red: 红名单 (激励), black: 黑名单 (惩戒). */
  list: z.enum(['red', 'black']),
  domain: z.string().min(1),
  department: z.string().min(1).optional(),
  /** The document the measures come from, e.g. 发改财金〔2017〕2058号. */
  basis: z.string().min(1).optional(),
  items: z.array(z.string().min(1)).min(1),
});

export const MeasuresSchema = z.array(MeasureEntrySchema);

/** The config key: the array itself, or a path to a JSON file holding it. */
export const MeasuresConfigSchema = z.union([MeasuresSchema, z.string().min(1)]);

/** A measures file may be the bare array or `{ "measures": [...] }`. */
export const MeasuresFileSchema = z.union([MeasuresSchema, z.strictObject({ $schema: z.string().optional(), measures: MeasuresSchema })]);

export type MeasureEntry = z.infer<typeof MeasureEntrySchema>;

/**
 * The catalogue's items for a list and domain: the entries for every department, and those naming
 * this department (by any of its names, through `sameDepartment`).
 */
export function measureItems(
  catalogue: readonly MeasureEntry[],
  list: 'red' | 'black',
  domain: string,
  sameDepartment: (named: string) => boolean,
): string[] {
  const out: string[] = [];
  for (const e of catalogue) {
    if (e.list !== list || e.domain !== domain) continue;
    if (e.department !== undefined && !sameDepartment(e.department)) continue;
    for (const item of e.items) if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** The measures written in a 奖惩措施 cell: one per line or separated by ；/; (an item may hold 、). */
export function splitMeasures(text: string): string[] {
  return text
    .split(/[；;\n\r]+/)
    .map((s) =>
      s
        .trim()
        .replace(/^(?:\d+|[一二三四五六七八九十]+)[.、．)）]\s*/, '')
        .replace(/[。.]$/, '')
        .trim(),
    )
    .filter(Boolean);
}
