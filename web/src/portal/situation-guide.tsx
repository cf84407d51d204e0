import { PrinterOutlined } from "@ant-design/icons";
import { buildChecklist, type Checklist, type Situation } from "@tongban/core";
import { Button, Radio, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInShanghai } from "../app/dates.ts";
import type { ItemDetail } from "./api.ts";
import { GuideSection, TextList } from "./guide-parts.tsx";
import { MaterialsTable } from "./materials-table.tsx";
import { printChecklist } from "./print-checklist.ts";

/**
 * 情形引导: the item's questions as radio groups; the core's buildChecklist turns the answers into this
 * applicant's materials and conditions — the same rules the case engine will check an application by.
 */
export function SituationGuide({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { content } = item;
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const checklist = useMemo(() => buildChecklist(content, answers), [content, answers]);
  const questionOf = (id: string) => content.situations.find((situation) => situation.id === id)?.question;

  if (content.situations.length === 0) return null;
  return (
    <GuideSection id="situations" title={t("portal.guide.sections.situations")} className="situation-guide">
      <div className="checklist-print-only checklist-print-header">
        <p className="checklist-print-title">{t("portal.checklist.printTitle")}</p>
        <p className="checklist-print-item">{content.name}</p>
        <p>{item.department.name}</p>
        <p>{t("portal.checklist.printedOn", { date: todayInShanghai() })}</p>
      </div>
      <div className="situation-questions">
        <Typography.Paragraph>{t("portal.checklist.intro")}</Typography.Paragraph>
        {content.situations.map((situation) => (
          <SituationQuestion
            key={situation.id}
            idPrefix="situation-"
            situation={situation}
            answer={answers[situation.id]}
            onAnswer={(label) => setAnswers((current) => ({ ...current, [situation.id]: label }))}
          />
        ))}
      </div>
      <Answers situations={content.situations} answers={answers} />
      <ChecklistView checklist={checklist} item={item} questionOf={questionOf} />
      <div className="checklist-actions no-print">
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={printChecklist}>
          {t("portal.checklist.print")}
        </Button>
        <Button onClick={() => setAnswers({})} disabled={Object.keys(answers).length === 0}>
          {t("portal.checklist.reset")}
        </Button>
      </div>
    </GuideSection>
  );
}

/** One 情形引导 question as a radio group; `idPrefix` keeps legend ids apart where two guides could meet. */
export function SituationQuestion({
  situation,
  answer,
  onAnswer,
  idPrefix,
}: {
  situation: Situation;
  answer: string | undefined;
  onAnswer: (label: string) => void;
  idPrefix: string;
}) {
  const legendId = `${idPrefix}${situation.id}`;
  return (
    <fieldset className="situation-question">
      <legend id={legendId}>{situation.question}</legend>
      <Radio.Group
        aria-labelledby={legendId}
        value={answer}
        onChange={(event) => onAnswer(String(event.target.value))}
        options={situation.options.map((option) => ({ label: option.label, value: option.label }))}
      />
    </fieldset>
  );
}

/** The answers as the printed checklist states them, so the sheet says which situation it is for. */
function Answers({
  situations,
  answers,
}: {
  situations: readonly Situation[];
  answers: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <div className="checklist-print-only checklist-answers">
      <h3>{t("portal.checklist.answers")}</h3>
      <dl>
        {situations.map((situation) => (
          <div key={situation.id}>
            <dt>{situation.question}</dt>
            <dd>{answers[situation.id] ?? t("portal.checklist.notAnswered")}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function ChecklistView({
  checklist,
  item,
  questionOf,
}: {
  checklist: Checklist;
  item: ItemDetail;
  questionOf: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const open = checklist.unanswered.length;
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h3 id="checklist-title">{t("portal.checklist.title")}</h3>
      <p role="status" className={open > 0 ? "checklist-status checklist-open" : "checklist-status"}>
        {open > 0 ? t("portal.checklist.unanswered", { count: open }) : t("portal.checklist.complete")}
      </p>
      <h4>{t("portal.checklist.materials")}</h4>
      <MaterialsTable
        materials={checklist.materials}
        licenceTypes={item.licenceTypes}
        questionOf={questionOf}
      />
      <h4>{t("portal.checklist.conditions")}</h4>
      {checklist.conditions.length === 0 ? (
        <Typography.Paragraph>{t("portal.checklist.noConditions")}</Typography.Paragraph>
      ) : (
        <TextList entries={checklist.conditions} ordered />
      )}
      <p className="checklist-print-only">{t("portal.checklist.disclaimer")}</p>
    </section>
  );
}
