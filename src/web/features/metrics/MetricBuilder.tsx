import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Empty, Form, type FormInstance, Grid, Input, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorDetail, isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormulaEditor, { type FormulaRange } from '../../components/FormulaEditor.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { type Dataset, useDatasets } from '../datasets/datasets-api.ts';
import { bodyOf, formValuesOf, type MetricFormValues, MULTI_OPS, NO_VALUE_OPS } from './metric-form.ts';
import { AGGREGATION_LIST, FILTER_OP_LIST, type Metric, type MetricBody, metricsApi, type MetricValues, OWNER_KINDS, useRefreshMetrics } from './metrics-api.ts';

const FORM_ID = 'metric-form';
type Path = (string | number)[];

/** Puts located server problems (['body', 'spec', 'filters', 0, 'values']…) on the builder's fields; returns those that fit none. */
function placeErrors(form: FormInstance, details: ErrorDetail[], placed: { current: Path[] }): ErrorDetail[] {
  form.setFields(placed.current.map((name) => ({ name, errors: [] })));
  const registered = form.getFieldsError().map((f) => f.name as Path);
  const key = (p: Path) => JSON.stringify(p);
  const known = new Map(registered.map((n) => [key(n), n]));
  const byField = new Map<string, { name: Path; errors: string[] }>();
  const left: ErrorDetail[] = [];
  for (const d of details) {
    const path = (d.path?.[0] === 'body' ? d.path.slice(1) : (d.path ?? [])) as Path;
    let target: Path | undefined;
    for (let n = path.length; n > 0 && !target; n--) target = known.get(key(path.slice(0, n)));
    if (!target || target.length === 1 && target[0] === 'spec') {
      left.push(d);
      continue;
    }
    const entry = byField.get(key(target)) ?? { name: target, errors: [] };
    entry.errors.push(d.message);
    byField.set(key(target), entry);
  }
  placed.current = [...byField.values()].map((f) => f.name);
  form.setFields([...byField.values()]);
  return left;
}

const rangesOf = (details: ErrorDetail[]): FormulaRange[] =>
  details
    .filter((d) => d.path?.includes('expression') && d.start !== undefined && d.end !== undefined)
    .map((d) => ({ start: d.start ?? 0, end: d.end ?? 0, severity: 'error' as const, message: d.message }));

