import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export type SpooledUpload = { path: string; filename: string; fields: Record<string, string>; size: number; remove(): Promise<void> };

/**
 * Streams the uploaded file of a multipart request (field `file`) to a private temporary
 * file, for uploads too large to hold in memory (dataset imports). Text fields sent before
 * the file are returned; the caller removes the file when done. Missing or broken uploads
 * are 400s located at body.file, a file over `maxBytes` is 413, nothing is left on disk.
 */
export async function spoolUploadedFile(request: FastifyRequest, maxBytes: number, missingCode: string): Promise<SpooledUpload> {
  const missing = () => new AppError('bad_request', { reason: missingCode }, [{ path: ['body', 'file'], code: missingCode }]);
  if (!request.isMultipart()) throw missing();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kedu-upload-'));
  const remove = () => fs.rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        continue;
      }
      const file = path.join(dir, 'upload');
      await pipeline(part.file, createWriteStream(file, { mode: 0o600 }));
      if (part.file.truncated) throw new AppError('payload_too_large', { limit: `${Math.round(maxBytes / 1024 / 1024)} MB` });
      const { size } = await fs.stat(file);
      return { path: file, filename: part.filename ?? '', fields, size, remove };
    }
    throw missing();
  } catch (err) {
    await remove();
    if (err instanceof AppError) throw err;
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { limit: `${Math.round(maxBytes / 1024 / 1024)} MB` });
    if (e.code === 'ERR_STREAM_PREMATURE_CLOSE' || /Unexpected end of (form|multipart)|Malformed part header|Multipart: Boundary not found/i.test(e.message ?? '')) {
      throw new AppError('bad_request', { reason: 'request.upload_incomplete' }, [{ path: ['body', 'file'], code: 'request.upload_incomplete' }]);
    }
    throw err;
  }
}
