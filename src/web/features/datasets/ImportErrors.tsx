import { type ErrorDetail, isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import ImportErrorTable from '../../components/ImportErrorTable.tsx';
import { space } from '../../theme.ts';

/** Why an import failed: the message, with the dataset's field problems listed or the file's row problems in a table. */
export default function ImportErrors({ error }: { error: Error | null }) {
  if (error == null) return null;
  const rowErrors: ErrorDetail[] = isApiError(error) && error.code === 'import_failed' ? error.details : [];
  const fieldErrors: ErrorDetail[] = isApiError(error) && error.code === 'validation_failed' ? error.details : [];
  return (
    <div style={{ marginTop: space.lg }} data-testid="dataset-import-error">
      <FormAlert error={error} />
      {fieldErrors.length > 0 && (
        <ul style={{ marginTop: -space.sm }}>
          {fieldErrors.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      )}
      {rowErrors.length > 0 && <ImportErrorTable details={rowErrors} />}
    </div>
  );
}
