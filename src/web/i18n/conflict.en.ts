import type { Catalog } from './zh-CN.ts';

/** The dialog of an edit that someone else's change made stale (components/StaleVersionDialog.tsx), in English. */
export const conflictEn: Pick<Catalog, 'conflict'> = {
  conflict: {
    title: 'Someone else changed this',
    changedBy: '{by} changed this at {at}.',
    changedAt: 'This was changed at {at}.',
    explain: 'Your change has not been saved. Reload the latest values (your change is dropped), or apply your change anyway (it replaces theirs).',
    reload: 'Reload',
    apply: 'Apply my change anyway',
  },
};
