import { DatabaseOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, List, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import FormAlert from '../../components/FormAlert.tsx';
import { applyServerErrors } from '../../components/form-utils.ts';
import { groupDigits, ungroupDigits } from '../../components/number-input.ts';
import { fontSize, space } from '../../theme.ts';
import type { CheckIn, GoalDetail } from './goals-api.ts';
import { useCheckIn } from './goals-queries.ts';
import { fillFromData } from './check-in-fill.ts';
import { fmtValue } from './labels.tsx';

type Values = { value?: number | null; comment?: string; on?: Dayjs | null };

/** 进展更新: the goal's check-ins, newest first, and — for the owner, their managers and admins — a form to add one. */
export default function CheckInCard({ ws, goal }: { ws: string; goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // set by "fill from data"; typing another value makes it a manual check-in again
  const [fromData, setFromData] = useState(false);
  const fillable = fillFromData(goal, dayjs().format('YYYY-MM-DD'));
  const unit = goal.indicator.unit;

  const save = useCheckIn(ws, goal.id);
  const submit = (v: Values) =>
    save.mutate(
      { value: v.value as number, comment: v.comment ?? '', on: v.on ? v.on.format('YYYY-MM-DD') : undefined, source: fromData ? 'data' : 'manual' },
      {
        onSuccess: () => {
          message.success(t('goals.checkIn.saved'));
          form.resetFields();
          setFromData(false);
        },
        onError: (e) => applyServerErrors(form, e),
      },
    );
  const fill = () => {
    if (!fillable) return;
    const { period, label, on } = fillable;
    const comment = fillable.partial ? t('goals.checkIn.fromDataCommentSoFar', { period, label, on }) : t('goals.checkIn.fromDataComment', { period, label });
    form.setFieldsValue({ value: fillable.value, on: dayjs(on), comment });
    setFromData(true);
  };
  const fillHint = fillable && t(fillable.partial ? 'goals.checkIn.fillHintSoFar' : 'goals.checkIn.fillHint', { period: fillable.period, value: fmtValue(fillable.value, unit, lang), label: fillable.label, on: fillable.on });
  const checkIns = [...goal.checkIns].sort((a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt));

  return (
    <Card size="small" title={t('goals.checkIn.title')} data-testid="check-ins">
      {goal.canCheckIn && (
        <Form<Values> form={form} layout="vertical" initialValues={{ on: dayjs() }} onFinish={submit} onValuesChange={(c) => 'value' in c && setFromData(false)} data-testid="check-in-form" style={{ marginBottom: space.md }}>
          <Space align="start" wrap>
            <Form.Item name="value" label={goal.recurrence ? t('goals.checkIn.valueSoFar') : t('goals.checkIn.value')} tooltip={goal.recurrence ? t('goals.checkIn.recurringHint') : undefined} rules={[{ required: true, message: t('field.required') }]} style={{ marginBottom: space.sm }}>
              <InputNumber<number> formatter={groupDigits} parser={(s) => Number(ungroupDigits(s))} suffix={unit === '%' ? undefined : unit || undefined} placeholder={unit === '%' ? t('scorecards.ratioUnit') : undefined} style={{ width: 180 }} data-testid="check-in-value" />
            </Form.Item>
            <Form.Item name="on" label={t('goals.checkIn.on')} style={{ marginBottom: space.sm }}>
              <DatePicker allowClear={false} style={{ width: 150 }} data-testid="check-in-on" />
            </Form.Item>
          </Space>
          <Form.Item name="comment" label={t('goals.checkIn.comment')} style={{ marginBottom: space.sm }}>
            <Input maxLength={2000} placeholder={t('goals.checkIn.commentPlaceholder')} data-testid="check-in-comment" />
          </Form.Item>
          <FormAlert error={save.error} />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="check-in-submit">
              {t('goals.checkIn.submit')}
            </Button>
            {fillable && (
              <Tooltip title={fillHint} trigger={['hover', 'focus']}>
                <Button icon={<DatabaseOutlined />} onClick={fill} aria-describedby="check-in-fill-hint" data-testid="check-in-fill" data-period={fillable.period} data-partial={fillable.partial}>
                  {t('goals.checkIn.fill')}
                </Button>
              </Tooltip>
            )}
            {fromData && <Tag color="geekblue">{t('goals.checkIn.fromData')}</Tag>}
          </Space>
          {fillHint && (
            <span id="check-in-fill-hint" hidden>
              {fillHint}
            </span>
          )}
        </Form>
      )}
      {checkIns.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('goals.checkIn.empty')} />
      ) : (
        <List<CheckIn>
          size="small"
          dataSource={checkIns}
          pagination={checkIns.length > 8 ? { pageSize: 8, size: 'small' } : false}
          renderItem={(c) => (
            <List.Item style={{ paddingInline: 0 }} data-testid="check-in-row">
              <List.Item.Meta
                title={
                  <Space size={space.sm} wrap>
                    <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {fmtValue(c.value, unit, lang)}
                    </Typography.Text>
                    {c.source === 'data' && <Tag color="geekblue">{t('goals.checkIn.fromData')}</Tag>}
                  </Space>
                }
                description={
                  <>
                    {c.comment && <div style={{ color: 'rgba(0,0,0,0.88)' }}>{c.comment}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                      {t('goals.checkIn.byOn', { name: c.by, on: c.on, at: c.createdAt.slice(0, 16).replace('T', ' ') })}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
