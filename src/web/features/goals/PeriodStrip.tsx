import { Card, Empty, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalDetail } from './goals-api.ts';
import PeriodCell from './PeriodCell.tsx';
import { recordSummary } from './recurrence-labels.tsx';
import { space } from '../../theme.ts';

/**
 * A recurring goal's periods side by side, oldest first, with the record of those met and the
 * pace of the one in progress. On a narrow screen the strip scrolls sideways (by keyboard too)
 * and opens on the period in progress.
 */
export default function PeriodStrip({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const periods = goal.periods ?? [];
  const currentIndex = periods.findIndex((p) => p.state === 'in_progress');

  // the period in progress in the middle of the strip, again whenever the strip's width changes (a phone turned)
  // biome-ignore lint/correctness/useExhaustiveDependencies: periods.length on purpose: the cells to center among change with it
  useEffect(() => {
    const box = scroller.current;
    if (!box || currentIndex < 0) return;
    const center = () => {
      const cell = box.querySelectorAll('li')[currentIndex] as HTMLElement | undefined;
      if (cell && box.scrollWidth > box.clientWidth) box.scrollLeft = Math.max(0, cell.offsetLeft - (box.clientWidth - cell.offsetWidth) / 2);
    };
    center();
    let width = box.clientWidth;
    const observer = new ResizeObserver(() => {
      if (box.clientWidth !== width) (width = box.clientWidth), center();
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [currentIndex, periods.length]);

  if (!goal.recurrence) return null;
  const title = t('goals.periods.title', { recurrence: t(`goals.recurrence.${goal.recurrence}`) });
  return (
    <Card size="small" title={title} data-testid="period-strip">
      <Typography.Paragraph style={{ margin: '0 0 8px' }} data-testid="period-record">
        {recordSummary(t, goal)}
      </Typography.Paragraph>
      {periods.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('goals.periods.empty')} />
      ) : (
        // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a focusable region, so the strip scrolls with the arrow keys when it is wider than the screen
        <div ref={scroller} role="region" aria-label={t('goals.periods.aria', { title, count: periods.length })} tabIndex={0} style={{ overflowX: 'auto', position: 'relative' }}>
          <ol style={{ display: 'flex', gap: space.sm, listStyle: 'none', margin: 0, padding: '2px 2px 8px' }}>
            {periods.map((p) => (
              <PeriodCell key={p.label} period={p} recurrence={goal.recurrence!} unit={goal.indicator.unit} />
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}
