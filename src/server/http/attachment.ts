import type { FastifyReply } from 'fastify';
import { XLSX_MIME, type XlsxFile } from '../download.ts';

/**
 * The Content-Disposition of a download (RFC 6266): the name in ASCII for old clients, and in
 * UTF-8 per RFC 5987, whose attr-char excludes the `'()*` that encodeURIComponent leaves as they are.
 *
 * @example contentDisposition('业绩(2026).xlsx') // `attachment; filename="__(2026).xlsx"; filename*=UTF-8''%E4%B8%9A%E7%BB%A9%282026%29.xlsx`
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const utf8 = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Marks a reply as a download of `filename`, never cached (it is the workspace's data). */
export function asAttachment(reply: FastifyReply, filename: string): FastifyReply {
  return reply.header('content-disposition', contentDisposition(filename)).header('cache-control', 'no-store');
}

/** Sends a spreadsheet as a download. */
export function sendXlsx(reply: FastifyReply, file: XlsxFile): FastifyReply {
  return asAttachment(reply, file.filename).header('content-type', XLSX_MIME).send(file.buffer);
}
