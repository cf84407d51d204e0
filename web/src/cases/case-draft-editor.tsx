import { buildChecklist } from "@tongban/core";
import { Alert, Button, Form, Input, Typography } from "antd";
import type { TFunction } from "i18next";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../app/feedback.tsx";
import type { ItemDetail } from "../portal/api.ts";
import { SituationQuestion } from "../portal/situation-guide.tsx";
import {
  type CaseDetail,
  type CaseForm,
  type CaseMaterial,
  createCase,
  runAction,
  updateCase,
} from "./api.ts";
import { debounce, formatInstant, isContactComplete, missingRequired } from "./case-format.ts";
import { MaterialUploads } from "./material-uploads.tsx";

const AUTOSAVE_MS = 800;

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; reason: string };

/**
 * Filling in an application: contact details, the item's 情形引导 questions, and the checklist they
 * produce with an upload per material. The draft is created once the contact details are there and saved
 * after each pause (PUT); submit checks the required uploads first, as the server does.
 */
export function CaseDraftEditor({
  item,
  initial,
  defaults,
  applicant,
  onCreated,
  onSubmitted,
}: {
  item: ItemDetail;
  /** A draft being resumed. */
  initial?: CaseDetail;
  defaults: CaseForm;
  /** A walk-in applicant the window clerk files for. */
  applicant?: { accountId: string };
  onCreated?: (detail: CaseDetail) => void;
  onSubmitted: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const { content } = item;
  const [answers, setAnswers] = useState<Record<string, string>>(initial?.answers ?? {});
  const [form, setForm] = useState<CaseForm>(initial?.form ?? defaults);
  const [uploads, setUploads] = useState<CaseMaterial[]>(initial?.materials ?? []);
  const [caseId, setCaseId] = useState<string | null>(initial?.id ?? null);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const checklist = useMemo(() => buildChecklist(content, answers), [content, answers]);

  // The latest inputs and the one draft, kept in refs so saves queued earlier send what is current.
  const latest = useRef({ answers, form });
  latest.current = { answers, form };
  const created = useRef<Promise<string> | null>(initial ? Promise.resolve(initial.id) : null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const ensureCase = (): Promise<string> => {
    created.current ??= createCase({
      itemId: item.id,
      answers: latest.current.answers,
      form: latest.current.form,
      ...(applicant ? { applicant } : {}),
    }).then(
      (detail) => {
        setCaseId(detail.id);
        onCreated?.(detail);
        return detail.id;
      },
      (error: unknown) => {
        created.current = null;
        throw error;
      },
    );
    return created.current;
  };

  const saveNow = (): Promise<unknown> => {
    chain.current = chain.current
      .catch(() => undefined)
      .then(async () => {
        // The server keeps no draft without contact details, so nothing is sent until they are there.
        if (created.current === null && !isContactComplete(latest.current.form)) {
          setSave({ kind: "idle" });
          return;
        }
        setSave({ kind: "saving" });
        try {
          const isNew = created.current === null;
          const id = await ensureCase();
          if (!isNew) await updateCase(id, latest.current);
          setSave({ kind: "saved", at: formatInstant(new Date().toISOString()) });
        } catch (error) {
          setSave({ kind: "failed", reason: errorText(error, t) });
          throw error;
        }
      });
    return chain.current;
  };

  // The debouncer lives as long as the editor and always runs the latest render's save.
  const saveLatest = useRef(saveNow);
  saveLatest.current = saveNow;
  const saver = useRef(debounce(() => void saveLatest.current().catch(() => undefined), AUTOSAVE_MS));
  // Leaving the page mid-pause still saves what was typed.
  useEffect(() => () => saver.current.flush(), []);

  const change = (next: { answers?: Record<string, string>; form?: CaseForm }) => {
    if (next.answers) setAnswers(next.answers);
    if (next.form) setForm(next.form);
    latest.current = { answers: next.answers ?? answers, form: next.form ?? form };
    saver.current.call();
  };

  const missing = missingRequired(checklist, uploads);
  const blockers = [
    checklist.unanswered.length > 0 && t("cases.apply.unanswered", { count: checklist.unanswered.length }),
    missing.length > 0 && t("cases.apply.missing", { count: missing.length }),
    !isContactComplete(form) && t("cases.apply.contactIncomplete"),
  ].filter((line): line is string => typeof line === "string");

  const submit = async () => {
    setSubmitError(null);
    setIsSubmitting(true);
    try {
      saver.current.cancel();
      await saveNow();
      const id = await ensureCase();
      onSubmitted(await runAction(id, "submit"));
    } catch (error) {
      setSubmitError(errorText(error, t));
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <div className="case-editor">
      <section aria-labelledby="apply-contact" className="case-section">
        <Typography.Title level={2} id="apply-contact">
          {t("cases.apply.contact")}
        </Typography.Title>
        <Form
          layout="vertical"
          initialValues={form}
          onValuesChange={(_, values: CaseForm) => change({ form: { ...form, ...values } })}
          className="case-contact"
        >
          <Form.Item name="contactName" label={t("cases.apply.contactName")} required>
            <Input autoComplete="name" maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t("cases.apply.contactPhone")} required>
            <Input autoComplete="tel" inputMode="tel" maxLength={20} />
          </Form.Item>
          <Form.Item name="note" label={t("cases.apply.note")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </section>
      {content.situations.length > 0 && (
        <section aria-labelledby="apply-situations" className="case-section">
          <Typography.Title level={2} id="apply-situations">
            {t("cases.apply.situations")}
          </Typography.Title>
          <Typography.Paragraph>{t("cases.apply.situationsIntro")}</Typography.Paragraph>
          {content.situations.map((situation) => (
            <SituationQuestion
              key={situation.id}
              idPrefix="case-situation-"
              situation={situation}
              answer={answers[situation.id]}
              onAnswer={(label) => change({ answers: { ...answers, [situation.id]: label } })}
            />
          ))}
        </section>
      )}
      <section aria-labelledby="apply-materials" className="case-section">
        <Typography.Title level={2} id="apply-materials">
          {t("cases.apply.materials")}
        </Typography.Title>
        <Typography.Paragraph>{t("cases.apply.materialsIntro")}</Typography.Paragraph>
        <MaterialUploads
          materials={checklist.materials}
          uploads={uploads}
          caseIdForLinks={caseId}
          rules={{
            caseId: ensureCase,
            blocked: caseId === null && !isContactComplete(form) ? t("cases.apply.contactFirst") : null,
            mayRemove: true,
            onUploaded: (row) => setUploads((rows) => [...rows, row]),
            onRemoved: (rowId) => setUploads((rows) => rows.filter((row) => row.id !== rowId)),
          }}
        />
      </section>
      <p role="status" className="case-save-state">
        {saveText(save, t)}
      </p>
      {blockers.length > 0 && (
        <ul className="case-blockers">
          {blockers.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {submitError && <Alert type="error" showIcon title={submitError} role="alert" />}
      <Button
        type="primary"
        size="large"
        loading={isSubmitting}
        disabled={blockers.length > 0}
        onClick={() => void submit()}
      >
        {t("cases.apply.submit")}
      </Button>
    </div>
  );
}

function saveText(save: SaveState, t: TFunction): string {
  switch (save.kind) {
    case "idle":
      return t("cases.apply.notSavedYet");
    case "saving":
      return t("cases.apply.saving");
    case "saved":
      return t("cases.apply.saved", { time: save.at });
    case "failed":
      return t("cases.apply.saveFailed", { reason: save.reason });
  }
}
