import 'i18next';
import type { Catalog } from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
    interpolationPrefix: '{';
    interpolationSuffix: '}';
  }
}
