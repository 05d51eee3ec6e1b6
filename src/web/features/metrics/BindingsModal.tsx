import { App, type ButtonProps, Form, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import FormAlert from '../../components/FormAlert.tsx';
import type { Metric } from './metrics-api.ts';
import { useSaveBindings } from './metrics-queries.ts';

type Row = { term: string; indicators: Metric['bindings'][number]['indicators'] | null };

/** 绑定数据项: the terms this metric gives actuals to (a term per metric, across the workspace). */
export default function BindingsModal({ ws, metric, onClose }: { ws: string; metric: Metric; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [terms, setTerms] = useState<string[]>(metric.bindings.map((b) => b.term));
  const save = useSaveBindings(ws, metric);
  // a refusal is shown by the alert below (save.error)
  const submit = () =>
    void save.mutateAsync(terms).then(
      () => {
        message.success(t('metrics.bindings.saved'));
        onClose();
      },
      () => undefined,
    );

  const rows: Row[] = terms.map((term) => ({ term, indicators: metric.bindings.find((b) => b.term === term)?.indicators ?? null }));

  return (
    <Modal
      open
      title={t('metrics.bindings.title', { name: metric.name })}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'bindings-save' } as ButtonProps}
      width={640}
      destroyOnHidden
      data-testid="bindings-modal"
    >
      <Typography.Paragraph type="secondary">{t('metrics.bindings.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
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
