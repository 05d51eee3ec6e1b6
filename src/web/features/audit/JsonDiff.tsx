import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { feedback, fontSize, space, text } from '../../theme.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));

const cell = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: fontSize.caption } as const;
const changedBg = { before: feedback.errorBg, after: feedback.successBg } as const;

/**
 * Before and after of an audited change, side by side; keys whose value changed are
 * highlighted (red before, green after). Non-object values are shown as JSON.
 */
export default function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (!(isObject(before) || before === null) || !(isObject(after) || after === null)) {
    return (
      <Row gutter={16}>
        {[
          ['before', before],
          ['after', after],
        ].map(([side, value]) => (
          <Col key={side as string} xs={24} md={12}>
            <Typography.Text strong>{t(side === 'before' ? 'audit.before' : 'audit.after')}</Typography.Text>
            <pre style={{ ...cell, whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(value, null, 2)}</pre>
          </Col>
        ))}
      </Row>
    );
  }
  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = new Set(keys.filter((k) => show(b[k]) !== show(a[k])));

  const side = (which: 'before' | 'after', obj: Json | null) => (
    <Col xs={24} md={12}>
      <Typography.Text strong>{t(which === 'before' ? 'audit.before' : 'audit.after')}</Typography.Text>
      {obj === null ? (
        <div>
          <Typography.Text type="secondary">{t('audit.noData')}</Typography.Text>
        </div>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: space.xs }} data-testid={`audit-${which}`}>
          <tbody>
            {keys.map((k) => (
              <tr key={k} data-changed={changed.has(k) || undefined} style={{ background: changed.has(k) ? changedBg[which] : undefined }}>
                <td style={{ ...cell, padding: '2px 8px', color: text.secondary, verticalAlign: 'top', whiteSpace: 'nowrap' }}>{k}</td>
                <td style={{ ...cell, padding: '2px 8px', wordBreak: 'break-all', fontWeight: changed.has(k) ? 600 : undefined }}>
                  {k in obj ? show(obj[k]) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Col>
  );

  return (
    <div data-testid="audit-diff">
      <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
        {t('audit.changed', { count: changed.size })}
      </Typography.Text>
      <Row gutter={16} style={{ marginTop: space.xs }}>
        {side('before', before)}
        {side('after', after)}
      </Row>
    </div>
  );
}
