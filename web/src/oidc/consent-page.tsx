import { Alert, Button, Checkbox, Result, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { errorText, LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { type ConsentRequest, decideConsent, getConsentRequest, type OidcScope } from "./api.ts";
import "./oidc.css";

/**
 * The consent page (/oidc/consent/:uid): which client system asks, what each requested piece of data
 * means, and approve or deny. The full identifier is released only when the person ticks it.
 */
export function ConsentPage() {
  const { t } = useTranslation();
  usePageTitle(t("oidc.consent.title"));
  const { uid = "" } = useParams();
  const request = useApi((signal) => getConsentRequest(uid, signal), [uid]);

  if (request.isLoading) return <Loading />;
  if (request.error instanceof ApiError && request.error.status === 404) {
    return (
      <Result
        status="warning"
        title={<h1 className="consent-result-title">{t("oidc.consent.expiredTitle")}</h1>}
        subTitle={t("oidc.consent.expiredBody")}
      />
    );
  }
  if (request.error !== undefined || !request.data) {
    return (
      <div className="page">
        <Typography.Title level={1}>{t("oidc.consent.title")}</Typography.Title>
        <LoadError error={request.error} onRetry={request.reload} />
      </div>
    );
  }
  return <ConsentForm request={request.data} />;
}

function ConsentForm({ request }: { request: ConsentRequest }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ReadonlySet<OidcScope>>(new Set());
  const [busy, setBusy] = useState<"approve" | "deny" | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const { client } = request;

  const decide = async (approve: boolean) => {
    setBusy(approve ? "approve" : "deny");
    setError(undefined);
    try {
      const scopes = request.scopes.filter((s) => !s.explicit || chosen.has(s.name)).map((s) => s.name);
      const { redirectTo } = await decideConsent(request.uid, approve ? { approve, scopes } : { approve });
      // Back through the provider to the client system: a page of another origin, so a full load.
      window.location.assign(redirectTo);
    } catch (failure) {
      setError(failure);
      setBusy(undefined);
    }
  };

  const toggle = (scope: OidcScope, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(scope);
    else next.delete(scope);
    setChosen(next);
  };

  return (
    <div className="page consent-page">
      <Typography.Title level={1}>{t("oidc.consent.title")}</Typography.Title>
      <Typography.Paragraph className="consent-intro">
        {client.department
          ? t("oidc.consent.intro", { client: client.name, department: client.department })
          : t("oidc.consent.introNoDepartment", { client: client.name })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t("oidc.consent.account", { name: request.account.displayName })}
      </Typography.Paragraph>

      <section aria-labelledby="consent-scopes-title">
        <Typography.Title level={2} id="consent-scopes-title">
          {t("oidc.consent.scopesTitle")}
        </Typography.Title>
        <ul className="consent-scopes">
          {request.scopes.map(({ name, explicit }) => (
            <li key={name} className={explicit ? "consent-scope consent-scope-explicit" : "consent-scope"}>
              {explicit ? (
                <Checkbox
                  checked={chosen.has(name)}
                  onChange={(event) => toggle(name, event.target.checked)}
                  aria-describedby={`scope-${name}-description`}
                >
                  <strong>
                    {t("oidc.consent.explicitChoice", { scope: t(`oidc.scopes.${name}.title`) })}
                  </strong>
                </Checkbox>
              ) : (
                <strong className="consent-scope-title">{t(`oidc.scopes.${name}.title`)}</strong>
              )}
              <p id={`scope-${name}-description`} className="consent-scope-description">
                {t(`oidc.scopes.${name}.description`)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <Typography.Paragraph type="secondary">{t("oidc.consent.notice")}</Typography.Paragraph>
      <div role="alert">
        {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
      </div>
      <div className="consent-actions">
        <Button
          type="primary"
          size="large"
          loading={busy === "approve"}
          disabled={busy !== undefined}
          onClick={() => void decide(true)}
        >
          {t("oidc.consent.approve")}
        </Button>
        <Button
          size="large"
          loading={busy === "deny"}
          disabled={busy !== undefined}
          onClick={() => void decide(false)}
        >
          {t("oidc.consent.deny")}
        </Button>
      </div>
    </div>
  );
}
