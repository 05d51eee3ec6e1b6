/**
 * An indicator's source (出处) and data owner (数据提供人) as the web app says them, in the UI
 * language: the source kinds in the goals' own words (goals.source.*), so a goal and the
 * indicator that measures it name their origin alike. Pure apart from the translation.
 */
import i18n from 'i18next';
import type { DataOwner, IndicatorSource } from '../../core/scoring/types.ts';

/** "年度预算 · 2027 年度收入预算", or null when there is no source. */
export function sourceText(source: IndicatorSource | undefined | null): string | null {
  if (!source?.kind) return null;
  const kind = i18n.t(`goals.source.${source.kind}`);
  const reference = source.reference?.trim();
  return reference ? `${kind} · ${reference}` : kind;
}

/** "财务专员（岗位）" / "财务专员 (Position)", or null when nobody is named. */
export function dataOwnerText(owner: DataOwner | undefined | null): string | null {
  const name = owner?.name?.trim();
  if (!owner || !name) return null;
  return i18n.t('common.withNote', { text: name, note: i18n.t(`scorecards.ownerKinds.${owner.kind}`) });
}
