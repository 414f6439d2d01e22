// Types of the fixture kit (plain JavaScript, shared with scripts/) for the tests that import it:
// a folder described as JSON, { path: content }, patched and written.

/** One file's description: { workbook }, { csv }, { pdf }, { png }, { jpg }, { docx }, { ofd }, { text }, { hex }, { concat }. */
export type FileDescription = Record<string, unknown>;

/** Applies patches ({ remove }, { file }, { set }, { row }, { copyRow }, { sheet }, { removeSheet }, { sheetProps }) to a copy. */
export function applyPatches(files: Record<string, unknown>, patches?: readonly unknown[]): Record<string, FileDescription>;

/** Writes a JSON description of files into a folder. */
export function writeFiles(dir: string, files: Record<string, unknown>): Promise<void>;
