import { useCallback, useMemo, useState } from 'react';
import type { ScorecardTemplate } from '../../api.ts';
import { type CardDraft, cardFingerprint, emptyDraft, fromCard } from './card-draft.ts';
import type { LocatedIssue } from './issues.ts';
import type { Meta } from './MetaFields.tsx';

export type MetaErrors = Partial<Record<keyof Meta, string>>;

/**
 * A template as being edited: its name / description / period (`meta`) and its card (`draft`),
 * whether they differ from what was last saved (`dirty`), and the errors of the last save, on
 * the card (`saveIssues`, until the card is edited) and on the fields (`metaErrors`, until that
 * field is edited).
 */
export function useTemplateDraft(template: ScorecardTemplate | null, readOnly: boolean) {
  const initialMeta = (): Meta => (template ? { name: template.name, description: template.description, period: template.period } : { name: '', description: '', period: 'month' });
  const [meta, setMeta] = useState<Meta>(initialMeta);
  const [draft, setDraft] = useState<CardDraft>(() => (template ? fromCard(template.card) : emptyDraft()));
  const [baseline, setBaseline] = useState(() => ({ meta: JSON.stringify(initialMeta()), card: cardFingerprint(template ? fromCard(template.card) : emptyDraft()) }));
  const fingerprint = useMemo(() => cardFingerprint(draft), [draft]);
  const dirty = !readOnly && (JSON.stringify(meta) !== baseline.meta || fingerprint !== baseline.card);
  const [saveIssues, setSaveIssues] = useState<LocatedIssue[]>([]);
  const [metaErrors, setMetaErrors] = useState<MetaErrors>({});

  const onDraft = useCallback((update: (d: CardDraft) => CardDraft) => {
    setDraft(update);
    setSaveIssues([]);
  }, []);
  const onMeta = useCallback((patch: Partial<Meta>) => {
    setMeta((m) => ({ ...m, ...patch }));
    setMetaErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as (keyof Meta)[]) delete next[k];
      return next;
    });
  }, []);
  /** What is edited now is what is saved. */
  const markSaved = () => setBaseline({ meta: JSON.stringify(meta), card: fingerprint });
  /** Drops the edit: the template as `latest` has it (after someone else's change, reloaded). */
  const load = (latest: ScorecardTemplate) => {
    const m: Meta = { name: latest.name, description: latest.description, period: latest.period };
    const d = fromCard(latest.card);
    setMeta(m);
    setDraft(d);
    setBaseline({ meta: JSON.stringify(m), card: cardFingerprint(d) });
    setSaveIssues([]);
    setMetaErrors({});
  };

  return { meta, onMeta, metaErrors, setMetaErrors, draft, onDraft, fingerprint, baseline, dirty, saveIssues, setSaveIssues, markSaved, load };
}

export type TemplateDraft = ReturnType<typeof useTemplateDraft>;
