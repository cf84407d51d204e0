import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** The real-name levels the platform knows; a service may require a minimum level. */
export const realNameLevels = [1, 2, 3] as const;
type Level = (typeof realNameLevels)[number];

function asLevel(level: number): Level {
  return level >= 3 ? 3 : level <= 1 ? 1 : 2;
}

/** A badge with the user's real-name level, e.g. "L2 实名认证". */
export function RealNameBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  const known = asLevel(level);
  return (
    <Tag className={`real-name-badge ${known >= 2 ? "status-tag-ok" : "status-tag-warn"}`}>
      {t(`account.level.${known}`)}
    </Tag>
  );
}

/** What each level means, so people know why a service asks for more. */
export function RealNameLevelsExplained() {
  const { t } = useTranslation();
  return (
    <dl className="level-list">
      {realNameLevels.map((level) => (
        <div key={level}>
          <dt>{t(`account.level.${level}`)}</dt>
          <dd>{t(`account.levelExplained.${level}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
