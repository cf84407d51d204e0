import type { ItemContent } from "@tongban/core";
import { Alert, App, Button, Form, Space, Tabs, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { todayInShanghai } from "../../app/dates.ts";
import { errorText, usePageTitle } from "../../app/feedback.tsx";
import { listDepartments } from "../organisations/api.ts";
import {
  type ChangeKind,
  createChange,
  getChange,
  getItemHistory,
  submitChange,
  updateChange,
  type Validation,
  validateContent,
} from "./api.ts";
import { CatalogLoaded, CatalogNav } from "./catalog-parts.tsx";
import {
  type EditorValues,
  emptyValues,
  type FieldError,
  parseEditor,
  toContentCandidate,
  toEditorValues,
} from "./content-form.ts";
import { BasicSection, BasisSection } from "./editor-basic.tsx";
import { FormSection } from "./editor-form.tsx";
import { MaterialsSection, SituationsSection } from "./editor-materials.tsx";
import { InstantRulesSection } from "./editor-rules.tsx";
import { ChannelSection, GuideSection, LimitsSection } from "./editor-service.tsx";
import { findingsOf } from "./findings.ts";
import { type ChangeMeta, ChangeMetaForm, ValidationPanel } from "./validation-panel.tsx";
import "./catalog.css";

/** What the editor starts from: a new item, the published item to change, or a saved draft. */
interface Start {
  kind: ChangeKind;
  itemId: string | null;
  changeId: string | null;
  values: EditorValues;
  meta: ChangeMeta;
}

const freshMeta = (): ChangeMeta => ({ effectiveFrom: todayInShanghai(), reason: "", lawChangedOn: "" });

/**
 * The item editor (/admin/catalog/edit?item=…, /admin/catalog/changes/:id/edit): the whole item document
 * as a form, checked as it is typed against the shared schema and, on the server, the consistency rules.
 */
export function EditorPage() {
  const { t } = useTranslation();
  const { id: changeId } = useParams();
  const [params] = useSearchParams();
  const itemId = params.get("item");
  const start = useApi(
    async (signal): Promise<Start> => {
      if (changeId) {
        const detail = await getChange(changeId, signal);
        const { change } = detail;
        return {
          kind: change.kind,
          itemId: change.item?.id ?? null,
          changeId: change.id,
          values: change.content ? toEditorValues(change.content) : emptyValues(),
          meta: {
            effectiveFrom: change.effectiveFrom,
            reason: change.reason,
            lawChangedOn: change.lawChangedOn ?? "",
          },
        };
      }
      if (itemId) {
        const history = await getItemHistory(itemId, signal);
        return {
          kind: "change",
          itemId,
          changeId: null,
          values: toEditorValues(history.item.content),
          meta: freshMeta(),
        };
      }
      return { kind: "create", itemId: null, changeId: null, values: emptyValues(), meta: freshMeta() };
    },
    [changeId, itemId],
  );
  usePageTitle(t("catalogAdmin.editor.title"));

  return (
    <CatalogLoaded loaded={start}>
      {(data) => <Editor key={`${changeId}|${itemId}`} start={data} />}
    </CatalogLoaded>
  );
}

function Editor({ start }: { start: Start }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EditorValues>();
  const [metaForm] = Form.useForm<ChangeMeta>();
  const departments = useApi((signal) => listDepartments({}, signal), []);
  const [changeId, setChangeId] = useState(start.changeId);
  const [validation, setValidation] = useState<Validation | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [blocking, setBlocking] = useState<Validation["findings"] | undefined>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const showAll = useRef(false);
  const shown = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | undefined>(undefined);

  /** Marks the fields the shared schema rejects: touched ones while typing, all after a save attempt. */
  const check = useCallback((): ItemContent | null => {
    const values = form.getFieldsValue(true) as EditorValues;
    const { content, errors } = parseEditor(values);
    setFieldErrors(errors);
    const visible = errors.filter((e) => showAll.current || form.isFieldTouched(e.name));
    const keys = visible.map((e) => e.name.join("."));
    form.setFields([
      ...shown.current
        .filter((key) => !keys.includes(key))
        .map((key) => ({ name: key.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [] })),
      ...visible.map((e) => ({ name: e.name, errors: [t(`catalogAdmin.validation.${e.reason}`)] })),
    ]);
    shown.current = keys;
    // The server knows what the browser cannot: codes per profile, departments, the rest of the catalog.
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      validateContent(toContentCandidate(values), controller.signal).then(
        (answer) => {
          if (!controller.signal.aborted) setValidation(answer);
        },
        () => undefined,
      );
    }, 600);
    return content;
  }, [form, t]);

  useEffect(() => {
    if (start.kind !== "cancel") check();
    return () => {
      clearTimeout(timer.current);
      request.current?.abort();
    };
  }, [check, start.kind]);

  /** Saves the draft (creating the change request the first time) and returns its id, or null. */
  const save = async (): Promise<string | null> => {
    let meta: ChangeMeta;
    try {
      meta = await metaForm.validateFields();
    } catch {
      message.error(t("catalogAdmin.editor.fixMeta"));
      return null;
    }
    let content: ItemContent | null = null;
    if (start.kind !== "cancel") {
      showAll.current = true;
      content = check();
      if (!content) {
        message.error(t("catalogAdmin.editor.fixFields"));
        return null;
      }
    }
    const body = {
      content,
      effectiveFrom: meta.effectiveFrom,
      reason: meta.reason.trim(),
      lawChangedOn: meta.lawChangedOn ? meta.lawChangedOn : null,
    };
    if (changeId) {
      await updateChange(changeId, body);
      return changeId;
    }
    const created = await createChange({ kind: start.kind, itemId: start.itemId, ...body });
    setChangeId(created.id);
    return created.id;
  };

  const saveDraft = async () => {
    setIsBusy(true);
    try {
      const id = await save();
      if (!id) return;
      message.success(t("catalogAdmin.editor.saved"));
      if (!start.changeId) await navigate(`/admin/catalog/changes/${id}/edit`, { replace: true });
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };

  const submit = async () => {
    setIsBusy(true);
    setBlocking(undefined);
    try {
      const id = await save();
      if (!id) return;
      await submitChange(id);
      message.success(t("catalogAdmin.editor.submitted"));
      await navigate(`/admin/catalog/changes/${id}`);
    } catch (error) {
      const findings = error instanceof ApiError ? findingsOf(error) : undefined;
      if (findings) setBlocking(findings);
      message.error(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };

  const title =
    start.kind === "create"
      ? t("catalogAdmin.editor.titleCreate")
      : start.kind === "cancel"
        ? t("catalogAdmin.editor.titleCancel", { name: start.values.name ?? "" })
        : t("catalogAdmin.editor.titleChange", { name: start.values.name ?? "" });

  return (
    <div className="page catalog-page">
      <CatalogNav />
      <Typography.Title level={1}>{title}</Typography.Title>
      <div className="catalog-editor">
        <div className="catalog-editor-form">
          {start.kind === "cancel" ? (
            <Alert type="warning" showIcon title={t("catalogAdmin.editor.cancelNotice")} />
          ) : (
            <Form
              form={form}
              layout="vertical"
              name="item"
              initialValues={start.values}
              onValuesChange={() => check()}
              aria-label={t("catalogAdmin.editor.formLabel")}
            >
              <Tabs
                items={[
                  {
                    key: "basic",
                    label: t("catalogAdmin.editor.tabs.basic"),
                    children: <BasicSection departments={departments.data?.items ?? []} />,
                  },
                  { key: "basis", label: t("catalogAdmin.editor.tabs.basis"), children: <BasisSection /> },
                  {
                    key: "materials",
                    label: t("catalogAdmin.editor.tabs.materials"),
                    children: <MaterialsSection />,
                  },
                  {
                    key: "situations",
                    label: t("catalogAdmin.editor.tabs.situations"),
                    // 申请表 beside the 情形 its conditions name (a tab of its own overflows the tab bar).
                    children: [<SituationsSection key="situations" />, <FormSection key="form" />],
                  },
                  { key: "limits", label: t("catalogAdmin.editor.tabs.limits"), children: <LimitsSection /> },
                  {
                    key: "channel",
                    label: t("catalogAdmin.editor.tabs.channel"),
                    children: (
                      <>
                        <ChannelSection />
                        <InstantRulesSection />
                      </>
                    ),
                  },
                  { key: "guide", label: t("catalogAdmin.editor.tabs.guide"), children: <GuideSection /> },
                ].map((tab) => ({ ...tab, forceRender: true }))}
              />
            </Form>
          )}
        </div>
        <aside className="catalog-editor-side" aria-label={t("catalogAdmin.editor.sideLabel")}>
          <ChangeMetaForm form={metaForm} initial={start.meta} />
          <Space wrap className="catalog-actions">
            <Button onClick={() => void saveDraft()} loading={isBusy}>
              {t("catalogAdmin.editor.saveDraft")}
            </Button>
            <Button type="primary" onClick={() => void submit()} loading={isBusy}>
              {t("catalogAdmin.editor.submit")}
            </Button>
          </Space>
          {start.kind !== "cancel" && (
            <ValidationPanel
              validation={validation}
              fieldErrorCount={fieldErrors.length}
              blocking={blocking}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
