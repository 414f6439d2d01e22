/** The line under a register write's findings when --strict alone refused it (publish, register import|note, objection add|resolve). */
import { registerUi } from '../messages/register-ui.js';
import type { RenderContext } from './render-context.js';

/**
 * A register write refused by --strict alone (warnings, no error: docs/decisions.md "--strict and the register's
 * writers"): the line that says nothing was written, under the findings. Empty otherwise.
 */
export function strictRefusal(doc: { stats: { errors: number; warnings: number } }, ctx: RenderContext): string {
  if (!ctx.strict || doc.stats.errors > 0 || doc.stats.warnings === 0) return '';
  return `${ctx.chalk.red(registerUi(ctx.m.lang).strictRefused)}\n`;
}
