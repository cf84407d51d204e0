import { Button, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../session/session-context.tsx";
import type { ItemDetail } from "./api.ts";
import { applyEntries } from "./apply-entries.ts";

/**
 * 在线办理 and 预约办理, offered as the item allows. A visitor is sent to sign in (and back here); a
 * signed-in person goes to the application. Appointments come later: that entry shows as not yet open.
 */
export function ApplyActions({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const entries = applyEntries(item.content, user !== null);
  const loginHref = `/login?next=${encodeURIComponent(`/items/${item.id}`)}`;

  return (
    <section aria-labelledby="apply-title" className="apply-actions no-print">
      <h2 id="apply-title" className="visually-hidden">
        {t("portal.apply.title")}
      </h2>
      {entries.online === null && (
        <Typography.Paragraph className="apply-offline">{t("portal.apply.offlineOnly")}</Typography.Paragraph>
      )}
      <div className="apply-buttons">
        {entries.online === "sign-in" && (
          <SignInFirst href={loginHref} label={t("portal.apply.online")} primary />
        )}
        {entries.online === "open" && (
          <span className="apply-entry">
            <Link to={`/apply/${item.id}`} className="apply-link apply-link-primary">
              {t("portal.apply.online")}
            </Link>
          </span>
        )}
        {entries.appointment === "sign-in" && (
          <SignInFirst href={loginHref} label={t("portal.apply.appointment")} />
        )}
        {entries.appointment === "not-open" && (
          <NotYetOpen
            id="apply-appointment"
            label={t("portal.apply.appointment")}
            reason={t("portal.apply.appointmentSoon")}
          />
        )}
      </div>
    </section>
  );
}

function SignInFirst({ href, label, primary }: { href: string; label: string; primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="apply-entry">
      <Link to={href} className={primary ? "apply-link apply-link-primary" : "apply-link"}>
        {label}
      </Link>
      <span className="apply-hint">{t("portal.apply.signInHint")}</span>
    </span>
  );
}

/**
 * An entry that is not open yet. aria-disabled keeps it focusable, so keyboard and screen-reader users
 * reach the reason too (a disabled button would be skipped, and its tooltip never shown).
 */
function NotYetOpen({
  id,
  label,
  reason,
  primary,
}: {
  id: string;
  label: string;
  reason: string;
  primary?: boolean;
}) {
  return (
    <span className="apply-entry">
      <Tooltip title={reason}>
        <Button
          type={primary ? "primary" : "default"}
          className="apply-not-open"
          aria-disabled="true"
          aria-describedby={`${id}-reason`}
          onClick={(event) => event.preventDefault()}
        >
          {label}
        </Button>
      </Tooltip>
      <span id={`${id}-reason`} className="visually-hidden">
        {reason}
      </span>
    </span>
  );
}
