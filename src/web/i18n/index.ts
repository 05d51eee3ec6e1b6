/**
 * i18next set-up. zh-CN is the primary language; the choice is remembered in
 * localStorage and otherwise taken from the browser (navigator.languages, zh first).
 * Messages use single-brace placeholders, `{name}`, like the server's catalogue.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.ts';
import zhCN from './zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export const languages: Lang[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'kedu.lang';

function normalise(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** The language the user picked explicitly on this browser, if any. */
export function storedLanguage(): Lang | null {
  try {
    return normalise(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

export function detectLanguage(): Lang {
  const stored = storedLanguage();
  if (stored) return stored;
  const candidates = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const c of candidates) {
    const lang = normalise(c);
    if (lang) return lang;
  }
  return 'zh-CN';
}

export function currentLanguage(): Lang {
  return normalise(i18n.language) ?? 'zh-CN';
}

function applyDocumentLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = lang === 'en' ? 'Kedu 刻度' : '刻度 Kedu';
}

/** Switches the UI language; `remember` stores it as this browser's choice. */
export async function setLanguage(lang: Lang, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  applyDocumentLanguage(lang);
  await i18n.changeLanguage(lang);
}

const initial = detectLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: languages,
  initAsync: false,
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  returnNull: false,
});
applyDocumentLanguage(initial);

export default i18n;

/** t() for keys computed at run time (server codes, enum values); unknown keys fall back to `fallback`. */
export function tDynamic(key: string, params: Record<string, unknown> = {}, fallback?: string): string {
  const translate = i18n.t as unknown as (k: string, o?: Record<string, unknown>) => string;
  if (fallback !== undefined && !i18n.exists(key)) return fallback;
  return translate(key, params);
}
