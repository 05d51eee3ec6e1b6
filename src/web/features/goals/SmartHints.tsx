import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SMART_LETTERS } from '../../../core/goals/types.ts';
import { goalFormPath } from './goal-form.ts';
import type { SmartMessage } from './goals-api.ts';
import { LetterBadge, localized } from './labels.tsx';
import { feedback, fontSize, space } from '../../theme.ts';

/** The form field a SMART message is about (its path, as the form names it). */
export const fieldOf = (m: SmartMessage): string => String(goalFormPath(m.path)[0] ?? '');

/** The SMART messages about one field, under it, each with its letter (a hint, not an error: the goal can still be saved). */
export function SmartHints({ messages }: { messages: SmartMessage[] }) {
  const { i18n } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <div role="status" aria-live="polite" style={{ marginTop: space.xs }}>
      {messages.map((m) => (
        <div key={`${m.letter}-${m.code}`} style={{ display: 'flex', gap: space.xs, alignItems: 'flex-start', marginTop: space.xs }} data-testid={`smart-${m.letter}`} data-code={m.code}>
          <LetterBadge letter={m.letter} />
          <Typography.Text type="warning" style={{ fontSize: fontSize.small }}>
            {localized(m.message, i18n.language)}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** S · M · A · R · T at a glance: a letter is green when no message names it. */
export function SmartChecklist({ messages, checking }: { messages: SmartMessage[]; checking: boolean }) {
  const { t } = useTranslation();
  const failed = new Set(messages.map((m) => m.letter));
  return (
    <Space size={[12, 6]} wrap aria-busy={checking} data-testid="smart-checklist">
      {SMART_LETTERS.map((l) => (
        <span key={l} style={{ display: 'inline-flex', alignItems: 'center', gap: space.xs, opacity: checking ? 0.6 : 1 }} data-testid={`smart-letter-${l}`} data-state={failed.has(l) ? 'fail' : 'pass'}>
          {failed.has(l) ? <CloseCircleFilled style={{ color: feedback.warning }} aria-hidden /> : <CheckCircleFilled style={{ color: feedback.success }} aria-hidden />}
          <Typography.Text>{t(`goals.smart.letters.${l}`)}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}
