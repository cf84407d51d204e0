import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { enUS } from "./en-US.ts";
import { zhCN } from "./zh-CN.ts";

/** The languages the UI speaks; zh-CN is the default. */
export const languages = ["zh-CN", "en-US"] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = "tongban.language";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof zhCN };
  }
}

function isLanguage(value: string | null): value is Language {
  return languages.some((language) => language === value);
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : "zh-CN";
  } catch {
    // Storage can be blocked (private mode, policy); the default language still works.
    return "zh-CN";
  }
}

/** Starts i18next with the remembered language and keeps <html lang> in step with it. */
export async function startI18n(): Promise<void> {
  i18next.on("languageChanged", (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { "zh-CN": { translation: zhCN }, "en-US": { translation: enUS } },
    lng: storedLanguage(),
    fallbackLng: "zh-CN",
    supportedLngs: [...languages],
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** The language currently shown. */
export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : "zh-CN";
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
  await i18next.changeLanguage(language);
}
