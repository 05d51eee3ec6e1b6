import ExcelJS from 'exceljs';
import { describeDataOwner, describeSource } from '../../../../core/scoring/provenance.ts';
import type { IndicatorStatus, ScoreResult, ScoreStatus } from '../../../../core/scoring/types.ts';
import type { Db } from '../../../db/client.ts';
import type { Viewer } from '../../../http/request-context.ts';
import type { Locale } from '../../../i18n/messages.ts';
import type { XlsxFile } from '../../../download.ts';
import { scoreParticipant } from './participant-score.ts';
import { loadRanking } from './ranking.service.ts';
import { loadInputs } from '../lifecycle/recompute.ts';

const text = {
  'zh-CN': {
    results: '结果',
    details: '明细',
    rank: '排名',
    person: '人员',
    unit: '部门',
    template: '考核表',
    status: '状态',
    subtotal: '小计',
    total: '总分',
    adjustedTotal: '调整后总分',
    adjustmentReason: '调整原因',
    finalGrade: '最终等级',
    indicator: '指标',
    indicatorStatus: '指标状态',
    actual: '实际值',
    target: '目标值',
    achievement: '达成率',
    multiplier: '倍数',
    points: '得分',
    veto: '否决',
    vetoYes: '触发',
    source: '出处',
    dataOwner: '数据提供人',
    file: '考核结果',
  },
  en: {
    results: 'Results',
    details: 'Details',
    rank: 'Rank',
    person: 'Person',
    unit: 'Unit',
    template: 'Scorecard',
    status: 'Status',
    subtotal: 'Subtotal',
    total: 'Total',
    adjustedTotal: 'Adjusted total',
    adjustmentReason: 'Adjustment reason',
    finalGrade: 'Final grade',
    indicator: 'Indicator',
    indicatorStatus: 'Indicator status',
    actual: 'Actual',
    target: 'Target',
    achievement: 'Achievement',
    multiplier: 'Multiplier',
    points: 'Points',
    veto: 'Veto',
    vetoYes: 'triggered',
    source: 'Source',
    dataOwner: 'Data owner',
    file: 'results',
  },
} as const;

const statusLabel: Record<Locale, Record<ScoreStatus, string>> = {
  'zh-CN': { complete: '已完成', incomplete: '数据不全', invalid: '定义有误' },
  en: { complete: 'complete', incomplete: 'incomplete', invalid: 'invalid' },
};
const indicatorStatusLabel: Record<Locale, Record<IndicatorStatus, string>> = {
  'zh-CN': { scored: '已计分', not_applicable: '不适用', incomplete: '数据不全', error: '有误' },
  en: { scored: 'scored', not_applicable: 'not applicable', incomplete: 'incomplete', error: 'error' },
};

/**
 * The ranking the viewer may see as a workbook: sheet 结果/Results (one row per participant, in
 * ranking order) and 明细/Details (one row per participant × indicator, from the live result, or
 * the frozen one once the cycle closed, with the indicator's source and data owner). Headers in
 * the request's language.
 */
export async function exportResults(db: Db, viewer: Viewer, cycleId: string, unitId: string | undefined, locale: Locale): Promise<XlsxFile> {
  const { cycle, participants, ranking } = await loadRanking(db, viewer, cycleId, unitId);
  const t = text[locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kedu';

  const results = workbook.addWorksheet(t.results, { views: [{ state: 'frozen', ySplit: 1 }] });
  results.columns = [
    { header: t.rank, key: 'rank', width: 7 },
    { header: t.person, key: 'person', width: 16 },
    { header: t.unit, key: 'unit', width: 16 },
    { header: t.template, key: 'template', width: 22 },
    { header: t.status, key: 'status', width: 11 },
    { header: t.subtotal, key: 'subtotal', width: 10, style: { numFmt: '0.00' } },
    { header: t.total, key: 'total', width: 10, style: { numFmt: '0.00' } },
    { header: t.adjustedTotal, key: 'adjustedTotal', width: 13, style: { numFmt: '0.00' } },
    { header: t.adjustmentReason, key: 'adjustmentReason', width: 36 },
    { header: t.finalGrade, key: 'finalGrade', width: 10 },
  ];
  for (const item of ranking.items) {
    results.addRow({
      rank: item.rank ?? null,
      person: item.personName,
      unit: item.unitName ?? null,
      template: item.templateName,
      status: statusLabel[locale][item.status],
      subtotal: item.subtotal ?? null,
      total: item.total ?? null,
      adjustedTotal: item.adjustedTotal ?? null,
      adjustmentReason: item.adjustmentReason ?? null,
      finalGrade: item.finalGrade ?? null,
    });
  }
  styleHeader(results);

  const details = workbook.addWorksheet(t.details, { views: [{ state: 'frozen', ySplit: 1 }] });
  details.columns = [
    { header: t.person, key: 'person', width: 16 },
    { header: t.indicator, key: 'indicator', width: 22 },
    { header: t.indicatorStatus, key: 'status', width: 11 },
    { header: t.actual, key: 'actual', width: 14 },
    { header: t.target, key: 'target', width: 14 },
    { header: t.achievement, key: 'achievement', width: 12, style: { numFmt: '0.00%' } },
    { header: t.multiplier, key: 'multiplier', width: 11, style: { numFmt: '0.00##' } },
    { header: t.points, key: 'points', width: 10, style: { numFmt: '0.00' } },
    { header: t.veto, key: 'veto', width: 9 },
    { header: t.source, key: 'source', width: 36 },
    { header: t.dataOwner, key: 'dataOwner', width: 20 },
  ];
  // live results from the inputs, read for everyone at once; a closed cycle's frozen result as it was
  const inputs = await loadInputs(db, participants.filter((p) => !p.frozenResult));
  const byId = new Map(participants.map((p) => [p.id, p]));
  for (const item of ranking.items) {
    const p = byId.get(item.participantId)!;
    const result: ScoreResult = p.frozenResult ?? scoreParticipant(inputs.get(p.id)!);
    // where each indicator comes from and who supplies it: the participant's card, fixed when the cycle opened
    const defined = new Map(p.card.indicators.map((i) => [i.key, i]));
    for (const r of result.indicators) {
      details.addRow({
        person: item.personName,
        indicator: r.name || r.key,
        status: indicatorStatusLabel[locale][r.status],
        actual: r.actual ?? null,
        target: r.target ?? null,
        achievement: r.achievement ?? null,
        multiplier: r.multiplier ?? null,
        points: r.points ?? null,
        veto: r.vetoTriggered ? t.vetoYes : null,
        source: describeSource(defined.get(r.key)?.source, locale),
        dataOwner: describeDataOwner(defined.get(r.key)?.dataOwner, locale),
      });
    }
  }
  styleHeader(details);

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, filename: `${t.file}-${safeName(cycle.name)}.xlsx` };
}

function styleHeader(sheet: ExcelJS.Worksheet) {
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
}

/** A cycle's name as part of a file name: no path separators or characters Windows refuses. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
export const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'cycle';
