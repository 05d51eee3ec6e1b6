import type { z } from 'zod';
import type { copyIndicatorInput, Indicator, libraryIndicator, libraryQuery } from '../../../contracts/indicators.ts';
import { BUILTIN_INDICATORS, type BuiltinIndicator, findBuiltinIndicator } from '../../../core/indicators/builtin.ts';
import type { Db, Tx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { builtinCopies } from './indicators.queries.ts';
import { assertKeyFree, freeKey, getIndicator, insertIndicator } from './indicators.service.ts';

type LibraryIndicator = z.infer<typeof libraryIndicator>;

const other = (locale: Locale): Locale => (locale === 'en' ? 'zh-CN' : 'en');

function localize(b: BuiltinIndicator, locale: Locale): Omit<LibraryIndicator, 'copiedAs'> {
  return {
    key: b.key,
    name: b.name[locale],
    altName: b.name[other(locale)],
    purpose: b.purpose[locale],
    perspective: b.perspective,
    kind: b.kind,
    nature: b.nature,
    unit: b.unit,
    direction: b.direction,
    formula: b.formula,
    terms: b.terms.map((t) => ({ name: t.name, definition: t.definition[locale], rollUp: t.rollUp })),
    period: b.period,
    rollUp: b.rollUp,
  };
}

/** The built-in library in the request's language, each entry with the workspace's copies of it. */
export async function listLibrary(db: Db, workspaceId: string, locale: Locale, query: z.output<typeof libraryQuery>): Promise<LibraryIndicator[]> {
  const copies = await builtinCopies(db, workspaceId);
  const copiesOf = new Map<string, LibraryIndicator['copiedAs']>();
  for (const { key, id, name, status } of copies) copiesOf.set(key!, [...(copiesOf.get(key!) ?? []), { id, name, status }]);
  const q = query.q?.toLowerCase();
  return BUILTIN_INDICATORS.filter((b) => !query.perspective || b.perspective === query.perspective)
    .filter((b) => !q || [b.key, b.name['zh-CN'], b.name.en, b.purpose['zh-CN'], b.purpose.en].some((s) => s.toLowerCase().includes(q)))
    .map((b) => ({ ...localize(b, locale), copiedAs: copiesOf.get(b.key) ?? [] }));
}

/**
 * Copies a built-in indicator into the workspace library, in the request's language: a
 * Chinese copy keeps the English name as nameEn. The key is the built-in key (or key_2 …).
 */
export async function copyBuiltin(db: Db, actor: WorkspaceActor, key: string, input: z.output<typeof copyIndicatorInput>, locale: Locale): Promise<Indicator> {
  const id = await db.transaction((tx) => insertBuiltinCopy(tx, actor, key, input, locale));
  return getIndicator(db, actor.workspaceId, id);
}

/** Copies a built-in indicator inside the caller's transaction (a plan import copies the ones its goals use); returns the new id. */
export async function insertBuiltinCopy(tx: Tx, actor: WorkspaceActor, key: string, input: z.output<typeof copyIndicatorInput>, locale: Locale): Promise<string> {
  const builtin = findBuiltinIndicator(key);
  if (!builtin) throw notFound('builtin_indicator');
  // the library entry in the request's language: its definition (perspective … rollUp) is copied as is
  const { key: _key, name, altName: _altName, purpose, ...definition } = localize(builtin, locale);
  if (input.key) await assertKeyFree(tx, actor.workspaceId, input.key, null);
  const values = {
    key: input.key ?? (await freeKey(tx, actor.workspaceId, builtin.key)),
    name: input.name ?? name,
    nameEn: locale === 'zh-CN' ? builtin.name.en : null,
    purpose,
    ...definition,
    status: 'active' as const,
    sourceBuiltinKey: builtin.key,
  };
  return insertIndicator(tx, actor, values, 'indicator.copy_builtin');
}
