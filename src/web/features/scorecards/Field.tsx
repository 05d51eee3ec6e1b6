import { Form } from 'antd';
import type { ReactNode } from 'react';
import { space } from '../../theme.ts';
import { issuesAt, type LocatedIssue, statusOf } from './issues.ts';

/** Messages of the errors (and warnings) at a field, under it. */
export function FieldHelp({ issues }: { issues: LocatedIssue[] }) {
  const shown = issues.filter((i) => i.severity !== 'info');
  if (shown.length === 0) return null;
  return (
    <div data-testid="field-issues">
      {shown.map((i, n) => (
        <div key={n} data-severity={i.severity} data-code={i.code}>
          {i.message}
        </div>
      ))}
    </div>
  );
}

/** A labelled field showing the issues at `path` (errors red, warnings orange). */
export default function Field({ label, issues, path, children, extra, exact }: { label?: ReactNode; issues: LocatedIssue[]; path: (string | number)[]; children: ReactNode; extra?: ReactNode; exact?: boolean }) {
  const here = issuesAt(issues, path, exact);
  const status = statusOf(here);
  return (
    <Form.Item label={label} validateStatus={status} help={status ? <FieldHelp issues={here} /> : undefined} extra={extra} style={{ marginBottom: space.md }}>
      {children}
    </Form.Item>
  );
}
