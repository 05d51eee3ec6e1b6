import { createHash } from 'node:crypto';

/**
 * A job id that is the same wherever it is made from the same key (a name-based UUID, RFC 9562
 * version 8): two servers sending "refresh the statuses of 2026-12-07" send one job, because
 * pg-boss ignores a second job with an id it holds.
 * @example jobIdFor('goals.refresh-statuses:2026-12-07') // '…-8…' the same each time
 */
export function jobIdFor(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
