import { App as AntApp, Button, Dropdown } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../app/feedback.tsx";
import { actFor } from "./api.ts";
import { useSession } from "./session-context.tsx";

const SELF = "self";

/** Switches between acting for oneself and for a company, answering the changed session. */
function useActFor() {
  const { t } = useTranslation();
  const { accept } = useSession();
  const { message } = AntApp.useApp();
  const [isBusy, setIsBusy] = useState(false);
  const switchTo = async (companyId: string | null) => {
    setIsBusy(true);
    try {
      accept(await actFor(companyId));
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };
  return { switchTo, isBusy };
}

/** A header menu to act for a company the person is an agent (经办人) of, or for themselves. */
export function ActingForSwitch() {
  const { t } = useTranslation();
  const { info } = useSession();
  const { switchTo, isBusy } = useActFor();
  if (info?.stage !== "active" || info.companies.length === 0) return null;

  const items = [
    { key: SELF, label: t("actingFor.self") },
    ...info.companies.map((company) => ({ key: company.id, label: company.name })),
  ];
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items,
        selectable: true,
        selectedKeys: [info.actingFor?.id ?? SELF],
        onClick: ({ key }) => void switchTo(key === SELF ? null : key),
      }}
    >
      <Button className="header-button" loading={isBusy}>
        {t("actingFor.switch")}
      </Button>
    </Dropdown>
  );
}

/** The strip under the header while someone acts for a company, with the way back. */
export function ActingForBar() {
  const { t } = useTranslation();
  const { info } = useSession();
  const { switchTo, isBusy } = useActFor();
  if (!info?.actingFor) return null;
  return (
    <div className="acting-for-bar" data-testid="acting-for">
      <div className="acting-for-inner">
        <p>{t("actingFor.banner", { name: info.actingFor.name })}</p>
        <Button size="small" onClick={() => void switchTo(null)} loading={isBusy}>
          {t("actingFor.back")}
        </Button>
      </div>
    </div>
  );
}
