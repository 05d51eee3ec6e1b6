import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Reads the one uploaded file of a multipart request (form field `file`) into memory.
 * A request without it (or whose part `file` has no filename: a form value, not a file) is
 * refused with `missingCode` located at body.file; a body that
 * ends before the file does (a dropped connection, a truncated upload) is a 400 saying
 * so, not a server error. The size limit's 413 passes through to the error handler.
 */
export async function readUploadedFile(request: FastifyRequest, missingCode: string): Promise<{ bytes: Buffer; filename: string }> {
  const missing = () => new AppError('bad_request', { reason: missingCode }, [{ path: ['body', 'file'], code: missingCode }]);
  if (!request.isMultipart()) throw missing();
  try {
    const part = await request.file();
    // a part without a filename is a form value, not a file (RFC 7578), whatever its type says
    if (part?.fieldname !== 'file' || !part.filename) {
      part?.file.resume(); // drain it, so the connection is free for the error reply
      throw missing();
    }
    return { bytes: await part.toBuffer(), filename: part.filename ?? '' };
  } catch (err) {
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
    if (isBrokenBody(err)) throw new AppError('bad_request', { reason: 'request.upload_incomplete' }, [{ path: ['body', 'file'], code: 'request.upload_incomplete' }]);
    throw err;
  }
}

function isBrokenBody(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === 'ERR_STREAM_PREMATURE_CLOSE' || /Unexpected end of (form|multipart)|Malformed part header|Multipart: Boundary not found/i.test(e.message ?? '');
}
