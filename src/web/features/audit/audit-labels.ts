import zhCN from '../../i18n/zh-CN.ts';
import { tDynamic } from '../../i18n/index.ts';

export const entityLabel = (type: string) => tDynamic(`audit.entity.${type}`, {}, type);
export const actionLabel = (code: string) => tDynamic(`audit.actions.${code}`, {}, code);
export const entityTypes = Object.keys(zhCN.audit.entity);
/** Every action code the catalogue names, e.g. "unit.move" (the filter also takes any prefix, e.g. "unit."). */
export const actionCodes = Object.entries(zhCN.audit.actions).flatMap(([group, actions]) =>
  Object.keys(actions).map((a) => `${group}.${a}`),
);
