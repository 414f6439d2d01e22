/**
 * The privacy gate (privacy.md "The gate"): the one function that decides how a piece of text
 * reaches an audience. Every output — 公示, the HTML report, 督查情况表, the 台账, every terminal
 * line and JSON document, 共享, the objection letter — passes its text through here; no output
 * masks (or forgets to mask) free text on its own. What "shaped" means is domain/mask.ts.
 *
 * - `public`: 公示, the report, 督查情况表, the 台账, the terminal and JSON without `--full`: ID
 *   numbers masked by the mask rule, mobile and fixed-line numbers masked (138****5678), in every
 *   text from every source. Internal fields (the cover's 填报人, 联系电话, 审核人 …, an objector's
 *   name and contact, a register note) are left out of a published document altogether.
 * - `sharing`: 共享 and records.json, the government platform's full data: the text as it is.
 * - `addressee`: the objection letter to its subject: the text as it is.
 *
 * `--full` is a terminal's choice only (register list / show, diff): it shows identifiers in full on
 * the screen and never in a file.
 */
import { DEFAULT_MASK_RULE, maskPersonalInfo, type MaskRule } from './mask.js';

export type Audience = 'public' | 'sharing' | 'addressee';

export interface Reader {
  audience: Audience;
  maskRule?: MaskRule;
  /** `--full` on a terminal (or its JSON): identifiers shown as stored. Never set for a file. */
  full?: boolean;
}

/** A published document (公示, the report, 督查情况表): where internal fields are not shown at all. */
export interface Publication extends Reader {
  published: true;
}

export const PUBLIC: Reader = { audience: 'public' };

/** Free text (a name, 列入事由, 移出原因, an objection's summary or opinion, a file name) as `reader` sees it. */
export function showText(text: string, reader: Reader = PUBLIC): string {
  if (reader.audience !== 'public' || reader.full === true || text === '') return text;
  return maskPersonalInfo(text, reader.maskRule ?? DEFAULT_MASK_RULE);
}

/**
 * An internal field (the cover's 填报人 / 联系电话 / 审核人, an objector's name and contact, a register
 * note): undefined in a published document, else shown as free text.
 */
export function showInternal(text: string, reader: Reader | Publication): string | undefined {
  if ('published' in reader && reader.published && reader.audience === 'public') return undefined;
  return showText(text, reader);
}

/** The gate for one reader, as a function (for `map` and for code that shows many texts). */
export function gateFor(reader: Reader): (text: string) => string {
  return (text) => showText(text, reader);
}

/** The public reader under a workspace's mask rule (publication.maskRule). */
export function publicReader(maskRule?: MaskRule, full = false): Reader {
  return { audience: 'public', ...(maskRule ? { maskRule } : {}), ...(full ? { full: true } : {}) };
}
