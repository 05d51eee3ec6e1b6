export * from './accounts.ts';
export * from './audit.ts';
export * from './org.ts';
export * from './indicators.ts';
export * from './appraisal.ts';
export * from './datasets.ts';
export * from './goals.ts';
export * from './jobs.ts';
