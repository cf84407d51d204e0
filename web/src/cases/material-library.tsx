import { FolderOpenOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../app/feedback.tsx";
import { isStaff, useSession } from "../session/session-context.tsx";
import type { CaseMaterial } from "./api.ts";
import { formatInstant, formatSize } from "./case-format.ts";
import "./material-library.css";
import {
  type LibraryFile,
  listCaseLibrary,
  listMyLibrary,
  orderForMaterial,
  reuseMaterial,
} from "./library-api.ts";

type Loaded =
  | { kind: "loading" }
  | { kind: "failed"; reason: string }
  | { kind: "ready"; files: LibraryFile[] };

/**
 * "从材料库选择": opens the applicant's earlier files (材料库) for one material and attaches the chosen one
 * without uploading it again. Applicants read their own library; a window clerk reads the walk-in
 * applicant's through the case they are filing (the draft is created first, as an upload would).
 */
export function MaterialLibraryButton({
  materialId,
  materialName,
  caseId,
  blocked,
  onReused,
}: {
  materialId: string;
  materialName: string;
  caseId: () => Promise<string>;
  blocked?: string | null;
  onReused: (row: CaseMaterial) => void;
}) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <Button
        icon={<FolderOpenOutlined aria-hidden />}
        aria-label={t("routing.library.openFor", { name: materialName })}
        onClick={() => {
          setProblem(blocked ?? null);
          if (!blocked) setIsOpen(true);
        }}
      >
        {t("routing.library.open")}
      </Button>
      {problem && (
        <Alert className="case-upload-problem" type="error" showIcon title={problem} role="alert" />
      )}
      {isOpen && (
        <LibraryPicker
          materialId={materialId}
          materialName={materialName}
          caseId={caseId}
          onClose={() => setIsOpen(false)}
          onReused={(row) => {
            setIsOpen(false);
            onReused(row);
          }}
        />
      )}
    </>
  );
}

function LibraryPicker({
  materialId,
  materialName,
  caseId,
  onClose,
  onReused,
}: {
  materialId: string;
  materialName: string;
  caseId: () => Promise<string>;
  onClose: () => void;
  onReused: (row: CaseMaterial) => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = isStaff(user);
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The draft editor hands a new function each render; the library is read once per opening.
  const draftId = useRef(caseId);
  draftId.current = caseId;

  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      const { items } = staff
        ? await listCaseLibrary(await draftId.current(), controller.signal)
        : await listMyLibrary(controller.signal);
      setLoaded({ kind: "ready", files: orderForMaterial(items, materialName) });
    };
    load().catch((error: unknown) => {
      if (!controller.signal.aborted) setLoaded({ kind: "failed", reason: errorText(error, t) });
    });
    return () => controller.abort();
  }, [staff, materialName, t]);

  const use = async (file: LibraryFile) => {
    setFailure(null);
    setBusy(file.fileId);
    try {
      onReused(await reuseMaterial(await caseId(), materialId, file.fileId));
    } catch (error) {
      setFailure(t("routing.library.failed", { reason: errorText(error, t) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      open
      title={t("routing.library.title", { name: materialName })}
      footer={<Button onClick={onClose}>{t("routing.library.close")}</Button>}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("routing.library.intro")}</Typography.Paragraph>
      {loaded.kind === "loading" && <p role="status">{t("routing.library.loading")}</p>}
      {loaded.kind === "failed" && <Alert type="error" showIcon role="alert" title={loaded.reason} />}
      {loaded.kind === "ready" && loaded.files.length === 0 && (
        <p className="case-muted">{t("routing.library.empty")}</p>
      )}
      {loaded.kind === "ready" && loaded.files.length > 0 && (
        <ul className="case-library">
          {loaded.files.map((file) => (
            <li key={file.fileId} className="case-library-file">
              <div>
                <strong>{file.name}</strong>{" "}
                {file.materialName === materialName && (
                  <Tag color="#135200">{t("routing.library.sameMaterial")}</Tag>
                )}
                <div className="case-muted">
                  {t("routing.library.usedIn", {
                    material: file.materialName,
                    item: file.itemName,
                    case: file.caseNumber ?? t("routing.library.draftCase"),
                  })}
                </div>
                <div className="case-muted">
                  {formatSize(file.size)} ·{" "}
                  {t("routing.library.lastUsed", { time: formatInstant(file.lastUsedAt) })}
                </div>
              </div>
              <Button
                type="primary"
                loading={busy === file.fileId}
                disabled={busy !== null && busy !== file.fileId}
                aria-label={t("routing.library.useFile", { name: file.name })}
                onClick={() => void use(file)}
              >
                {t("routing.library.use")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
    </Modal>
  );
}
