import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, type FormInstance, Input, Row, Select, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorDetail, isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormDrawer from '../../components/FormDrawer.tsx';
import { placeNestedDetails } from '../../components/form-utils.ts';
import FormulaEditor, { type FormulaRange } from '../../components/FormulaEditor.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { type Dataset, useDatasets } from '../datasets/datasets-api.ts';
import MetricPreviewPane from './MetricPreviewPane.tsx';
import { bodyOf, formValuesOf, type MetricFormValues, MULTI_OPS, NO_VALUE_OPS } from './metric-form.ts';
import { AGGREGATION_LIST, FILTER_OP_LIST, type Metric, type MetricBody, metricsApi, OWNER_KINDS, useRefreshMetrics } from './metrics-api.ts';
import { border } from '../../theme.ts';

type Path = (string | number)[];

/**
 * Puts located server problems (['body', 'spec', 'filters', 0, 'values']…) on the builder's fields,
 * clearing the ones placed before; returns those that fit none (the whole `spec` is no field to mark).
 */
function placeErrors(form: FormInstance, details: ErrorDetail[], placed: { current: Path[] }): ErrorDetail[] {
  const result = placeNestedDetails(form, details, { previous: placed.current, accept: (name) => !(name.length === 1 && name[0] === 'spec') });
  placed.current = result.placed;
  return result.unplaced;
}

const rangesOf = (details: ErrorDetail[]): FormulaRange[] =>
  details
    .filter((d) => d.path?.includes('expression') && d.start !== undefined && d.end !== undefined)
    .map((d) => ({ start: d.start ?? 0, end: d.end ?? 0, severity: 'error' as const, message: d.message }));

/** 度量 builder (admins): the structured definition of a metric with a live preview of its values per owner and month. */
export default function MetricBuilder({ ws, metric, onClose }: { ws: string; metric: Metric | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: placed again when a preview answers (dataUpdatedAt), not when the form or the save's state changes
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
    <FormDrawer
      form={form}
      onClose={onClose}
      width={1080}
      title={metric ? t('metrics.builder.editTitle', { name: metric.name }) : t('metrics.builder.createTitle')}
      data-testid="metric-builder"
      saving={save.isPending}
      submitLabel={metric ? t('common.save') : t('common.create')}
      submitTestId="metric-submit"
    >
      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Form<MetricFormValues>
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
                  <Tag.CheckableTag key={c.field} checked={false} onChange={() => insertColumn(c.name)} style={{ border: `1px dashed ${border.control}`, marginBottom: 4 }}>
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
          <MetricPreviewPane data={debounced === null ? undefined : preview.data} loading={preview.isFetching} idle={debounced === null} failed={preview.isError} unit={values?.spec?.unit ?? ''} />
        </Col>
      </Row>
    </FormDrawer>
  );
}
