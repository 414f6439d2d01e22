import type { CommandEnv } from '../program.js';
import { ToolError } from '../../api/errors.js';

export async function exportCommand(_env: CommandEnv, ..._args: unknown[]): Promise<number> {
  throw new ToolError('INTERNAL', { message: 'not yet built' });
}
