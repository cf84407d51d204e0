import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Form, Upload } from "antd";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, NETWORK_ERROR, readCookie, toApiError } from "../../api/client.ts";
import { errorText } from "../../app/feedback.tsx";
import { type CatalogFile, catalogFileUrl } from "../../portal/api.ts";
import type { NamePath } from "./editor-fields.tsx";

/** What the server accepts (it checks the first bytes too); the file dialog offers only these. */
const ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png";
/** The server's limit, checked here first so nobody waits for a 10 MB upload to be refused. */
const MAX_BYTES = 10 * 1024 * 1024;

/** Uploads a blank form or sample as the raw body; the answer is the reference a draft stores. */
export async function uploadCatalogFile(file: File): Promise<CatalogFile> {
  // The session's CSRF cookie exists by now: every staff page has already read /api/session.
  const headers = new Headers({
    Accept: "application/json",
    "Content-Type": file.type || "application/octet-stream",
    "X-CSRF-Token": readCookie(document.cookie, "tb_csrf") ?? "",
  });
  let response: Response;
  try {
    response = await fetch(`/api/admin/catalog/files?name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: file,
    });
  } catch (cause) {
    throw new ApiError({ type: "about:blank", title: String(cause), status: 0, code: NETWORK_ERROR });
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as CatalogFile;
}

/**
 * A file of the item document (a material's blank form or sample, the result's sample) as a form
 * field: an upload button when empty, else the file's name (a link to preview it) and a remove button.
 */
export function FileField({ name, label }: { name: NamePath; label: string }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: "0 0 16px", minWidth: 0 }}>
      <legend style={{ fontSize: "inherit", border: 0, marginBottom: 4 }}>{label}</legend>
      <Form.Item name={name} noStyle>
        <FileInput label={label} />
      </Form.Item>
    </fieldset>
  );
}

function FileInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: CatalogFile | null;
  onChange?: (value: CatalogFile | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isBusy, setIsBusy] = useState(false);
  const hintId = useId();

  if (value) {
    return (
      <div>
        <a href={catalogFileUrl(value)} download={value.name}>
          <PaperClipOutlined aria-hidden /> {value.name}
        </a>{" "}
        <Button
          size="small"
          icon={<DeleteOutlined aria-hidden />}
          aria-label={t("catalogAdmin.editor.removeFile", { field: label, name: value.name })}
          onClick={() => onChange?.(null)}
        />
      </div>
    );
  }
  return (
    <div>
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size <= MAX_BYTES) return true;
          message.error(t("catalogAdmin.editor.fileTooLarge"));
          return Upload.LIST_IGNORE;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          if (!(file instanceof File)) return;
          setIsBusy(true);
          uploadCatalogFile(file)
            .then((ref) => {
              onSuccess?.(ref);
              onChange?.(ref);
              message.success(t("catalogAdmin.editor.fileUploaded", { name: ref.name }));
            })
            .catch((error: unknown) => {
              onError?.(error instanceof Error ? error : new Error(String(error)));
              message.error(errorText(error, t));
            })
            .finally(() => setIsBusy(false));
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={isBusy} aria-describedby={hintId}>
          {t("catalogAdmin.editor.uploadFile")}
        </Button>
      </Upload>{" "}
      <span id={hintId} className="catalog-muted">
        {t("catalogAdmin.editor.fileHint")}
      </span>
    </div>
  );
}
