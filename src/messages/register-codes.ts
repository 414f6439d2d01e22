/** The register's Chinese words for field keys and removal types, kept at this path for the workbook writers that import them. */
export { correctedReasonZh, REMOVAL_TYPE_ZH, zhFields, zhRemovalType } from './zh-CN/register-codes.js';
