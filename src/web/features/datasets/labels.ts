import { isApiError } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';

/** Small formatting helpers of the data pages. */

/** An ISO timestamp as "YYYY-MM-DD HH:mm" (the server's wall clock). */
export const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** A dataset's or batch's first–last dates ("—" when it has no rows). */
export function dateRange(first: string | null, last: string | null): string {
  if (!first || !last) return '—';
  const a = first.slice(0, 10);
  const b = last.slice(0, 10);
  return a === b ? a : `${a} ~ ${b}`;
}

/** A refusal with its located details (which metrics use a dataset, which terms a metric feeds), else its message. */
export function detailedMessage(e: unknown): string {
  const details = isApiError(e) ? e.details.map((d) => d.message).filter(Boolean) : [];
  return details.length ? details.join('\n') : errorMessage(e);
}
