import { CheckCircleFilled, CloseCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { checkPassword } from "./password-rules.ts";

/** The password rules as a checklist that ticks off while the person types. */
export function PasswordChecklist({ password, id }: { password: string; id: string }) {
  const { t } = useTranslation();
  return (
    <ul className="password-rules" id={id}>
      {checkPassword(password).map((rule) => (
        <li key={rule.key} className={rule.isMet ? "rule-met" : "rule-unmet"}>
          {rule.isMet ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}{" "}
          {t(`register.rule.${rule.key}`)}
          <span className="visually-hidden">
            {rule.isMet ? t("register.ruleMet") : t("register.ruleUnmet")}
          </span>
        </li>
      ))}
    </ul>
  );
}
