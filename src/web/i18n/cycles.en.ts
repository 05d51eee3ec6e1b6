import type { Catalog } from './zh-CN.ts';

/** The web app's words for the cycles pages, in English; the type keeps the keys identical to cycles.zh-CN.ts. */
export const cyclesEn: Catalog['cycles'] = {
  title: 'cycles',
};