/** 度量 builder (admins): the structured definition of a metric with a live preview of its values per owner and month. */
export default function MetricBuilder({ ws, metric, onClose }: { ws: string; metric: Metric | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().lg;
  const [form] = Form.useForm<MetricFormValues>();
  const refresh = useRefreshMetrics(ws);
  const datasets = useDatasets(ws);
  const values = Form.useWatch([], { form, preserve: true }) as MetricFormValues | undefined;
  const dataset: Dataset | undefined = datasets.data?.find((d) => d.id === values?.datasetId);
  const columns = dataset?.columns ?? [];
  const placed = useRef<Path[]>([]);
  const [ranges, setRanges] = useState<FormulaRange[]>([]);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  // the preview: a definition is not needed to see the values
  const body = bodyOf(values, dataset);
  const previewBody: MetricBody | null = body ? { ...body, name: body.name || '—', spec: { ...body.spec, definition: body.spec.definition || '—' } } : null;
  const debounced = useDebounced(previewBody ? JSON.stringify(previewBody) : null, 400);
  const preview = useQuery({
    queryKey: ['ws', ws, 'metrics', 'preview', debounced],
    queryFn: ({ signal }) => metricsApi.preview(ws, JSON.parse(debounced ?? '{}') as MetricBody, 'month', signal),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  const previewError = preview.isError ? preview.error : null;
  useEffect(() => {
    if (save.isPending) return;
    const details = isApiError(previewError) ? previewError.details.filter((d) => !(d.path?.includes('definition') || d.path?.[1] === 'name')) : [];
    // the formula editor lists the expression's problems itself: only underline them
    const left = placeErrors(form, details.filter((d) => !d.path?.includes('expression')), placed);
    setRanges(rangesOf(details));
    setUnplaced(left.map((d) => d.message));
  }, [previewError, preview.dataUpdatedAt]);

  const save = useMutation({
    mutationFn: (v: MetricFormValues) => {
      const b = bodyOf(v, dataset);
      if (!b) throw new Error(t('field.required'));
      return metric ? metricsApi.update(ws, metric.id, b) : metricsApi.create(ws, b);
    },
    onSuccess: (m) => {
      message.success(t('metrics.saved', { name: m.name }));
      void refresh();
      onClose();
    },
    onError: (e) => {
      if (!isApiError(e)) return;
      const left = placeErrors(form, e.details, placed);
      setRanges(rangesOf(e.details));
      setUnplaced(left.map((d) => d.message).filter((m) => m !== e.message));
    },
  });

  const columnOptions = (filter?: (type: string) => boolean) =>
    columns.filter((c) => !filter || filter(c.type)).map((c) => ({ value: c.name, label: `${c.name} · ${t(`datasets.types.${c.type as 'text'}`)}` }));
  const ownerKind = values?.spec?.owner?.kind ?? 'person';
  const required = { required: true, message: t('field.required') };

  const insertColumn = (name: string) => {
    const current = (form.getFieldValue(['spec', 'expression']) as string | undefined) ?? '';
    const token = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `[${name.replaceAll(']', ']]')}]`;
    form.setFieldValue(['spec', 'expression'], current.trim() === '' ? token : `${current} ${token}`);
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={narrow ? '100%' : 1080}
      title={metric ? t('metrics.builder.editTitle', { name: metric.name }) : t('metrics.builder.createTitle')}
      destroyOnHidden
      data-testid="metric-builder"
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={FORM_ID} loading={save.isPending} data-testid="metric-submit">
            {metric ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Form<MetricFormValues>
            id={FORM_ID}
            form={form}
            layout="vertical"
            initialValues={formValuesOf(metric)}
            scrollToFirstError
            onFinish={(v) => save.mutate(v)}
            onValuesChange={(changed: Partial<MetricFormValues>) => {
              if (changed.spec && 'expression' in changed.spec) setRanges([]);
              if ('datasetId' in changed) form.setFieldsValue({ spec: { ...form.getFieldValue('spec'), dateColumn: undefined, filters: [], owner: { ...form.getFieldValue(['spec', 'owner']), column: undefined } } });
            }}
            data-testid="metric-form"
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="name" label={t('metrics.builder.name')} rules={[required, { max: 100 }]}>
                  <Input autoFocus maxLength={100} placeholder={t('metrics.builder.namePlaceholder')} data-testid="metric-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="datasetId" label={t('metrics.builder.dataset')} rules={[required]}>
                  <Select loading={datasets.isPending} options={(datasets.data ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="metric-dataset" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name={['spec', 'aggregation']} label={t('metrics.builder.aggregation')} rules={[required]}>
                  <Select options={AGGREGATION_LIST.map((a) => ({ value: a, label: t(`metrics.aggregations.${a}`) }))} data-testid="metric-aggregation" />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name={['spec', 'dateColumn']} label={t('metrics.builder.dateColumn')} extra={t('metrics.builder.dateColumnHint')} rules={[required]}>
                  <Select options={columnOptions((type) => type === 'datetime')} disabled={!dataset} data-testid="metric-date-column" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name={['spec', 'expression']} label={t('metrics.builder.expression')} extra={t('metrics.builder.expressionHint')}>
              <FormulaEditor ws={ws} termNames={columns.map((c) => c.name)} extraRanges={ranges} hideUnused />
            </Form.Item>
            {columns.length > 0 && (
              <div style={{ marginTop: -12, marginBottom: 16 }} data-testid="metric-columns">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('metrics.builder.columns')}
                </Typography.Text>{' '}
                {columns.map((c) => (
                  <Tag.CheckableTag key={c.field} checked={false} onChange={() => insertColumn(c.name)} style={{ border: '1px dashed #d9d9d9', marginBottom: 4 }}>
                    {c.name}
                  </Tag.CheckableTag>
                ))}
              </div>
            )}
            <Typography.Text strong>{t('metrics.builder.filters')}</Typography.Text>
            <Form.List name={['spec', 'filters']}>
              {(fields, { add, remove }) => (
                <div style={{ marginTop: 8, marginBottom: 16 }} data-testid="metric-filters">
                  {fields.map((field) => {
                    const op = values?.spec?.filters?.[field.name]?.op ?? '=';
                    return (
                      <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }} data-testid="metric-filter">
                        <Form.Item name={[field.name, 'column']} rules={[required]} style={{ marginBottom: 8 }}>
                          <Select options={columnOptions()} placeholder={t('metrics.builder.filterColumn')} style={{ width: 170 }} aria-label={t('metrics.builder.filterColumn')} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'op']} style={{ marginBottom: 8 }}>
                          <Select options={FILTER_OP_LIST.map((o) => ({ value: o, label: t(`metrics.ops.${o}`) }))} style={{ width: 120 }} aria-label={t('metrics.builder.filterOp')} />
                        </Form.Item>
                        {NO_VALUE_OPS.includes(op) && <div style={{ flex: 1 }} />}
                        {!NO_VALUE_OPS.includes(op) && (
                          <Form.Item name={[field.name, 'values']} rules={[required]} style={{ marginBottom: 8, flex: 1, minWidth: 0 }}>
                            <Select
                              mode="tags"
                              maxCount={MULTI_OPS.includes(op) ? undefined : 1}
                              tokenSeparators={[',', '，']}
                              open={false}
                              suffixIcon={null}
                              placeholder={t('metrics.builder.filterValuesHint')}
                              style={{ width: '100%' }}
                              aria-label={t('metrics.builder.filterValues')}
                              data-testid="metric-filter-values"
                            />
                          </Form.Item>
                        )}
                        <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                      </div>
                    );
                  })}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ op: '=', values: [] })} disabled={!dataset} data-testid="metric-add-filter">
                    {t('metrics.builder.addFilter')}
                  </Button>
                </div>
              )}
            </Form.List>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name={['spec', 'owner', 'kind']} label={t('metrics.builder.ownerKind')} rules={[required]}>
                  <Select options={OWNER_KINDS.map((k) => ({ value: k, label: t(`metrics.ownerKinds.${k}`) }))} data-testid="metric-owner-kind" />
                </Form.Item>
              </Col>
              {ownerKind !== 'workspace' && (
                <Col xs={24} md={8}>
                  <Form.Item name={['spec', 'owner', 'column']} label={t('metrics.builder.ownerColumn')} rules={[required]}>
                    <Select options={columnOptions((type) => type === 'text')} disabled={!dataset} data-testid="metric-owner-column" />
                  </Form.Item>
                </Col>
              )}
              {ownerKind === 'person' && (
                <Col xs={24} md={8}>
                  <Form.Item name={['spec', 'owner', 'match']} label={t('metrics.builder.ownerMatch')} initialValue="name">
                    <Select options={(['name', 'email', 'employee_no'] as const).map((m) => ({ value: m, label: t(`metrics.match.${m}`) }))} data-testid="metric-owner-match" />
                  </Form.Item>
                </Col>
              )}
            </Row>
            <Form.Item name={['spec', 'unit']} label={t('metrics.builder.unit')} style={{ maxWidth: 240 }}>
              <Input maxLength={20} placeholder={t('metrics.builder.unitPlaceholder')} data-testid="metric-unit" />
            </Form.Item>
            <Form.Item name={['spec', 'definition']} label={t('metrics.builder.definition')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('metrics.builder.definitionPlaceholder')} data-testid="metric-definition" />
            </Form.Item>
            {unplaced.length > 0 && (
              <Alert
                type="error"
                showIcon
                title={t('metrics.builder.problems')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {unplaced.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                }
                style={{ marginBottom: 16 }}
                data-testid="metric-problems"
              />
            )}
            {save.isError && !isApiError(save.error) && <FormAlert error={save.error} />}
            {save.isError && isApiError(save.error) && save.error.code !== 'validation_failed' && <FormAlert error={save.error} />}
          </Form>
        </Col>
        <Col xs={24} lg={11}>
          <PreviewPane data={debounced === null ? undefined : preview.data} loading={preview.isFetching} idle={debounced === null} failed={preview.isError} unit={values?.spec?.unit ?? ''} />
        </Col>
      </Row>
    </Drawer>
  );
}

