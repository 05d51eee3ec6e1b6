import { adminZhCN } from './admin.zh-CN.ts';
import { commonZhCN } from './common.zh-CN.ts';
import { conflictZhCN } from './conflict.zh-CN.ts';
import { cyclesZhCN } from './cycles.zh-CN.ts';
import { dashboardZhCN } from './dashboard.zh-CN.ts';
import { dataZhCN } from './data.zh-CN.ts';
import { goalsZhCN } from './goals.zh-CN.ts';
import { indicatorsZhCN } from './indicators.zh-CN.ts';
import { orgZhCN } from './org.zh-CN.ts';
import { scorecardsZhCN } from './scorecards.zh-CN.ts';
import { scoreZhCN } from './score.zh-CN.ts';
import { shellZhCN } from './shell.zh-CN.ts';

/**
 * The web app's words in Chinese (primary), assembled from one file per feature.
 * Each en file is typed from `Catalog`, so both languages must have exactly the same keys.
 */
const zhCN = {
  ...commonZhCN,
  ...conflictZhCN,
  ...shellZhCN,
  ...orgZhCN,
  ...indicatorsZhCN,
  ...adminZhCN,
  ...dataZhCN,
  scorecards: scorecardsZhCN,
  cycles: cyclesZhCN,
  goals: goalsZhCN,
  dashboard: dashboardZhCN,
  score: scoreZhCN,
};

export type Catalog = typeof zhCN;
export default zhCN;
