/** Words the register's findings use in Chinese (field keys and removal types are args, never prose). */
const FIELD_ZH: Record<string, string> = {
  subjectName: '主体名称',
  creditCode: '统一社会信用代码',
  idNumber: '证件号码',
  legalRep: '法定代表人',
  legalRepIdNumber: '法定代表人证件号码',
  decisionNo: '认定文书号',
  decisionDate: '认定日期',
  publishUntil: '公示截止日期',
  department: '报送科室',
};

export function zhFields(fields: string): string {
  return fields
    .split(',')
    .map((f) => `“${FIELD_ZH[f] ?? f}”`)
    .join('、');
}

export const REMOVAL_TYPE_ZH: Record<string, string> = {
  violation: '违法违规移出',
  early: '提前移出',
  revoked: '撤销',
  corrected: '更正',
  expired: '到期',
};

/**
 * The 移出原因 of a record replaced by a correction under a new 认定文书号 (移出名单, records.json): package
 * text, which the credit office reads in Chinese whatever --lang says.
 */
export function correctedReasonZh(newDecision: string): string {
  return `更正：已按新认定文书号 ${newDecision} 重新发布`;
}

export function zhRemovalType(type: string): string {
  return REMOVAL_TYPE_ZH[type] ?? type;
}
