import { useMutation } from '@tanstack/react-query';
import { App, type ButtonProps, Form, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import FormAlert from '../../components/FormAlert.tsx';
import { type Metric, metricsApi, useRefreshMetrics } from './metrics-api.ts';

type Row = { term: string; indicators: Metric['bindings'][number]['indicators'] | null };

/** 绑定数据项: the terms this metric gives actuals to (a term per metric, across the workspace). */
export default function BindingsModal({ ws, metric, onClose }: { ws: string; metric: Metric; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshMetrics(ws);
  const initial = metric.bindings.map((b) => b.term);
  const [terms, setTerms] = useState<string[]>(initial);

  const save = useMutation({
    mutationFn: async () => {
      const wanted = [...new Set(terms.map((x) => x.trim()).filter(Boolean))];
      // unbind first, then bind: one call per term
      for (const term of initial.filter((x) => !wanted.includes(x))) await metricsApi.bind(ws, term, null);
      for (const term of wanted.filter((x) => !initial.includes(x))) await metricsApi.bind(ws, term, metric.id);
    },
    onSuccess: () => {
      message.success(t('metrics.bindings.saved'));
      void refresh();
      onClose();
    },
    onError: () => void refresh(),
  });

  const rows: Row[] = terms.map((term) => ({ term, indicators: metric.bindings.find((b) => b.term === term)?.indicators ?? null }));

  return (
    <Modal
      open
      title={t('metrics.bindings.title', { name: metric.name })}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'bindings-save' } as ButtonProps}
      width={640}
      destroyOnHidden
      data-testid="bindings-modal"
    >
      <Typography.Paragraph type="secondary">{t('metrics.bindings.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => save.mutate()}>
        <Form.Item label={t('metrics.bindings.terms')}>
          <Select
            mode="tags"
            value={terms}
            onChange={setTerms}
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，']}
            placeholder={t('metrics.bindings.termsPlaceholder')}
            aria-label={t('metrics.bindings.terms')}
            data-testid="bindings-terms"
          />
        </Form.Item>
      </Form>
      <FormAlert error={save.error} />
      {rows.length > 0 && (
        <Table<Row>
          size="small"
          rowKey="term"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('metrics.bindings.terms'), dataIndex: 'term', width: 180 },
            {
              title: t('metrics.bindings.usedBy'),
              dataIndex: 'indicators',
              render: (list: Row['indicators']) =>
                list === null ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : list.length === 0 ? (
                  <Typography.Text type="secondary">{t('metrics.bindings.notUsed')}</Typography.Text>
                ) : (
                  list.map((i) => <Tag key={i.id}>{i.name}</Tag>)
                ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