type PivotRow = { owner: string; matched: boolean; cells: Record<string, { value: number | null; rows: number; skipped: number }> };

/** The preview: owners × months, each value with the rows behind it; owners naming nobody are flagged. */
function PreviewPane({ data, loading, idle, failed, unit }: { data: MetricValues | undefined; loading: boolean; idle: boolean; failed: boolean; unit: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { periods, rows } = useMemo(() => {
    if (!data) return { periods: [] as string[], rows: [] as PivotRow[] };
    const periods = [...new Set(data.values.map((v) => v.period))].sort().slice(-12);
    const unmatched = new Set(data.unmatchedOwners);
    const byOwner = new Map<string, PivotRow>();
    for (const v of data.values) {
      if (!periods.includes(v.period)) continue;
      const row = byOwner.get(v.owner) ?? { owner: v.owner, matched: !unmatched.has(v.owner), cells: {} };
      row.cells[v.period] = { value: v.value, rows: v.rows, skipped: v.skipped };
      byOwner.set(v.owner, row);
    }
    return { periods, rows: [...byOwner.values()] };
  }, [data]);

  return (
    <div style={{ position: 'sticky', top: 0 }} data-testid="metric-preview">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('metrics.builder.preview')}
        </Typography.Title>
        {loading && <Spin size="small" />}
      </Space>
      {idle ? (
        <Typography.Paragraph type="secondary">{t('metrics.builder.previewIdle')}</Typography.Paragraph>
      ) : !data ? (
        failed ? <Typography.Paragraph type="secondary" data-testid="metric-preview-failed">{t('metrics.builder.previewFailed')}</Typography.Paragraph> : <Spin />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, opacity: failed ? 0.5 : 1 }}>
            {t('metrics.builder.previewLineage', { dataset: data.lineage.dataset, batches: data.lineage.batches, rows: data.lineage.rows.toLocaleString(lang) })}
          </Typography.Paragraph>
          {data.unmatchedOwners.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('metrics.builder.unmatched', { count: data.unmatchedOwners.length, owners: data.unmatchedOwners.slice(0, 10).join(t('common.enumSeparator')) + (data.unmatchedOwners.length > 10 ? '…' : '') })}
              data-testid="metric-unmatched"
            />
          )}
          <Table<PivotRow>
            size="small"
            rowKey="owner"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            style={{ opacity: failed ? 0.5 : 1 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('metrics.builder.previewEmpty')} /> }}
            columns={[
              {
                title: t('metrics.builder.previewOwner'),
                dataIndex: 'owner',
                fixed: 'left',
                render: (owner: string, r) => (r.matched ? owner || '—' : <Typography.Text type="warning">{owner || '—'}</Typography.Text>),
              },
              ...periods.map((period) => ({
                title: period,
                key: period,
                align: 'right' as const,
                render: (_: unknown, r: PivotRow) => {
                  const c = r.cells[period];
                  if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
                  const title = [t('metrics.builder.previewRows', { rows: c.rows }), c.skipped > 0 ? t('metrics.builder.previewSkipped', { skipped: c.skipped }) : ''].filter(Boolean).join(' · ');
                  return (
                    <span title={title} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {c.value === null ? '—' : c.value.toLocaleString(lang, { maximumFractionDigits: 2 })}
                      {unit && c.value !== null ? <Typography.Text type="secondary"> {unit}</Typography.Text> : null}
                      <div style={{ fontSize: 11, color: c.skipped > 0 ? '#d48806' : '#999' }}>{title}</div>
                    </span>
                  );
                },
              })),
            ]}
          />
        </>
      )}
    </div>
  );
}
