// Types of the benchmark's generator (plain JavaScript) for the tests that import it.

/** The list template's header row. */
export const HEADER: string[];

/** One synthetic row of the list (row i). */
export function row(i: number): string[];

/** A natural person's row whose ID Excel stored as a number (4.10702E+17): one SCHEMA_ID_PRECISION_LOST. */
export function findingRow(i: number): string[];
