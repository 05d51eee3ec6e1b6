import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeEffect } from '../../core/scoring/describe.ts';
import type { ScoreResult } from '../../core/scoring/types.ts';
import { currentLanguage } from '../i18n/index.ts';
import { num, pct } from './score-format.ts';

/** Under the table: each veto (and whether it bit) and the maximum total when it capped the score. */
export default function ScoreVetoes({ result }: { result: ScoreResult }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (result.vetoes.length === 0 && !result.maxTotal?.bit) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="score-vetoes"
      message={
        <Space direction="vertical" size={0}>
          {result.vetoes.map((v) => (
            <span key={v.key}>
              {t('score.vetoLine', {
                indicator: result.indicators.find((i) => i.key === v.key)?.name ?? v.key,
                achievement: pct(v.achievement),
                threshold: pct(v.threshold),
                effect: describeEffect(v.effect)[lang],
              })}
              {v.bit ? '' : t('score.vetoNotBit')}
            </span>
          ))}
          {result.maxTotal?.bit ? <span>{t('score.maxTotal', { value: num(result.maxTotal.value) })}</span> : null}
        </Space>
      }
    />
  );
}
