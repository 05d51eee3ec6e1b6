import { Checkbox, Form, type FormInstance, Input, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dataset } from './datasets-api.ts';

export type TargetValues = { mode: 'new' | 'existing'; name: string; description: string; datasetId?: string; saveTemplate: boolean; templateName: string };

type Props = { form: FormInstance<TargetValues>; datasets: Dataset[] | undefined; loading: boolean; templateNames: ReadonlySet<string> };

/** The import's second step: into a new dataset (its name, and whether to keep the mapping as a template) or an existing one. */
export default function ImportTargetFields({ form, datasets, loading, templateNames }: Props) {
  const { t } = useTranslation();
  return (
    <>
    <Form.Item name="mode">
      <Radio.Group
        optionType="button"
        options={[
          { value: 'new', label: t('importWizard.newDataset') },
          { value: 'existing', label: t('importWizard.existingDataset'), disabled: !datasets?.length },
        ]}
        data-testid="target-mode"
      />
    </Form.Item>
    <Form.Item noStyle dependencies={['mode', 'saveTemplate']}>
      {({ getFieldValue }) =>
        getFieldValue('mode') === 'existing' ? (
          <Form.Item name="datasetId" label={t('importWizard.pickDataset')} rules={[{ required: true, message: t('field.required') }]}>
            <Select options={(datasets ?? []).map((d) => ({ value: d.id, label: d.name }))} loading={loading} data-testid="target-dataset" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={t('importWizard.datasetName')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 100 }]}>
              <Input maxLength={100} data-testid="target-name" />
            </Form.Item>
            <Form.Item name="description" label={t('importWizard.description')}>
              <Input.TextArea rows={2} maxLength={2000} placeholder={t('importWizard.descriptionPlaceholder')} />
            </Form.Item>
            <Space align="start" wrap>
              <Form.Item name="saveTemplate" valuePropName="checked">
                <Checkbox
                  data-testid="target-save-template"
                  onChange={(e) => {
                    if (e.target.checked && !form.getFieldValue('templateName')) form.setFieldValue('templateName', form.getFieldValue('name'));
                  }}
                >{t('importWizard.saveTemplate')}</Checkbox>
              </Form.Item>
              {getFieldValue('saveTemplate') && (
                <Form.Item
                  name="templateName"
                  rules={[
                    { required: true, whitespace: true, message: t('field.required') },
                    { validator: async (_r, v: string | undefined) => { if (v && templateNames.has(v.trim())) throw new Error(t('importWizard.templateNameTaken')); } },
                  ]}
                  style={{ minWidth: 260 }}
                >
                  <Input maxLength={100} placeholder={t('importWizard.templateName')} aria-label={t('importWizard.templateName')} />
                </Form.Item>
              )}
            </Space>
          </>
        )
      }
    </Form.Item>
    </>
  );
}
