import { z } from 'zod';

/**
 * The actions of a workspace the access rules know (src/server/access.ts decides who may do each).
 * Routes declare one; the API lists those the viewer may do as a workspace's `abilities`, which
 * the web app shows its buttons by.
 */
export const ACTIONS = [
  'org.read',
  'unit.write',
  'position.write',
  'people.list',
  'people.write',
  'people.import',
  'people.export',
  'members.manage',
  'audit.read',
  'workspace.read',
  'indicators.read',
  'indicators.write',
  'scorecards.read',
  'scorecards.write',
  'cycles.read',
  'cycles.manage',
  'results.participate',
  'datasets.read',
  'datasets.write',
  'metrics.read',
  'metrics.values',
  'metrics.write',
  'metrics.diff',
  'goals.read',
  'plans.write',
  'goals.write',
  'goals.checkin',
  'dashboard.read',
  'dashboard.team',
  'dashboard.company',
] as const;

export type Action = (typeof ACTIONS)[number];

export const action = z.enum(ACTIONS);
