/** Plans and goals (domain.md §1): the SMART check, the status rule, coverage and target suggestions. */
export * from './coverage.ts';
export * from './dates.ts';
export * from './history-stats.ts';
export * from './round-for-target.ts';
export * from './smart.ts';
export * from './smart-messages.ts';
export * from './specific.ts';
export * from './status.ts';
export * from './suggest-target.ts';
export * from './types.ts';
