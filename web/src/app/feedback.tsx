import { Alert, Button, Spin } from "antd";
import type { TFunction } from "i18next";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

/** The words to show for a failure: the server's Chinese title when it sent one, else a generic line. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.isFromServer) return error.title;
  return t("common.networkError");
}

/** A failed load, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t("common.loadFailed")}
      description={errorText(error, t)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    />
  );
}

/** A centred spinner with a spoken label while a page's data arrives. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status">
      <Spin description={t("common.loading")} />
    </div>
  );
}

/** Sets the browser tab title to "<page> · 通办" so each page is announced by its own name. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t("app.name");
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}
