import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { RouterProvider } from "react-router/dom";
import { ElderlyModeProvider, useElderlyMode } from "../elderly/elderly-mode.tsx";
import { SessionProvider } from "../session/session-context.tsx";
import { createRouter } from "./router.tsx";
import { themeFor } from "./theme.ts";

/** The whole app: preferences, AntD theme and locale, session, and the router. */
export function App() {
  return (
    <ElderlyModeProvider>
      <ThemedApp />
    </ElderlyModeProvider>
  );
}

function ThemedApp() {
  const { i18n } = useTranslation();
  const { isElderly } = useElderlyMode();
  const router = useMemo(createRouter, []);
  const theme = useMemo(() => themeFor(isElderly), [isElderly]);

  return (
    // autoInsertSpace off: "登 录" would read and match differently from the word "登录".
    <ConfigProvider
      locale={i18n.language === "en-US" ? enUS : zhCN}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
