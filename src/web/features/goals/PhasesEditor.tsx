import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, type FormInstance, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PlanValues, threePhases } from './plan-form.ts';
import { space } from '../../theme.ts';

/** The plan's phases: name and dates each; one click fills the seed's three phases over the plan's range. */
export default function PhasesEditor({ form }: { form: FormInstance<PlanValues> }) {
  const { t, i18n } = useTranslation();
  const range = Form.useWatch('range', form);
  const fillThree = () => {
    if (!range) return;
    form.setFieldValue('phases', threePhases(range[0], range[1], i18n.language));
  };
  return (
    <Form.Item label={t('goals.plan.phases')} extra={t('goals.plan.phasesHint')}>
      <Form.List name="phases">
        {(fields, { add, remove }) => (
          <div data-testid="phases-editor">
            {fields.map((field, i) => (
              <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: space.xs }} data-testid="phase-row">
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('field.required') }]} style={{ marginBottom: space.sm }}>
                  <Input maxLength={50} placeholder={t('goals.plan.phaseName')} aria-label={t('goals.plan.phaseNameN', { n: i + 1 })} style={{ width: 140 }} data-testid="phase-name" />
                </Form.Item>
                <Form.Item name={[field.name, 'range']} rules={[{ required: true, message: t('field.required') }]} style={{ marginBottom: space.sm }}>
                  <DatePicker.RangePicker aria-label={t('goals.plan.phaseRangeN', { n: i + 1 })} style={{ width: 260 }} data-testid="phase-range" />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('goals.plan.removePhaseN', { n: i + 1 })} />
              </Space>
            ))}
            {fields.length === 0 && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: space.sm }}>
                {t('goals.plan.noPhases')}
              </Typography.Paragraph>
            )}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', range: null })} data-testid="phase-add">
                {t('goals.plan.addPhase')}
              </Button>
              <Button icon={<ThunderboltOutlined />} onClick={fillThree} disabled={!range} data-testid="phase-three">
                {t('goals.plan.threePhases')}
              </Button>
            </Space>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
