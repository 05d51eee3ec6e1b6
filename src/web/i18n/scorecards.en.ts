import type { Catalog } from './zh-CN.ts';

/** The web app's words for the scorecards pages, in English; the type keeps the keys identical to scorecards.zh-CN.ts. */
export const scorecardsEn: Catalog['scorecards'] = {
  title: 'scorecards',
};
