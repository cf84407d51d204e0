import { App as AntApp, Button, Checkbox, Empty, Pagination, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { errorText, LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { formatInstant } from "../cases/case-format.ts";
import { isStaff, useSession } from "../session/session-context.tsx";
import { listMessages, markAllRead, markRead, type SiteMessage } from "./api.ts";
import { announceInboxChanged } from "./inbox-events.ts";
import "./messages.css";

const PAGE_SIZE = 20;

/**
 * 站内信 (/account/messages for applicants, /workbench/messages for staff): the person's case notices,
 * newest first; opening one marks it read and goes to its case.
 */
export function MessagesPage() {
  const { t } = useTranslation();
  usePageTitle(t("messages.title"));
  const { user } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get("page")) || 1);
  const unreadOnly = searchParams.get("unread") === "1";
  const inbox = useApi(
    (signal) => listMessages({ page, pageSize: PAGE_SIZE, unread: unreadOnly }, signal),
    [page, unreadOnly],
  );
  const caseLink = (id: string) => (isStaff(user) ? `/workbench/cases/${id}` : `/account/cases/${id}`);

  const changed = () => {
    announceInboxChanged();
    inbox.reload();
  };
  const read = async (item: SiteMessage): Promise<boolean> => {
    if (item.readAt) return true;
    try {
      await markRead(item.id);
      changed();
      return true;
    } catch (error) {
      message.error(errorText(error, t));
      return false;
    }
  };
  const open = async (item: SiteMessage) => {
    if ((await read(item)) && item.caseId) await navigate(caseLink(item.caseId));
  };
  const readAll = async () => {
    try {
      await markAllRead();
      changed();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  const setFilter = (next: { page?: number; unread?: boolean }) => {
    const params: Record<string, string> = {};
    const nextPage = next.page ?? 1;
    if (nextPage > 1) params.page = String(nextPage);
    if (next.unread ?? unreadOnly) params.unread = "1";
    setSearchParams(params);
  };

  const data = inbox.data;
  return (
    <div className="page messages-page">
      <Typography.Title level={1}>{t("messages.title")}</Typography.Title>
      <Typography.Paragraph>{t("messages.intro")}</Typography.Paragraph>
      <div className="messages-toolbar">
        <Typography.Text strong>{t("messages.unreadCount", { count: data?.unread ?? 0 })}</Typography.Text>
        <Checkbox checked={unreadOnly} onChange={(event) => setFilter({ unread: event.target.checked })}>
          {t("messages.unreadOnly")}
        </Checkbox>
        <Button onClick={() => void readAll()} disabled={!data?.unread}>
          {t("messages.markAllRead")}
        </Button>
      </div>
      {inbox.error ? (
        <LoadError error={inbox.error} onRetry={inbox.reload} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty description={<span className="table-empty">{t("messages.empty")}</span>} />
      ) : (
        <ul className="message-list" aria-label={t("messages.title")}>
          {data.items.map((item) => (
            <li key={item.id} className={item.readAt ? "message-item" : "message-item message-unread"}>
              <div className="message-meta">
                {item.readAt ? (
                  <Tag>{t("messages.read")}</Tag>
                ) : (
                  <Tag color="#a8071a">{t("messages.unread")}</Tag>
                )}
                <time dateTime={item.createdAt}>{formatInstant(item.createdAt)}</time>
              </div>
              <p className="message-body">{item.body}</p>
              <div className="message-actions">
                {item.caseId && (
                  <Button type="primary" onClick={() => void open(item)}>
                    {t("messages.openCase")}
                  </Button>
                )}
                {!item.readAt && <Button onClick={() => void read(item)}>{t("messages.markRead")}</Button>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {data && data.total > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          showSizeChanger={false}
          onChange={(next) => setFilter({ page: next })}
        />
      )}
    </div>
  );
}
