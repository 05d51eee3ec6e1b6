import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { createIndicatorInput } from '../../../contracts/indicators.ts';
import { fieldRules } from '../../components/form-utils.ts';
import { DIRECTIONS, KINDS, NATURES, PERIODS, PERSPECTIVE_OPTIONS, ROLL_UPS } from './labels.ts';

/** How the indicator is classified and read: perspective, kind, nature, unit, direction, period and roll-up. */
export default function IndicatorClassFields() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('field.required') }];
  const enumOptions = <T extends string>(values: readonly T[], group: string) =>
    values.map((v) => ({ value: v, label: t(`indicators.${group}.${v}` as never) as string }));
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="perspective" label={t('indicators.perspective')} rules={required}>
          <Select options={enumOptions(PERSPECTIVE_OPTIONS, 'perspectives')} data-testid="indicator-perspective" />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="kind" label={t('indicators.kind')} rules={required}>
          <Select options={enumOptions(KINDS, 'kinds')} data-testid="indicator-kind" />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="nature" label={t('indicators.nature')} rules={required}>
          <Select options={enumOptions(NATURES, 'natures')} data-testid="indicator-nature" />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name="unit" label={t('indicators.unit')} rules={fieldRules(createIndicatorInput, 'unit')}>
          <Input maxLength={20} placeholder={t('indicators.unitPlaceholder')} data-testid="indicator-unit" />
        </Form.Item>
      </Col>
      <Col xs={12} md={7}>
        <Form.Item name="direction" label={t('indicators.direction')} rules={required}>
          <Select options={enumOptions(DIRECTIONS, 'directionsLong')} data-testid="indicator-direction-select" />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name="period" label={t('indicators.period')} rules={required}>
          <Select options={enumOptions(PERIODS, 'periods')} data-testid="indicator-period" />
        </Form.Item>
      </Col>
      <Col xs={12} md={7}>
        <Form.Item name="rollUp" label={t('indicators.rollUp')} rules={required}>
          <Select options={enumOptions(ROLL_UPS, 'rollUps')} popupMatchSelectWidth={false} data-testid="indicator-rollup" />
        </Form.Item>
      </Col>
    </Row>
  );
}
