import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { todayInShanghai } from "../app/dates.ts";
import { grantStatus } from "./validity.ts";

const tones = { active: "ok", pending: "info", expired: "muted", revoked: "muted" } as const;

/** Whether a grant is in force today (Asia/Shanghai), in words. */
export function GrantStatusTag({
  grant,
}: {
  grant: { revoked: boolean; validFrom: string; validTo: string };
}) {
  const { t } = useTranslation();
  const status = grantStatus(grant, todayInShanghai());
  return <Tag className={`status-tag-${tones[status]}`}>{t(`authorise.status.${status}`)}</Tag>;
}
