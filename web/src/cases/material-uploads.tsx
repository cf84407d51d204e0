import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Tag, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../app/feedback.tsx";
import {
  type CaseMaterial,
  type ChecklistLine,
  deleteMaterial,
  materialFileUrl,
  uploadMaterial,
} from "./api.ts";
import { ACCEPT_UPLOADS, currentUploads, formatSize, MAX_UPLOAD_BYTES } from "./case-format.ts";
import { MaterialLibraryButton } from "./material-library.tsx";
import { PledgeChoice } from "./pledge-choice.tsx";

/** What the list of materials may do: show only, or upload (to some or all materials) and remove. */
export interface UploadRules {
  /** The case uploads go to; a lazy draft is created on the first upload when there is none yet. */
  caseId: () => Promise<string>;
  /** Material ids that take uploads; undefined: every material. */
  only?: ReadonlySet<string>;
  /** Why uploads cannot start yet (e.g. the draft still lacks contact details); shown instead of uploading. */
  blocked?: string | null;
  /** Whether uploads may be removed (draft and correction only). */
  mayRemove: boolean;
  onUploaded: (row: CaseMaterial) => void;
  onRemoved: (rowId: string) => void;
}

/**
 * The checklist's materials with their uploaded files: each file opens, shows its size and may be
 * removed; each material takes a new upload (PDF, JPEG, PNG, OFD). Refusals show the server's words.
 */
export function MaterialUploads({
  materials,
  uploads,
  caseIdForLinks,
  rules,
}: {
  materials: readonly ChecklistLine[];
  uploads: readonly CaseMaterial[];
  caseIdForLinks: string | null;
  rules?: UploadRules;
}) {
  const { t } = useTranslation();
  return (
    <ol className="case-materials">
      {materials.map((material) => (
        <li key={material.id} className="case-material">
          <div className="case-material-head">
            <span className="case-material-name">{material.name}</span>{" "}
            <Tag color={material.required ? "#a8071a" : "#595959"}>
              {material.required ? t("cases.upload.required") : t("cases.upload.optional")}
            </Tag>
          </div>
          {material.note && <p className="case-material-note">{material.note}</p>}
          <MaterialFiles
            materialId={material.id}
            materialName={material.name}
            uploads={currentUploads(uploads, material.id)}
            caseId={caseIdForLinks}
            rules={rules && (!rules.only || rules.only.has(material.id)) ? rules : undefined}
          />
          {rules?.mayRemove && <PledgeChoice material={material} caseId={caseIdForLinks} rules={rules} />}
        </li>
      ))}
    </ol>
  );
}

function MaterialFiles({
  materialId,
  materialName,
  uploads,
  caseId,
  rules,
}: {
  materialId: string;
  materialName: string;
  uploads: CaseMaterial[];
  caseId: string | null;
  rules: UploadRules | undefined;
}) {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (file: File) => {
    if (!rules) return;
    setProblem(null);
    if (rules.blocked) {
      setProblem(rules.blocked);
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setProblem(t("cases.upload.tooLarge", { name: file.name }));
      return;
    }
    setIsBusy(true);
    try {
      const id = await rules.caseId();
      rules.onUploaded(await uploadMaterial(id, materialId, file));
    } catch (error) {
      setProblem(t("cases.upload.failed", { name: file.name, reason: errorText(error, t) }));
    } finally {
      setIsBusy(false);
    }
  };

  const remove = async (row: CaseMaterial) => {
    if (!rules || !caseId) return;
    setProblem(null);
    try {
      await deleteMaterial(caseId, row.id);
      rules.onRemoved(row.id);
    } catch (error) {
      setProblem(errorText(error, t));
    }
  };

  return (
    <div className="case-material-files">
      {uploads.length === 0 ? (
        <p className="case-muted">{t("cases.upload.none")}</p>
      ) : (
        <ul className="case-files">
          {uploads.map((row) => (
            <li key={row.id}>
              {caseId ? (
                <a
                  href={materialFileUrl(caseId, row.id)}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={t("cases.upload.open", { name: row.name })}
                >
                  <PaperClipOutlined aria-hidden /> {row.name}
                </a>
              ) : (
                row.name
              )}{" "}
              <span className="case-muted">{formatSize(row.size)}</span>{" "}
              {rules?.mayRemove && (
                <Button
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t("cases.upload.remove", { name: row.name })}
                  onClick={() => void remove(row)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {rules && (
        <div className="case-material-add">
          <Upload
            accept={ACCEPT_UPLOADS}
            showUploadList={false}
            customRequest={({ file }) => {
              if (file instanceof File) void send(file);
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={isBusy}>
              {t("cases.upload.button", { name: materialName })}
            </Button>
          </Upload>
          {/* 材料库: what was given before is never asked for again. */}
          <MaterialLibraryButton
            materialId={materialId}
            materialName={materialName}
            caseId={rules.caseId}
            blocked={rules.blocked ?? null}
            onReused={rules.onUploaded}
          />
        </div>
      )}
      {problem && (
        <Alert className="case-upload-problem" type="error" showIcon title={problem} role="alert" />
      )}
    </div>
  );
}
