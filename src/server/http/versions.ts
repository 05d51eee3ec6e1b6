import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { lastWriter, lockVersion, type VersionedEntity, type VersionKey } from './versions.queries.ts';

export { bumpVersion, type MemberKey, nextVersion, type VersionedEntity, type VersionKey } from './versions.queries.ts';

/**
 * Optimistic concurrency for editable resources (issue 13; docs/api.md "Versions and
 * conflicts"). Every such row has a `version`; a write may name the version it was based on,
 * in the `If-Match: "<version>"` header or a `version` field of its JSON body. A write that
 * names another version than the current one is a 409 `conflict` (`request.stale_version`) and
 * writes nothing; a write that names none proceeds as before. Single-resource GETs and writes
 * answer with `ETag: "<version>"`.
 */

/** The version a write expects: its If-Match header or its body's `version` (both given: they must agree); undefined when it names none or `If-Match: *`. */
export function expectedVersion(request: FastifyRequest, bodyVersion?: number | null): number | undefined {
  const header = request.headers['if-match'];
  const fromHeader = header === undefined ? undefined : parseIfMatch(String(header));
  const fromBody = bodyVersion ?? undefined;
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    throw new AppError('bad_request', { reason: 'request.version_mismatch' }, [{ path: ['headers', 'if-match'], code: 'request.version_mismatch', params: { header: fromHeader, body: fromBody } }]);
  }
  return fromHeader ?? fromBody;
}

/** `"3"`, `W/"3"` or `3` → 3; `*` → undefined (any version); anything else is refused. */
function parseIfMatch(value: string): number | undefined {
  const text = value.trim();
  if (text === '*') return undefined;
  const match = /^(?:W\/)?"?([1-9]\d{0,9})"?$/.exec(text);
  if (!match) throw new AppError('bad_request', { reason: 'request.bad_if_match' }, [{ path: ['headers', 'if-match'], code: 'request.bad_if_match', params: { value: text.slice(0, 40) } }]);
  return Number(match[1]);
}

/** Sets the `ETag` from the answer's version and returns the answer: `return tagged(reply, await getThing(…))`. */
export function tagged<T extends { version: number }>(reply: FastifyReply, answer: T): T {
  reply.header('etag', `"${answer.version}"`);
  return answer;
}

/**
 * Call inside the write's transaction, before it writes: when a version is expected, locks the
 * row (so the check and the write are one step: a concurrent write of the same row waits for
 * this transaction, then finds the version raised) and refuses a stale version with the 409,
 * which rolls the transaction back. The row's own UPDATE raises the version (`nextVersion`).
 */
export async function checkVersion(tx: Tx, entity: VersionedEntity, id: VersionKey, expected: number | undefined): Promise<void> {
  if (expected === undefined) return;
  const row = await lockVersion(tx, entity, id);
  if (!row || row.version === expected) return; // a missing row is the service's own 404
  const writer = await lastWriter(tx, entity, id);
  throw staleVersion(row.version, expected, writer?.by ?? '', (writer?.at ?? row.updatedAt).toISOString());
}

/** The 409 of a stale write: the current version, who changed it and when (in `params` and `value` of its detail, for clients). */
export function staleVersion(currentVersion: number, expected: number, updatedBy: string, updatedAt: string): AppError {
  const at = `${updatedAt.slice(0, 16).replace('T', ' ')} UTC`;
  // `by` only when known (rows never written through the API have no audit entry): the message leaves the name out
  const params = { ...(updatedBy ? { by: updatedBy } : {}), at, currentVersion, expectedVersion: expected, updatedBy, updatedAt };
  return new AppError('conflict', { reason: 'request.stale_version', ...params }, [{ code: 'request.stale_version', params, value: { currentVersion, updatedBy, updatedAt } }]);
}
