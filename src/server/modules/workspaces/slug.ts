import { randomBytes } from 'node:crypto';

/**
 * A URL slug from a workspace name. Chinese names have no Latin letters to keep, so
 * they get a short random slug; the caller makes it unique.
 * @example slugify('Acme Sales Team') // 'acme-sales-team'
 */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
  return base.length >= 2 ? base : `ws-${randomBytes(3).toString('hex')}`;
}
