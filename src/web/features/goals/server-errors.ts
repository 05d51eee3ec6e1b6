import { ApiError, isApiError } from '../../api.ts';

type Path = (string | number)[];

/**
 * The same error with its details' paths renamed to the form's field names (a form edits the
 * API's startsOn + endsOn as one range, owner.unitId as ownerUnitId…), for applyNestedServerErrors.
 */
export function withFormPaths(error: unknown, rename: (path: Path) => Path): unknown {
  if (!isApiError(error)) return error;
  const details = error.details.map((d) => {
    if (!d.path) return d;
    const inBody = d.path[0] === 'body';
    const path = rename(inBody ? d.path.slice(1) : d.path);
    return { ...d, path: inBody ? ['body', ...path] : path };
  });
  return new ApiError(error.status, error.code, error.message, details);
}
