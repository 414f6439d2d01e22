/**
 * The keys of a cover sheet (报送封面) with their Chinese labels and the aliases departments write:
 * vocabulary that findings name (diagnostics/codes.ts) and the cover reader matches (table/cover.ts).
 */
export const COVER_KEYS = {
  unit: { label: '报送单位', aliases: ['报送科室', '报送部门', '报送单位（科室）', '填报单位'] },
  quarter: { label: '报送季度', aliases: ['季度', '报送期间', '所属季度'] },
  filler: { label: '填报人', aliases: ['填表人', '经办人'] },
  phone: { label: '联系电话', aliases: ['电话', '联系方式'] },
  reviewer: { label: '审核人', aliases: ['分管领导', '分管领导审核', '局分管领导', '局分管领导审核', '审核领导'] },
  reviewedOn: { label: '审核日期', aliases: ['分管领导审核日期'] },
  approver: { label: '审定人', aliases: ['主要领导', '主要领导审定', '单位主要领导', '单位主要领导审定', '审定领导'] },
  approvedOn: { label: '审定日期', aliases: ['主要领导审定日期'] },
  sentOn: { label: '报送日期', aliases: ['报送时间'] },
  nil: { label: '无信息报告', aliases: ['无信息', '本季度无信息'] },
  cases: { label: '典型案例', aliases: ['典型案例材料', '典型案例文件'] },
} as const;

export type CoverKey = keyof typeof COVER_KEYS;
