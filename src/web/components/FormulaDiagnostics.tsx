import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormulaDiagnostic } from '../api.ts';
import { feedback, space } from '../theme.ts';
import { nameToken } from './formula-text.ts';
import { MONO } from './mono.ts';

type Props = {
  diagnostics: FormulaDiagnostic[];
  /** Whether the diagnostics are for the text as it is now: only then can a fix replace a range of it. */
  current: boolean;
  onReplace: (start: number, end: number, text: string) => void;
};

/** The check's errors and warnings with their position, a "did you mean" fix, and an ambiguous division's two readings. */
export default function FormulaDiagnostics({ diagnostics, current, onReplace }: Props) {
  const { t } = useTranslation();
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: `${space.xs}px 0 0` }}>
      {diagnostics.map((d, i) => (
        <li
          key={`${d.code}-${d.start}-${i}`}
          data-testid="formula-diagnostic"
          data-severity={d.severity}
          data-code={d.code}
          style={{
            padding: '6px 10px',
            marginBottom: space.xs,
            borderInlineStart: `3px solid ${d.severity === 'error' ? feedback.error : feedback.warning}`,
            background: d.severity === 'error' ? feedback.errorBg : feedback.warningBg,
            borderRadius: 4,
          }}
        >
          <Typography.Text type={d.severity === 'error' ? 'danger' : 'warning'} strong>
            {d.severity === 'error' ? t('indicators.error') : t('indicators.warning')}
          </Typography.Text>{' '}
          <Typography.Text type="secondary">({t('indicators.position', { start: d.start + 1, end: Math.max(d.end, d.start + 1) })})</Typography.Text>{' '}
          <span data-testid="formula-message">{d.message}</span>
          {d.suggestion !== undefined && (
            <div style={{ marginTop: space.xs }}>
              <Button
                size="small"
                disabled={!current}
                onClick={() => onReplace(d.start, d.end, nameToken(d.suggestion ?? ''))}
                data-testid="formula-suggestion"
                data-suggestion={d.suggestion}
              >
                {t('indicators.didYouMean', { name: d.suggestion })}
              </Button>
            </div>
          )}
          {d.readings && d.readings.length > 0 && (
            <div style={{ marginTop: space.xs }}>
              <Typography.Text type="secondary">{t('indicators.chooseReading')}</Typography.Text>
              <Space direction="vertical" size={space.xs} style={{ display: 'flex', marginTop: space.xs }}>
                {d.readings.map((reading, j) => (
                  <Button
                    key={reading}
                    size="small"
                    disabled={!current}
                    onClick={() => onReplace(d.start, d.end, reading)}
                    data-testid="formula-reading"
                    data-reading-index={j}
                    style={{ fontFamily: MONO, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                  >
                    {reading}
                  </Button>
                ))}
              </Space>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
