import { Checkbox, Col, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import { toNum } from './card-draft.ts';
import { type DetailsPartProps, pctProps } from './details-part.ts';
import Field from './Field.tsx';

/** An indicator's cap and floor on its multiplier, and its veto. */
export default function LimitsAndVeto({ d, issues, at, onChange }: DetailsPartProps) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Field label={t('scorecards.cap')} issues={issues} path={at('cap')}>
            <InputNumber value={d.cap} step={0.1} min={0} style={{ width: '100%' }} placeholder={t('scorecards.capPlaceholder')} onChange={(v) => onChange({ cap: toNum(v) })} data-testid="indicator-cap" />
          </Field>
        </Col>
        <Col span={12}>
          <Field label={t('scorecards.floor')} issues={issues} path={at('floor')}>
            <InputNumber value={d.floor} step={0.1} min={0} style={{ width: '100%' }} placeholder={t('scorecards.floorPlaceholder')} onChange={(v) => onChange({ floor: toNum(v) })} data-testid="indicator-floor" />
          </Field>
        </Col>
      </Row>
      <Field issues={issues} path={at('veto')}>
        <div data-testid="veto">
          <Checkbox checked={d.vetoOn} onChange={(e) => onChange({ vetoOn: e.target.checked })} data-testid="veto-on">
            {t('scorecards.vetoOn')}
          </Checkbox>
          {d.vetoOn && (
            <Space wrap size={space.sm} style={{ marginTop: space.sm }}>
              <span>{t('scorecards.vetoBelow')}</span>
              <InputNumber {...pctProps} style={{ width: 110 }} value={d.vetoBelow} onChange={(v) => onChange({ vetoBelow: toNum(v) })} aria-label={t('scorecards.vetoBelow')} data-testid="veto-below" />
              <span>{t('scorecards.vetoEffect')}</span>
              <Select
                value={d.vetoEffect}
                onChange={(vetoEffect) => onChange({ vetoEffect })}
                options={(['zero', 'multiply', 'capTotal'] as const).map((v) => ({ value: v, label: t(`scorecards.vetoEffects.${v}`) }))}
                style={{ width: 120 }}
                aria-label={t('scorecards.vetoEffect')}
                data-testid="veto-effect"
              />
              {d.vetoEffect === 'multiply' && (
                <InputNumber value={d.vetoK} step={0.1} min={0} max={1} style={{ width: 80 }} onChange={(v) => onChange({ vetoK: toNum(v) })} aria-label={t('scorecards.vetoK')} data-testid="veto-k" />
              )}
              {d.vetoEffect === 'capTotal' && (
                <InputNumber value={d.vetoCap} min={0} style={{ width: 90 }} onChange={(v) => onChange({ vetoCap: toNum(v) })} aria-label={t('scorecards.vetoCap')} data-testid="veto-cap" />
              )}
            </Space>
          )}
        </div>
      </Field>
    </>
  );
}
