import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { pathAfter } from '../../components/grid-editing/grid-cells.ts';
import { useGridEditing } from '../../components/grid-editing/use-grid-editing.ts';
import type { RowDraft } from './actuals-columns.tsx';
import { savedValue } from './actuals-groups.ts';
import { cyclesApi } from './cycles-api.ts';
import { useAdoptParticipant } from './cycles-queries.ts';
import { fmtTotal } from './labels.tsx';
import { managerRatingOf, sameSet } from './participant-utils.ts';

const NONE: RowDraft = { ratings: {} };

/**
 * The edits of the actuals grid: values typed in the cells (a row: a participant; a column: a
 * term), the not-applicable boxes and the manager's ratings, saved a row at a time (button or
 * Enter); the saved row's new detail is shown at once.
 */
export function useActualsEditing(ws: string, cycleId: string, details: ParticipantDetail[]) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const adopt = useAdoptParticipant(ws, cycleId);
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const byId = new Map(details.map((d) => [d.id, d]));

  const editing = useGridEditing({
    stored: ({ row, col }) => {
      const d = byId.get(row);
      return d ? savedValue(d, col) : null;
    },
    // the values (and not-applicable list) in one request, then each changed rating; a rating answers no detail, so the participant is read again
    submit: async (values, pid) => {
      const d = byId.get(pid ?? '');
      if (!d) throw new Error(`no participant ${pid}`);
      const draft = drafts[d.id] ?? NONE;
      let detail = d;
      const naChanged = draft.na !== undefined && !sameSet(draft.na, d.notApplicable);
      if (Object.keys(values[d.id] ?? {}).length > 0 || naChanged) {
        detail = await cyclesApi.putActuals(ws, cycleId, d.id, { values: values[d.id] ?? {}, notApplicable: naChanged ? draft.na : undefined });
      }
      const ratings = Object.entries(draft.ratings).filter(([key, r]) => r !== managerRatingOf(d, key));
      for (const [key, rating] of ratings) await cyclesApi.rate(ws, cycleId, d.id, key, 'manager', { rating });
      if (ratings.length > 0) detail = await cyclesApi.participant(ws, cycleId, d.id);
      return detail;
    },
    locate: (detail, pid) => {
      const [field, term] = pathAfter(detail.path, 'body');
      return pid && field === 'values' && typeof term === 'string' ? { row: pid, col: term } : null;
    },
    onSaved: (detail) => {
      adopt(detail);
      setDrafts(({ [detail.id]: _saved, ...rest }) => rest);
      setJustSaved(detail.id);
      message.success(
        detail.result.total === null
          ? t('cycles.grid.savedIncomplete', { name: detail.personName })
          : t('cycles.grid.saved', { name: detail.personName, total: fmtTotal(detail.result.total) }),
      );
    },
    onFailed: (e) => void message.error(errorMessage(e), 8),
    onEnter: ({ row }) => {
      const d = byId.get(row);
      if (d) saveRow(d);
    },
  });

  const edit = (pid: string, change: (draft: RowDraft) => RowDraft) => {
    setJustSaved(null);
    setDrafts((all) => ({ ...all, [pid]: change(all[pid] ?? NONE) }));
  };
  const isDirty = (d: ParticipantDetail) => {
    if (editing.isRowDirty(d.id)) return true;
    const draft = drafts[d.id];
    if (!draft) return false;
    return (draft.na !== undefined && !sameSet(draft.na, d.notApplicable)) || Object.entries(draft.ratings).some(([key, r]) => r !== managerRatingOf(d, key));
  };
  const naOf = (d: ParticipantDetail) => drafts[d.id]?.na ?? d.notApplicable;
  function saveRow(d: ParticipantDetail) {
    if (isDirty(d)) editing.save(d.id);
  }

  return { editing, drafts, edit, isDirty, naOf, saveRow, justSaved };
}

export type ActualsEditing = ReturnType<typeof useActualsEditing>;
