import { useTranslation } from 'react-i18next';
import { brand, fontSize, space } from '../theme.ts';

/** The dial mark and the product name. */
export default function Brand({ compact = false, inverted = false }: { compact?: boolean; inverted?: boolean }) {
  const { t } = useTranslation();
  const color = inverted ? brand.onPrimary : brand.primary;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: space.sm, fontWeight: 600, fontSize: fontSize.title, color }}>
      <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="16" cy="16" r="14" fill={color} />
        {[0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330].map((deg) => (
          <line
            key={deg}
            x1="16"
            y1="4.5"
            x2="16"
            y2={deg % 90 === 0 ? 8 : 6.5}
            stroke={inverted ? brand.primary : brand.onPrimary}
            strokeWidth="1.5"
            transform={`rotate(${deg} 16 16)`}
          />
        ))}
        <path d="M16 16 L16 9 M16 16 L21 19" stroke={inverted ? brand.primary : brand.onPrimary} strokeWidth="2.2" strokeLinecap="round" />
      </svg>
      {!compact && <span>{t('app.fullName')}</span>}
    </span>
  );
}
