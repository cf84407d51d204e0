import { Descriptions, type DescriptionsProps, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type CatalogFile, catalogFileUrl } from "./api.ts";

/** One titled part of the guide: a region named by its heading, so screen readers can jump between them. */
export function GuideSection({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={`guide-section ${className ?? ""}`.trim()}>
      <Typography.Title level={2} id={`${id}-title`}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/** A list of texts, or the guide's word for "none" when there are none. */
export function TextList({ entries, ordered }: { entries: readonly string[]; ordered?: boolean }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Typography.Paragraph>{t("portal.guide.none")}</Typography.Paragraph>;
  const List = ordered ? "ol" : "ul";
  return (
    <List className="guide-list">
      {entries.map((entry, index) => (
        // Texts may repeat (two conditions worded alike), so the position is part of the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is static for the page's life.
        <li key={`${index}-${entry}`}>{entry}</li>
      ))}
    </List>
  );
}

/** Label–value rows in the bordered table style of printed guides. */
export function Facts({ items }: { items: NonNullable<DescriptionsProps["items"]> }) {
  return <Descriptions bordered column={1} size="small" items={items} className="guide-facts" />;
}

/** A download of a catalog file (blank form, sample, result sample). */
export function FileLink({ file, label }: { file: CatalogFile; label: string }) {
  return (
    <a href={catalogFileUrl(file)} download={file.name}>
      {label}
    </a>
  );
}
