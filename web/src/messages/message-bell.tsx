import { BellOutlined } from "@ant-design/icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { isStaff, useSession } from "../session/session-context.tsx";
import { listMessages } from "./api.ts";
import { onInboxChanged } from "./inbox-events.ts";
import "./messages.css";

// News arrive while a page stays open (a clerk acts on the case); a minute is soon enough for a badge.
const POLL_MS = 60_000;

/** The header's 站内信 link with the unread count, for anyone signed in; it counts again on every page. */
export function MessageBell() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [generation, setGeneration] = useState(0);
  const userId = user?.id ?? null;

  useEffect(() => onInboxChanged(() => setGeneration((n) => n + 1)), []);
  useEffect(() => {
    if (!userId) return;
    const timer = window.setInterval(() => setGeneration((n) => n + 1), POLL_MS);
    return () => window.clearInterval(timer);
  }, [userId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname and generation are the triggers to count again.
  useEffect(() => {
    if (!userId) {
      setUnread(0);
      return;
    }
    const controller = new AbortController();
    listMessages({ pageSize: 1 }, controller.signal).then(
      (page) => setUnread(page.unread),
      // A failed count keeps the last one; the page itself reports errors.
      () => undefined,
    );
    return () => controller.abort();
  }, [userId, pathname, generation]);

  if (!user) return null;
  return (
    <Link
      to={isStaff(user) ? "/workbench/messages" : "/account/messages"}
      className="header-link message-bell"
    >
      <BellOutlined aria-hidden />
      <span>{t("messages.bell")}</span>
      {unread > 0 && (
        <span className="message-badge" data-count={unread}>
          {unread > 99 ? "99+" : unread}
          <span className="visually-hidden">{t("messages.unreadSuffix")}</span>
        </span>
      )}
    </Link>
  );
}
