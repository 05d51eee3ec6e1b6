/** Indicator definitions (domain.md §2): the vocabulary, the built-in library and the definition check. */
export * from './builtin.ts';
export * from './builtin-sources.ts';
export * from './definition.ts';
export * from './types.ts';
