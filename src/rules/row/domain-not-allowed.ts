/** 谁提供、谁负责: a department submits only the domains of its row of the matrix (rules §三). */
import { defineRowRule } from '../types.js';

export const domainNotAllowed = defineRowRule({
  id: 'matrix/domain-not-allowed',
  emits: ['MATRIX_DOMAIN_NOT_ALLOWED'],
  check(ctx) {
    const { department, matrix } = ctx.env;
    const domain = ctx.record.domain;
    if (!department || !domain || matrix.allows(department, domain)) return;
    ctx.report(
      'MATRIX_DOMAIN_NOT_ALLOWED',
      {
        domain,
        department: department.name,
        allowed: [...department.domains],
        responsible: matrix.departmentsFor(domain),
      },
      'domain',
    );
  },
});
