/** Value lists of submission.md "Values", with the labels departments actually write. */
import { detach, foldKey } from '../domain/text.js';

export type ListType = 'red' | 'black';
export const LIST_TYPE_LABEL: Record<ListType, string> = { red: '红名单', black: '黑名单' };
const LIST_TYPE_ALIASES: Record<string, ListType> = {
  红名单: 'red',
  红: 'red',
  守信红名单: 'red',
  诚信红名单: 'red',
  守信名单: 'red',
  红榜: 'red',
  黑名单: 'black',
  黑: 'black',
  失信黑名单: 'black',
  诚信黑名单: 'black',
  失信名单: 'black',
  黑榜: 'black',
};

export type SubjectType = '法人及非法人组织' | '个体工商户' | '自然人';
export const SUBJECT_TYPES: readonly SubjectType[] = ['法人及非法人组织', '个体工商户', '自然人'];
const SUBJECT_TYPE_ALIASES: Record<string, SubjectType> = {
  法人及非法人组织: '法人及非法人组织',
  法人: '法人及非法人组织',
  法人和非法人组织: '法人及非法人组织',
  法人和其他组织: '法人及非法人组织',
  法人及其他组织: '法人及非法人组织',
  单位: '法人及非法人组织',
  企业: '法人及非法人组织',
  非法人组织: '法人及非法人组织',
  个体工商户: '个体工商户',
  个体户: '个体工商户',
  自然人: '自然人',
  个人: '自然人',
};

export const ID_TYPES = [
  '居民身份证',
  '军官证',
  '外国人护照',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '港澳台居民居住证',
  '外国人永久居留身份证',
  '其他证件',
] as const;
export type IdType = (typeof ID_TYPES)[number];
const ID_TYPE_ALIASES: Record<string, IdType> = {
  ...Object.fromEntries(ID_TYPES.map((t) => [t, t])),
  身份证: '居民身份证',
  居民身份证号码: '居民身份证',
  二代身份证: '居民身份证',
  护照: '外国人护照',
  其他: '其他证件',
};

export type Severity3 = '轻微' | '一般' | '严重';
export const SEVERITY_LEVELS: readonly Severity3[] = ['轻微', '一般', '严重'];
const SEVERITY_ALIASES: Record<string, Severity3> = { 轻微: '轻微', 一般: '一般', 严重: '严重', 特别严重: '严重' };

function folded<T>(table: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(table).map(([k, v]) => [foldKey(k), v]));
}
const LIST_TYPES_F = folded(LIST_TYPE_ALIASES);
const SUBJECT_TYPES_F = folded(SUBJECT_TYPE_ALIASES);
const ID_TYPES_F = folded(ID_TYPE_ALIASES);
const SEVERITIES_F = folded(SEVERITY_ALIASES);

/**
 * Remembers the answer for each spelling met (value lists are short and repeat on every row); the
 * memo stops growing after a few thousand spellings so that a hostile file cannot fill memory.
 */
export function memoByText<T>(fn: (v: string) => T, max = 4096): (v: string) => T {
  const memo = new Map<string, T>();
  return (v: string): T => {
    const hit = memo.get(v);
    if (hit !== undefined || memo.has(v)) return hit as T;
    const out = fn(v);
    if (memo.size < max) memo.set(detach(v), out);
    return out;
  };
}

export const parseListType = memoByText((v): ListType | undefined => LIST_TYPES_F.get(foldKey(v)));
export const parseSubjectType = memoByText((v): SubjectType | undefined => SUBJECT_TYPES_F.get(foldKey(v)));
export const parseIdType = memoByText((v): IdType | undefined => ID_TYPES_F.get(foldKey(v)));
export const parseSeverityLevel = memoByText((v): Severity3 | undefined => SEVERITIES_F.get(foldKey(v)));

/**
 * A name that names both lists: 红 and 黑 with only separators (、/和与及…) or a list word (名单, 榜)
 * between them, in either order — 红黑名单, 黑红名单, 红、黑名单, 红/黑, 红黑榜, 红名单和黑名单. A 红 far from
 * the 黑 (红旗区社保黑名单: 红旗区 is a district of 新乡) does not make a name mixed.
 */
const SEP = '[\\s、/／\\\\|｜,，;；:：&＆+＋·・\\-－—_()（）\\[\\]【】和与及或暨跟]*';
const MIXED_NAME = new RegExp(`红${SEP}(?:名单|榜|名录)?${SEP}黑|黑${SEP}(?:名单|榜|名录)?${SEP}红`);

/** What a sheet's or file's name says about its list (exactly one of 红名单 / 黑名单, and not a mixed name). */
export function listTypeFromName(name: string): ListType | undefined {
  if (MIXED_NAME.test(name)) return undefined;
  const red = name.includes('红名单');
  const black = name.includes('黑名单');
  if (red === black) return undefined;
  return red ? 'red' : 'black';
}

/** 国办发〔2025〕22号: 轻微 ≤ 3 months, 一般 ≤ 1 year, 严重 ≤ 3 years. */
export const SEVERITY_MAX_MONTHS: Record<Severity3, number> = { 轻微: 3, 一般: 12, 严重: 36 };
