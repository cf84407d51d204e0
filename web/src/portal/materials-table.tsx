import type { Material } from "@tongban/core";
import { Table, type TableColumnsType, Tag } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { FileLink } from "./guide-parts.tsx";

/** A material as the table shows it; on a personal checklist it may name the question that added it. */
export type MaterialRow = Material & { addedBy?: string | null };

/**
 * The materials table of a guide (and of a personal checklist): name with its notes, form, copies,
 * whether required, who issues it, the electronic licence that replaces it (免证办), and the blank form
 * and sample to download.
 */
export function MaterialsTable({
  materials,
  licenceTypes,
  questionOf,
}: {
  materials: readonly MaterialRow[];
  licenceTypes: Readonly<Record<string, string>>;
  /** The question text of a situation id, for "needed because of your answer to …". */
  questionOf?: (situationId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Table<MaterialRow>
      className="materials-table"
      rowKey="id"
      columns={columns(t, licenceTypes, questionOf)}
      dataSource={[...materials]}
      pagination={false}
      size="small"
      bordered
      locale={{ emptyText: t("portal.guide.materials.empty") }}
    />
  );
}

function columns(
  t: TFunction,
  licenceTypes: Readonly<Record<string, string>>,
  questionOf: ((situationId: string) => string | undefined) | undefined,
): TableColumnsType<MaterialRow> {
  const none = t("portal.guide.none");
  return [
    {
      key: "index",
      title: t("portal.guide.materials.index"),
      render: (_, _m, index) => index + 1,
      width: 56,
    },
    {
      key: "name",
      title: t("portal.guide.materials.name"),
      render: (_, material) => (
        <MaterialName material={material} question={questionFor(material, questionOf)} />
      ),
    },
    {
      key: "forms",
      title: t("portal.guide.materials.forms"),
      render: (_, material) =>
        material.forms.map((form) => t(`portal.forms.${form}`)).join(t("portal.listSeparator")),
    },
    { key: "copies", title: t("portal.guide.materials.copies"), dataIndex: "copies" },
    {
      key: "required",
      title: t("portal.guide.materials.required"),
      render: (_, material) =>
        material.required ? t("portal.guide.materials.requiredYes") : t("portal.guide.materials.requiredNo"),
    },
    {
      key: "issuer",
      title: t("portal.guide.materials.issuer"),
      render: (_, material) => material.issuer ?? t("portal.guide.materials.selfPrepared"),
    },
    {
      key: "licence",
      title: t("portal.guide.materials.licence"),
      render: (_, material) =>
        material.licenceTypeRef
          ? t("portal.guide.materials.licenceReplaces", {
              name: licenceTypes[material.licenceTypeRef] ?? material.licenceTypeRef,
            })
          : none,
    },
    {
      key: "files",
      title: t("portal.guide.materials.files"),
      render: (_, material) =>
        material.blankForm || material.sample ? (
          <ul className="file-links">
            {material.blankForm && (
              <li>
                <FileLink
                  file={material.blankForm}
                  label={t("portal.guide.materials.blankForm", { name: material.blankForm.name })}
                />
              </li>
            )}
            {material.sample && (
              <li>
                <FileLink
                  file={material.sample}
                  label={t("portal.guide.materials.sample", { name: material.sample.name })}
                />
              </li>
            )}
          </ul>
        ) : (
          none
        ),
    },
  ];
}

function questionFor(
  material: MaterialRow,
  questionOf: ((situationId: string) => string | undefined) | undefined,
): string | undefined {
  if (!material.addedBy || !questionOf) return undefined;
  return questionOf(material.addedBy) ?? material.addedBy;
}

function MaterialName({ material, question }: { material: MaterialRow; question: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="material-name">
      <span className="material-title">{material.name}</span>
      {material.note && <span className="material-note">{material.note}</span>}
      {question && <span className="material-note">{t("portal.checklist.addedBy", { question })}</span>}
      {material.conditional && !question && (
        <Tag className="material-conditional">{t("portal.guide.materials.conditional")}</Tag>
      )}
    </div>
  );
}
