import { Col, InputNumber, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import { toNum } from './card-draft.ts';
import type { DetailsPartProps } from './details-part.ts';
import Field from './Field.tsx';

/** The scale a "manual" rule is rated on and the multipliers it maps to. */
export default function ManualScale({ d, issues, at, onChange }: DetailsPartProps) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} data-testid="rule-manual">
      <Col span={12}>
        <Field label={t('scorecards.scale')} issues={issues} path={at('rule', 'scale')}>
          <Space size={space.xs}>
            <InputNumber value={d.scale[0]} style={{ width: 70 }} onChange={(v) => onChange({ scale: [toNum(v), d.scale[1]] })} aria-label={t('scorecards.scale')} />
            <span>{t('scorecards.to')}</span>
            <InputNumber value={d.scale[1]} style={{ width: 70 }} onChange={(v) => onChange({ scale: [d.scale[0], toNum(v)] })} aria-label={t('scorecards.scale')} />
          </Space>
        </Field>
      </Col>
      <Col span={12}>
        <Field label={t('scorecards.mapTo')} issues={issues} path={at('rule', 'mapTo')}>
          <Space size={space.xs}>
            <InputNumber value={d.mapTo[0]} step={0.1} style={{ width: 70 }} onChange={(v) => onChange({ mapTo: [toNum(v), d.mapTo[1]] })} aria-label={t('scorecards.mapTo')} />
            <span>{t('scorecards.to')}</span>
            <InputNumber value={d.mapTo[1]} step={0.1} style={{ width: 70 }} onChange={(v) => onChange({ mapTo: [d.mapTo[0], toNum(v)] })} aria-label={t('scorecards.mapTo')} />
          </Space>
        </Field>
      </Col>
    </Row>
  );
}
