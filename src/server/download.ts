/** A spreadsheet a use case made for download: its bytes and the name it is saved under. */
export type XlsxFile = { buffer: Buffer; filename: string };
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
