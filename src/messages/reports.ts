/** The shape of the words of supervise and the HTML report (words: zh-CN/reports.ts, en/reports.ts). */
export type { ReportsUiText } from './types.js';
