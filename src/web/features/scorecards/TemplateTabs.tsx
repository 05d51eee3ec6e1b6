import { Tabs, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardTemplate } from '../../api.ts';
import AssignmentsPanel from './AssignmentsPanel.tsx';
import PreviewPanel from './PreviewPanel.tsx';
import TargetsPanel from './TargetsPanel.tsx';

export type Tab = 'design' | 'assignments' | 'targets' | 'preview';

type Props = { ws: string; template: ScorecardTemplate | null; readOnly: boolean; tab: Tab; onTab: (tab: Tab) => void; design: ReactNode };

/** A template's tabs: its design, who gets it, its year targets, a preview; all but the design once it is saved. */
export default function TemplateTabs({ ws, template, readOnly, tab, onTab, design }: Props) {
  const { t } = useTranslation();
  const needSaved = (label: string, key: Tab) => ({
    key,
    disabled: !template,
    label: template ? (
      <span data-testid={`tab-${key}`}>{label}</span>
    ) : (
      <Tooltip title={t('scorecards.saveFirst')}>
        <span data-testid={`tab-${key}`}>{label}</span>
      </Tooltip>
    ),
  });
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => onTab(k as Tab)}
      items={[
        { key: 'design', label: <span data-testid="tab-design">{t('scorecards.tabs.design')}</span>, children: design },
        {
          ...needSaved(t('scorecards.tabs.assignments'), 'assignments'),
          children: template && <AssignmentsPanel ws={ws} template={template} readOnly={readOnly} />,
        },
        {
          ...needSaved(t('scorecards.tabs.targets'), 'targets'),
          children: template && <TargetsPanel ws={ws} template={template} readOnly={readOnly} />,
        },
        {
          ...needSaved(t('scorecards.tabs.preview'), 'preview'),
          children: template && <PreviewPanel ws={ws} template={template} />,
        },
      ]}
    />
  );
}
