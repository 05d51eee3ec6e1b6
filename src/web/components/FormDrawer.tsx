import { Button, Drawer, type DrawerProps, type FormInstance, Grid, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The form the drawer holds (rendered among `children`): the save button submits it. */
  form: FormInstance;
  title: ReactNode;
  /** Whether it shows; most callers render the drawer only while it is open. */
  open?: boolean;
  /** Cancel, the close icon and Esc. */
  onClose: () => void;
  /** The save is under way: the button spins and takes no second click. */
  saving: boolean;
  /** The save button's text; "Save" unless given (e.g. "Create" for a new record). */
  submitLabel?: string;
  /** The save button's test id (e2e and component tests click it). */
  submitTestId: string;
  /** Its width on a wide screen; below the breakpoint that width needs, it takes the whole screen. */
  width?: number;
  afterOpenChange?: DrawerProps['afterOpenChange'];
  'data-testid'?: string;
  children: ReactNode;
};

/** The narrowest screen (antd's breakpoints: sm 576, md 768, lg 992) a drawer this wide still leaves room on. */
const breakpointFor = (width: number) => (width <= 576 ? 'sm' : width <= 768 ? 'md' : 'lg');

/**
 * A form in a drawer with the footer every such form has: cancel and save, save spinning while the
 * request runs and submitting the form (its validation, then its `onFinish`). Esc, the close icon
 * and cancel all call `onClose`. Full width on a phone.
 */
export default function FormDrawer({ form, title, open = true, onClose, saving, submitLabel, submitTestId, width = 560, afterOpenChange, 'data-testid': testId, children }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens[breakpointFor(width)];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      keyboard
      size={narrow ? '100%' : width}
      title={title}
      destroyOnHidden
      afterOpenChange={afterOpenChange}
      data-testid={testId}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid={submitTestId}>
            {submitLabel ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
