import type { CompanyDashboard, MyDashboard, TeamDashboard } from '../../../contracts/dashboard.ts';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../http/request-context.ts';
import { refreshStaleStatuses, today } from '../goals/goal-status.ts';
import { countStatusesPerLevel, countStatusesPerTopUnit, readBalancedScorecard } from './company.queries.ts';
import { readKeyIndicatorTrends, readTopRanking } from './company-trends.ts';
import { participantsInScope, teamScopeOf } from './dashboard-scope.ts';
import { readMyDashboard } from './me.queries.ts';
import { readScoreDistribution } from './score-distribution.ts';
import { countTeamStatuses, listAtRiskGoals, listGoalsPerPerson } from './team.queries.ts';

/**
 * The three views of the home dashboard. Each first brings the stored goal statuses up to today
 * (once a day per workspace; afterwards a no-op), then runs its aggregate queries side by side.
 */

export async function getMyDashboard(db: Db, viewer: Viewer): Promise<MyDashboard> {
  const asOf = today();
  await refreshStaleStatuses(db, viewer.workspaceId, asOf);
  return readMyDashboard(db, viewer.workspaceId, viewer.personId, asOf);
}

export async function getTeamDashboard(db: Db, viewer: Viewer): Promise<TeamDashboard> {
  const asOf = today();
  await refreshStaleStatuses(db, viewer.workspaceId, asOf);
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
  await refreshStaleStatuses(db, viewer.workspaceId, asOf);
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
