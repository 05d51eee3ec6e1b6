import { adminEn } from './admin.en.ts';
import { commonEn } from './common.en.ts';
import { conflictEn } from './conflict.en.ts';
import { cyclesEn } from './cycles.en.ts';
import { dashboardEn } from './dashboard.en.ts';
import { dataEn } from './data.en.ts';
import { goalsEn } from './goals.en.ts';
import { indicatorsEn } from './indicators.en.ts';
import { orgEn } from './org.en.ts';
import { scorecardsEn } from './scorecards.en.ts';
import { scoreEn } from './score.en.ts';
import { shellEn } from './shell.en.ts';
import type { Catalog } from './zh-CN.ts';

/** The web app's words in English, assembled from one file per feature; the type keeps the keys identical to zh-CN.ts. */
const en: Catalog = {
  ...commonEn,
  ...conflictEn,
  ...shellEn,
  ...orgEn,
  ...indicatorsEn,
  ...adminEn,
  ...dataEn,
  scorecards: scorecardsEn,
  cycles: cyclesEn,
  goals: goalsEn,
  dashboard: dashboardEn,
  score: scoreEn,
};

export default en;
