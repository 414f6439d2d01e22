// A workbook's bytes opened with exceljs, typed, with no cast: exceljs declares its own `Buffer` (an
// ArrayBuffer), which Node's Buffer is not; its loader (JSZip) reads an ArrayBuffer, so the bytes are
// handed over as one (a copy: a Buffer may be a view of a larger pool).
import ExcelJS from 'exceljs';

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy.buffer);
  return wb;
}
