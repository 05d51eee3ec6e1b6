import { useState } from 'react';
import { isApiError } from '../api.ts';

/**
 * A save refused because the record changed since it was loaded (issue 13; docs/api.md "Versions
 * and conflicts"): the server's 409 `request.stale_version` names the current version, who changed
 * the record last ('' when unknown) and when.
 */
export type StaleConflict = { currentVersion: number; updatedBy: string; updatedAt: string; message: string };

/** The conflict a failed save reports, or null for any other error. */
export function staleConflictOf(error: unknown): StaleConflict | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const detail = error.details.find((d) => d.code === 'request.stale_version');
  const value = (detail?.value ?? {}) as { currentVersion?: unknown; updatedBy?: unknown; updatedAt?: unknown };
  if (typeof value.currentVersion !== 'number') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { currentVersion: value.currentVersion, updatedBy: text(value.updatedBy), updatedAt: text(value.updatedAt), message: error.message };
}

/** What a form does with the user's choice: show the latest record, or send its values again based on `version`. */
export type StaleActions = { reload: () => unknown; reapply: (version: number) => unknown };

/** The props of <StaleVersionDialog>, as the hook keeps them. */
export type StaleDialogProps = { conflict: StaleConflict | null; onReload: () => void; onApply: () => void; onCancel: () => void };

/**
 * One edit form's handling of a stale save, the same in every form that sends a version:
 *
 * - `version`: the version to send — the one the record was loaded with, or a newer one this form
 *   learnt from a conflict (a form opened on a record it holds keeps its first copy);
 * - `offer(error, actions)`: call it in the save's onError; true when the error was a stale
 *   version, which then opens the dialog (the form shows nothing else for it);
 * - `dialog`: spread into `<StaleVersionDialog {...stale.dialog} />`.
 *
 * "Reload" discards the edit and calls `actions.reload()`; "apply my change anyway" calls
 * `actions.reapply(currentVersion)` (a knowing overwrite); cancel returns to the form as it is.
 */
export function useStaleVersion(loaded: number | undefined) {
  const [pending, setPending] = useState<{ conflict: StaleConflict; actions: StaleActions } | null>(null);
  const [known, setKnown] = useState(0);
  const version = loaded === undefined ? undefined : Math.max(loaded, known);

  const offer = (error: unknown, actions: StaleActions): boolean => {
    const conflict = staleConflictOf(error);
    if (!conflict) return false;
    setPending({ conflict, actions });
    return true;
  };
  const choose = (run: (p: NonNullable<typeof pending>) => unknown) => () => {
    if (!pending) return;
    setKnown((k) => Math.max(k, pending.conflict.currentVersion));
    setPending(null);
    run(pending);
  };
  const dialog: StaleDialogProps = {
    conflict: pending?.conflict ?? null,
    onReload: choose((p) => p.actions.reload()),
    onApply: choose((p) => p.actions.reapply(p.conflict.currentVersion)),
    onCancel: () => setPending(null),
  };
  return { version, offer, dialog };
}
