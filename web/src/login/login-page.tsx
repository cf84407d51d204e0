import { Alert, Tabs, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { errorText, Loading, usePageTitle } from "../app/feedback.tsx";
import {
  type Credentials,
  confirmTotpEnrolment,
  createSession,
  type SessionInfo,
  verifyTotp,
} from "../session/api.ts";
import { isStaff, useSession } from "../session/session-context.tsx";
import { EnrolStep } from "./enrol-step.tsx";
import { isServerPath, landingPage } from "./landing.ts";
import { PasswordForm } from "./password-form.tsx";
import { SmsLoginForm } from "./sms-login-form.tsx";
import { TotpStep } from "./totp-step.tsx";

// After these the pending sign-in is gone (locked, expired): start again from the credentials.
const RESTART_CODES = new Set(["NO_PENDING_LOGIN", "ACCOUNT_LOCKED", "LOGIN_FAILED", "UNAUTHENTICATED"]);

/**
 * The sign-in page (/login): password or SMS code, then for staff the authenticator code (or, the
 * first time, setting one up). Afterwards back to `?next=` — an app page or a server page such as an
 * OIDC interaction — or to the user's own area.
 */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t("login.title"));
  const { info, user, isLoading, accept, refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);

  // Signed in (just now, or already when the page opened): leave for where the user was going.
  useEffect(() => {
    if (!user) return;
    const target = landingPage(next, isStaff(user));
    if (isServerPath(target)) window.location.assign(target);
    else void navigate(target, { replace: true });
  }, [user, next, navigate]);

  const run = async (step: () => Promise<SessionInfo>) => {
    setIsBusy(true);
    setError(undefined);
    try {
      // No welcome toast: the next page greets the person by name, and a toast would sit over its navigation.
      accept(await step());
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && RESTART_CODES.has(failure.code) && info?.stage !== undefined) {
        await refresh();
      }
    } finally {
      setIsBusy(false);
    }
  };

  const cancel = async () => {
    setError(undefined);
    await signOut().catch(() => refresh());
  };

  const signIn = (credentials: Credentials) => void run(() => createSession(credentials));
  const stage = info?.stage;

  return (
    <div className="page login-page">
      <Typography.Title level={1}>{t("login.title")}</Typography.Title>
      <div role="alert" className="login-error">
        {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
      </div>
      {isLoading || user ? (
        <Loading />
      ) : stage === "mfa" ? (
        <TotpStep isBusy={isBusy} onSubmit={(code) => void run(() => verifyTotp(code))} onCancel={cancel} />
      ) : stage === "enrol" ? (
        <EnrolStep
          isBusy={isBusy}
          onSubmit={(code) => void run(() => confirmTotpEnrolment(code))}
          onCancel={cancel}
        />
      ) : (
        <>
          <Typography.Paragraph>{t("login.intro")}</Typography.Paragraph>
          <Tabs
            defaultActiveKey={params.get("method") === "sms" ? "sms" : "password"}
            onChange={() => setError(undefined)}
            items={[
              {
                key: "password",
                label: t("login.passwordTab"),
                children: <PasswordForm isBusy={isBusy} onSubmit={signIn} />,
              },
              {
                key: "sms",
                label: t("login.smsTab"),
                children: <SmsLoginForm isBusy={isBusy} onSubmit={signIn} />,
              },
            ]}
          />
          <Typography.Paragraph className="login-register">
            {t("login.noAccount")}{" "}
            <Link to={next ? `/register?next=${encodeURIComponent(next)}` : "/register"}>
              {t("login.register")}
            </Link>
          </Typography.Paragraph>
          <Typography.Paragraph className="login-hint">{t("login.demoHint")}</Typography.Paragraph>
        </>
      )}
    </div>
  );
}
