import type { CompanyDashboard, MyDashboard, TeamDashboard } from '../../../contracts/dashboard.ts';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../http/request-context.ts';
import { today } from '../goals/index.ts';
import { countStatusesPerLevel, countStatusesPerTopUnit, readBalancedScorecard } from './company.queries.ts';
import { readKeyIndicatorTrends, readTopRanking } from './company-trends.queries.ts';
import { teamScopeOf } from './dashboard-scope.ts';
import { readMyDashboard } from './me.queries.ts';
import { readScoreDistribution } from './score-distribution.queries.ts';
import { participantsInScope } from './scope.queries.ts';
import { countTeamStatuses, listAtRiskGoals, listGoalsPerPerson } from './team.queries.ts';

/**
 * The three views of the home dashboard: aggregate queries side by side over the stored goal
 * statuses (brought up to each new day by the status refresh job, goals/status-refresh.job.ts).
 */

export async function getMyDashboard(db: Db, viewer: Viewer): Promise<MyDashboard> {
  const asOf = today();
  return readMyDashboard(db, viewer.workspaceId, viewer.personId, asOf);
}

export async function getTeamDashboard(db: Db, viewer: Viewer): Promise<TeamDashboard> {
  const asOf = today();
  const scope = teamScopeOf(viewer);
  const ws = viewer.workspaceId;
  const [counts, atRisk, people, distribution] = await Promise.all([
    countTeamStatuses(db, ws, scope),
    listAtRiskGoals(db, ws, scope, asOf),
    listGoalsPerPerson(db, ws, scope),
    readScoreDistribution(db, ws, participantsInScope(scope)),
  ]);
  return { asOf, scope: scope.kind, ...counts, atRisk, ...people, distribution };
}

export async function getCompanyDashboard(db: Db, viewer: Viewer): Promise<CompanyDashboard> {
  const asOf = today();
  const ws = viewer.workspaceId;
  const [levels, units, radar, trends, ranking] = await Promise.all([
    countStatusesPerLevel(db, ws),
    countStatusesPerTopUnit(db, ws),
    readBalancedScorecard(db, ws),
    readKeyIndicatorTrends(db, ws, asOf),
    readTopRanking(db, ws),
  ]);
  return { asOf, levels, units, radar, trends, ranking };
}
