import { buildChecklist } from "@tongban/core";
import { Alert, Button, Typography } from "antd";
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
import { debounce, formatInstant, missingRequired } from "./case-format.ts";
import { FormFields } from "./form-fields.tsx";
import { type FieldErrors, formErrors, serverFieldErrors, shownErrors } from "./form-values.ts";
import { MaterialUploads } from "./material-uploads.tsx";
import { usePledged } from "./pledge-api.ts";

const AUTOSAVE_MS = 800;

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "invalid" }
  | { kind: "failed"; reason: string };

/**
 * Filling in an application: the item's 情形引导 questions, its application form (申请表, rendered from the
 * pinned version's definition and prefilled from the applicant's verified profile) and the checklist the
 * answers produce, with an upload per material. The draft is created at the first change and saved after
 * each pause (PUT) unless the form has a wrong type or length; submit checks the form and the required
 * uploads first, as the server does, and shows the server's field errors on the fields.
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
  /** A new draft's form values: what the server prefills from the applicant's profile. */
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
  // A resumed draft keeps the form of the version it was started under.
  const itemForm = initial?.itemForm ?? content.form;
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [uploads, setUploads] = useState<CaseMaterial[]>(initial?.materials ?? []);
  const [caseId, setCaseId] = useState<string | null>(initial?.id ?? null);
  const pledged = usePledged(caseId);
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
        // The server refuses a form with a wrong type or length (lenient check), so it is not sent.
        const { form: values, answers: given } = latest.current;
        if (Object.keys(formErrors(itemForm, values, given, false)).length > 0) {
          setSave({ kind: "invalid" });
          return;
        }
        setSave({ kind: "saving" });
        try {
          const isNew = created.current === null;
          const id = await ensureCase();
          if (!isNew) await updateCase(id, latest.current);
          setSave({ kind: "saved", at: formatInstant(new Date().toISOString()) });
          setServerErrors({});
        } catch (error) {
          const fields = serverFieldErrors(error);
          if (fields) setServerErrors(fields);
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

  const changeField = (id: string, value: CaseForm[string]) => {
    setTouched((previous) => new Set(previous).add(id));
    setServerErrors(({ [id]: _, ...rest }) => rest);
    change({ form: { ...form, [id]: value } });
  };

  const change = (next: { answers?: Record<string, string>; form?: CaseForm }) => {
    if (next.answers) setAnswers(next.answers);
    if (next.form) setForm(next.form);
    latest.current = { answers: next.answers ?? answers, form: next.form ?? form };
    saver.current.call();
  };

  // 告知承诺: a material pledged instead of uploaded is not missing.
  const missing = missingRequired(checklist, uploads).filter((id) => !pledged.has(id));
  const blockers = [
    checklist.unanswered.length > 0 && t("cases.apply.unanswered", { count: checklist.unanswered.length }),
    missing.length > 0 && t("cases.apply.missing", { count: missing.length }),
  ].filter((line): line is string => typeof line === "string");
  // Form problems do not disable submit: pressing it shows every one of them on its field.
  const formIssues = Object.keys(formErrors(itemForm, form, answers, true)).length;
  const isFormSavable = Object.keys(formErrors(itemForm, form, answers, false)).length === 0;
  const errors = shownErrors({
    form: itemForm,
    values: form,
    answers,
    touched,
    showAll,
    server: serverErrors,
  });
  const notes = formIssues > 0 ? [...blockers, t("forms.issues", { count: formIssues })] : blockers;

  const submit = async () => {
    setSubmitError(null);
    if (formIssues > 0) {
      setShowAll(true);
      setSubmitError(t("forms.issues", { count: formIssues }));
      return;
    }
    setIsSubmitting(true);
    try {
      saver.current.cancel();
      await saveNow();
      const id = await ensureCase();
      onSubmitted(await runAction(id, "submit"));
    } catch (error) {
      const fields = serverFieldErrors(error);
      if (fields) {
        setServerErrors(fields);
        setShowAll(true);
      }
      setSubmitError(errorText(error, t));
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <div className="case-editor">
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
      <section aria-labelledby="apply-form" className="case-section">
        <Typography.Title level={2} id="apply-form">
          {t("forms.title")}
        </Typography.Title>
        <Typography.Paragraph>{applicant ? t("forms.introWindow") : t("forms.intro")}</Typography.Paragraph>
        <FormFields form={itemForm} values={form} answers={answers} errors={errors} onChange={changeField} />
      </section>
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
            blocked: caseId === null && !isFormSavable ? t("forms.fixFirst") : null,
            mayRemove: true,
            onUploaded: (row) => setUploads((rows) => [...rows, row]),
            onRemoved: (rowId) => setUploads((rows) => rows.filter((row) => row.id !== rowId)),
          }}
        />
      </section>
      <p role="status" className="case-save-state">
        {saveText(save, t)}
      </p>
      {notes.length > 0 && (
        <ul className="case-blockers">
          {notes.map((line) => (
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
    case "invalid":
      return t("forms.notSaved");
    case "failed":
      return t("cases.apply.saveFailed", { reason: save.reason });
  }
}
