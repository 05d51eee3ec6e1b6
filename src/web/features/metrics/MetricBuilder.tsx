import { Alert, App, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormDrawer from '../../components/FormDrawer.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { space } from '../../theme.ts';
import type { Dataset } from '../datasets/datasets-api.ts';
import { useDatasets } from '../datasets/datasets-queries.ts';
import MetricFields from './MetricFields.tsx';
import MetricPreviewPane from './MetricPreviewPane.tsx';
import { useMetricErrors } from './metric-errors.ts';
import { bodyOf, formValuesOf, type MetricFormValues } from './metric-form.ts';
import type { Metric, MetricBody } from './metrics-api.ts';
import { useMetricPreview, useReloadMetric, useSaveMetric } from './metrics-queries.ts';

/** 度量 builder (admins): the structured definition of a metric with a live preview of its values per owner and month. */
export default function MetricBuilder({ ws, metric, onClose }: { ws: string; metric: Metric | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MetricFormValues>();
  const datasets = useDatasets(ws);
  const values = Form.useWatch([], { form, preserve: true }) as MetricFormValues | undefined;
  const dataset: Dataset | undefined = datasets.data?.find((d) => d.id === values?.datasetId);

  // the preview: a definition is not needed to see the values
  const body = bodyOf(values, dataset);
  const previewBody: MetricBody | null = body ? { ...body, name: body.name || '—', spec: { ...body.spec, definition: body.spec.definition || '—' } } : null;
  const debounced = useDebounced(previewBody ? JSON.stringify(previewBody) : null, 400);
  const preview = useMetricPreview(ws, debounced);
  const stale = useStaleVersion(metric?.version);
  const save = useSaveMetric(ws, metric, stale.version);
  const errors = useMetricErrors(form, preview.isError ? preview.error : null, preview.dataUpdatedAt, save.isPending);
  const reload = useReloadMetric(ws);
  const reloadMetric = async (id: string) => {
    save.reset();
    const fresh = await reload(id);
    form.resetFields();
    form.setFieldsValue(formValuesOf(fresh));
  };

  const submit = (v: MetricFormValues, version?: number) =>
    void save
      .mutateAsync(() => {
        const b = bodyOf(v, dataset);
        if (!b) throw new Error(t('field.required'));
        return version ? { ...b, version } : b;
      })
      .then(
        (m) => {
          message.success(t('metrics.saved', { name: m.name }));
          onClose();
        },
        (e) => (metric && stale.offer(e, { reload: () => reloadMetric(metric.id), reapply: (current) => submit(v, current) })) || errors.showSaveError(e),
      );

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
            onFinish={(v) => submit(v)}
            onValuesChange={(changed: Partial<MetricFormValues>) => {
              if (changed.spec && 'expression' in changed.spec) errors.clearRanges();
              if ('datasetId' in changed) form.setFieldsValue({ spec: { ...form.getFieldValue('spec'), dateColumn: undefined, filters: [], owner: { ...form.getFieldValue(['spec', 'owner']), column: undefined } } });
            }}
            data-testid="metric-form"
          >
            <MetricFields ws={ws} form={form} datasets={{ list: datasets.data, loading: datasets.isPending }} dataset={dataset} values={values} ranges={errors.ranges} />
            {errors.unplaced.length > 0 && (
              <Alert
                type="error"
                showIcon
                title={t('metrics.builder.problems')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: space.lg }}>
                    {errors.unplaced.map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                }
                style={{ marginBottom: space.lg }}
                data-testid="metric-problems"
              />
            )}
            {save.isError && !isApiError(save.error) && <FormAlert error={save.error} />}
            {save.isError && isApiError(save.error) && save.error.code !== 'validation_failed' && <FormAlert error={save.error} />}
            <StaleVersionDialog {...stale.dialog} />
          </Form>
        </Col>
        <Col xs={24} lg={11}>
          <MetricPreviewPane data={debounced === null ? undefined : preview.data} loading={preview.isFetching} idle={debounced === null} failed={preview.isError} unit={values?.spec?.unit ?? ''} />
        </Col>
      </Row>
    </FormDrawer>
  );
}
