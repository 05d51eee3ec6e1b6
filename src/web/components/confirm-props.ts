import type { ButtonProps } from 'antd';

/** OK button props for modal.confirm dialogs, with a stable test id (antd types have no data-* here). */
export const confirmOkProps = { 'data-testid': 'confirm-ok' } as unknown as ButtonProps;

/** Cancel button props for modal.confirm dialogs, with a stable test id. */
export const confirmCancelProps = { 'data-testid': 'confirm-cancel' } as unknown as ButtonProps;
