import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import { applyServerErrors } from '../../components/form-utils.ts';
import { useMarkPersonLeft } from './org-queries.ts';

type Values = { leftOn: Dayjs };

/** "Mark as left": asks for the leaving date, then sets status 'left'. */
export default function MarkLeftModal({ ws, person, onClose }: { ws: string; person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const leave = useMarkPersonLeft(ws);
  const submit = (p: Person, leftOn: string) =>
    leave.mutate(
      { p, leftOn },
      {
        onSuccess: (left) => {
          message.success(t('people.markedLeft', { name: left.name }));
          onClose();
        },
        onError: (e) => applyServerErrors(form, e),
      },
    );
  return (
    <Modal
      open={person !== null}
      title={person ? t('people.markLeftTitle', { name: person.name }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => {
        leave.reset();
        form.resetFields();
      }}
    >
      <Typography.Paragraph type="secondary">{t('people.markLeftHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ leftOn: dayjs() }}
        onFinish={(v) => person && submit(person, v.leftOn.format('YYYY-MM-DD'))}
        data-testid="mark-left-form"
      >
        <Form.Item name="leftOn" label={t('people.leftOn')} rules={[{ required: true, message: t('field.required') }]}>
          <DatePicker autoFocus style={{ width: '100%' }} />
        </Form.Item>
        <FormAlert error={leave.error} />
        <FormButtons onCancel={onClose} submitLabel={t('people.markLeft')} loading={leave.isPending} testId="mark-left-submit" danger />
      </Form>
    </Modal>
  );
}
