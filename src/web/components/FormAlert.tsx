import { Alert } from 'antd';
import { space } from '../theme.ts';
import { errorMessage } from './form-utils.ts';

/** The server's (already translated) message for a failed submit, above the form's buttons. */
export default function FormAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert
      data-testid="form-error"
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error)}
      style={{ marginBottom: space.lg }}
    />
  );
}
