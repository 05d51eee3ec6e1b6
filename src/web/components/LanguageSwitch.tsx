import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveLocale } from '../features/account/account-queries.ts';
import { useReadMe } from '../features/auth/auth-queries.ts';
import { currentLanguage, type Lang, setLanguage } from '../i18n/index.ts';

/**
 * 中文 / English. The choice is remembered on this browser and, when signed in,
 * saved as the account's language (PATCH /auth/me) so e-mails and the CLI follow it.
 */
export default function LanguageSwitch({ size = 'middle', compact = false }: { size?: 'small' | 'middle'; compact?: boolean }) {
  const { t } = useTranslation();
  const readMe = useReadMe();
  const saveLocale = useSaveLocale();
  const change = async (lang: Lang) => {
    await setLanguage(lang);
    const me = readMe();
    // the demo account is shared by every visitor: keep its language as it is
    if (me && !me.user.isDemo && me.user.locale !== lang) {
      saveLocale.mutate(lang, {
        // the switch itself already happened; a refused save (e.g. the demo account) only means it is not kept server-side
        onError: (e) => console.warn('language not saved to the account', e),
      });
    }
  };
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size={size}
      value={currentLanguage()}
      onChange={(v) => void change(v)}
      options={[
        { label: <span data-testid="lang-zh">{compact ? '中' : '中文'}</span>, value: 'zh-CN' },
        { label: <span data-testid="lang-en">{compact ? 'EN' : 'English'}</span>, value: 'en' },
      ]}
    />
  );
}
