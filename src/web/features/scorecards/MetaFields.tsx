import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplatePeriod } from '../../api.ts';
import { space } from '../../theme.ts';
import { PERIODS } from './labels.ts';

export type Meta = { name: string; description: string; period: TemplatePeriod };

type Props = {
  meta: Meta;
  onMeta: (patch: Partial<Meta>) => void;
  /** Errors of the name / description / period fields from the last save. */
  metaErrors: Partial<Record<keyof Meta, string>>;
  readOnly: boolean;
  periodLocked: boolean;
};

/** A template's name, period and description. */
export default function MetaFields({ meta, onMeta, metaErrors, readOnly, periodLocked }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item label={t('scorecards.name')} required validateStatus={metaErrors.name ? 'error' : undefined} help={metaErrors.name} style={{ marginBottom: space.md }}>
            <Input value={meta.name} maxLength={100} onChange={(e) => onMeta({ name: e.target.value })} data-testid="template-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            label={t('scorecards.period')}
            validateStatus={metaErrors.period ? 'error' : undefined}
            help={metaErrors.period ?? (periodLocked && !readOnly ? t('scorecards.periodLocked') : undefined)}
            style={{ marginBottom: space.md }}
          >
            <Select<TemplatePeriod>
              value={meta.period}
              onChange={(period) => onMeta({ period })}
              disabled={periodLocked}
              options={PERIODS.map((p) => ({ value: p, label: t(`scorecards.periods.${p}`) }))}
              data-testid="template-period"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('scorecards.description')} validateStatus={metaErrors.description ? 'error' : undefined} help={metaErrors.description}>
        <Input.TextArea
          value={meta.description}
          maxLength={2000}
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder={t('scorecards.descriptionPlaceholder')}
          onChange={(e) => onMeta({ description: e.target.value })}
          data-testid="template-description"
        />
      </Form.Item>
    </>
  );
}
