import type { Ranking, RankingItem } from '../../../../contracts/cycle-results.ts';
import { TOTAL_TOLERANCE } from '../../../../core/scoring/arith.ts';
import { checkForcedDistribution } from '../../../../core/scoring/grades.ts';
import { reach } from '../../../access.ts';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../errors.ts';
import type { Viewer } from '../../../http/request-context.ts';
import { type CycleRow, loadCycle, type ParticipantRow } from '../lifecycle/cycle-access.ts';
import { openAppealCounts, rankingParticipantRows, workspaceUnits } from './ranking.queries.ts';
import { requireManagerOrAdmin } from './results-common.ts';

export type RankedParticipant = ParticipantRow & { personName: string; personEmail: string | null; employeeNo: string | null; unitName: string | null };

/**
 * The calibration view of a cycle (domain.md §3 step 7): the participants the viewer may see
 * (managers: their units, themselves included; admins: everyone), in the subtree of `unitId`
 * when given, ranked by the total that counts (the adjusted total, else the computed one) —
 * equal totals share a rank (1, 1, 3) — with the distribution of final grades and the cycle's
 * forced-distribution check on them. Members are refused: they see only their own result.
 */
export async function loadRanking(db: Db, viewer: Viewer, cycleId: string, unitId?: string): Promise<{ cycle: CycleRow; participants: RankedParticipant[]; ranking: Ranking }> {
  requireManagerOrAdmin(viewer);
  const cycle = await loadCycle(db, viewer.workspaceId, cycleId);
  // the units, the participants and their open appeals: independent reads, all at once
  const [units, rows, appealCounts] = await Promise.all([
    workspaceUnits(db, viewer.workspaceId),
    rankingParticipantRows(db, viewer.workspaceId, cycle.id),
    openAppealCounts(db, cycle.id),
  ]);
  let subtree: Set<string> | null = null;
  if (unitId) {
    if (!units.some((u) => u.id === unitId)) throw notFound('unit');
    subtree = subtreeOf(units, unitId);
  }
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const openAppeals = new Map(appealCounts.map((r) => [r.participantId, Number(r.n)]));

  const visible = new Set(reach(viewer, 'participant.read', rows.map((r) => r.p)));
  const participants: RankedParticipant[] = rows
    .filter(({ p }) => visible.has(p) && (!subtree || (p.unitId !== null && subtree.has(p.unitId))))
    .map(({ p, personName, personEmail, employeeNo }) => ({ ...p, personName, personEmail, employeeNo, unitName: p.unitId ? (unitName.get(p.unitId) ?? null) : null }));
  const counted = (p: ParticipantRow) => p.adjustedTotal ?? p.total;
  participants.sort((a, b) => {
    const x = counted(a);
    const y = counted(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return Math.abs(x - y) <= TOTAL_TOLERANCE ? byName(a, b) : y - x;
  });

  const items: RankingItem[] = [];
  let previous: number | null = null;
  let rank = 0;
  participants.forEach((p, index) => {
    const total = counted(p);
    if (total !== null && (previous === null || Math.abs(previous - total) > TOTAL_TOLERANCE)) rank = index + 1;
    if (total !== null) previous = total;
    items.push({
      rank: total === null ? null : rank,
      participantId: p.id,
      personId: p.personId,
      personName: p.personName,
      unitId: p.unitId,
      unitName: p.unitName,
      templateName: p.templateName,
      status: p.status,
      subtotal: p.subtotal,
      total: p.total,
      adjustedTotal: p.adjustedTotal,
      adjustmentReason: p.adjustmentReason,
      countedTotal: total,
      grade: p.grade,
      finalGrade: p.finalGrade,
      openAppeals: openAppeals.get(p.id) ?? 0,
    });
  });

  // grades in the order of their bands (highest first), then any others met
  const order: string[] = [];
  const bands = participants.flatMap((p) => p.card.grades ?? []).sort((a, b) => b.min - a.min);
  for (const g of [...bands.map((b) => b.grade), ...cycle.forcedDistribution.map((l) => l.grade), ...participants.map((p) => p.finalGrade)]) {
    if (g !== null && !order.includes(g)) order.push(g);
  }
  const graded = participants.filter((p) => p.finalGrade !== null).length;
  const distribution = order.map((grade) => {
    const n = participants.filter((p) => p.finalGrade === grade).length;
    return { grade, count: n, share: graded === 0 ? 0 : n / graded };
  });
  const violations = checkForcedDistribution(
    participants.map((p) => ({ id: p.id, grade: p.finalGrade })),
    cycle.forcedDistribution,
  ).map((v) => ({ code: v.code, grade: v.grade, kind: v.kind, count: v.count, groupSize: v.groupSize, share: v.share, limit: v.limit, bound: v.bound, members: v.members, message: v.message }));

  return {
    cycle,
    participants,
    ranking: {
      cycleId: cycle.id,
      unitId: unitId ?? null,
      items,
      distribution,
      graded,
      ungraded: participants.length - graded,
      forcedDistribution: { limits: cycle.forcedDistribution, ok: violations.length === 0, violations },
    },
  };
}

const collator = new Intl.Collator('zh-CN');
const byName = (a: RankedParticipant, b: RankedParticipant) => collator.compare(a.personName, b.personName) || (a.id < b.id ? -1 : 1);

/** The unit and every unit below it. */
export function subtreeOf(units: readonly { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const result = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        queue.push(child);
      }
    }
  }
  return result;
}
