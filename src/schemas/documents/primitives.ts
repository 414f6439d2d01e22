/** The small value schemas every document shares: a count and an ISO date (YYYY-MM-DD). */
import { z } from 'zod';

export const count = z.number().int().min(0);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
