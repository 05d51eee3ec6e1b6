import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Grid, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { indicatorTerm } from '../../../contracts/indicators.ts';
import { fieldRules } from '../../components/form-utils.ts';
import { space } from '../../theme.ts';
import { emptyTerm } from './indicator-form.ts';
import { TERM_ROLL_UPS } from './labels.ts';

/** The indicator's terms (the form's `terms` list): name, 口径 and roll-up per row; one row at least. */
export default function TermsEditor() {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const rollUps = TERM_ROLL_UPS.map((v) => ({ value: v, label: t(`indicators.termRollUps.${v}` as never) as string }));
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('indicators.terms')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('indicators.termsHelp')}</Typography.Paragraph>
      <Form.List name="terms">
        {(fields, { add, remove }) => (
          <div data-testid="terms-table">
            {!narrow && (
              <Row gutter={8} style={{ fontWeight: 500, marginBottom: space.xs }}>
                <Col span={7}>{t('indicators.termName')}</Col>
                <Col span={11}>{t('indicators.termDefinition')}</Col>
                <Col span={5}>{t('indicators.termRollUp')}</Col>
              </Row>
            )}
            {fields.map((field) => (
              <Row key={field.key} gutter={8} data-testid="term-row" align="top">
                <Col xs={24} md={7}>
                  <Form.Item name={[field.name, 'name']} rules={fieldRules(indicatorTerm, 'name')} style={{ marginBottom: space.md }}>
                    <Input placeholder={t('indicators.termName')} maxLength={100} data-testid="term-name" data-index={field.name} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={11}>
                  <Form.Item name={[field.name, 'definition']} rules={fieldRules(indicatorTerm, 'definition')} style={{ marginBottom: space.md }}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={2000}
                      placeholder={t('indicators.termDefinitionPlaceholder')}
                      data-testid="term-definition"
                      data-index={field.name}
                    />
                  </Form.Item>
                </Col>
                <Col xs={18} md={5}>
                  <Form.Item name={[field.name, 'rollUp']} style={{ marginBottom: space.md }}>
                    <Select options={rollUps} data-testid="term-rollup" />
                  </Form.Item>
                </Col>
                <Col xs={6} md={1}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('indicators.removeTerm')}
                    title={t('indicators.removeTerm')}
                    data-testid="term-remove"
                  />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyTerm())} block data-testid="term-add" style={{ marginBottom: space.lg }}>
              {t('indicators.addTerm')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}
