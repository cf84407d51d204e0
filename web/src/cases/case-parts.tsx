import type { CaseStatus } from "@tongban/core";
import { Descriptions, Tag, Timeline, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CaseDetail, CaseEvent } from "./api.ts";
import { formatInstant } from "./case-format.ts";
import { type Channel, type ClockResult, channels } from "./case-types.ts";

// Dark tag colours keep white text at 4.5:1 contrast (axe checks every tag).
const statusColors: Record<CaseStatus, string> = {
  draft: "#595959",
  submitted: "#0050b3",
  "correction-requested": "#873800",
  accepted: "#006d75",
  "accepted-pending": "#614700",
  "not-accepted": "#a8071a",
  "under-review": "#10239e",
  suspended: "#391085",
  decided: "#135200",
  completed: "#135200",
  withdrawn: "#595959",
  terminated: "#a8071a",
};

/** A case status as a coloured tag with its name in the UI language. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  // Tags stay legible in 长辈版: the status name is the content, the colour only a hint.
  return <Tag color={statusColors[status]}>{t(`cases.status.${status}`)}</Tag>;
}

/**
 * The name of an action or a system event in the UI language; events the UI has no words for show the
 * server's name. Dots become dashes because i18next reads a dot as a nesting step (case.overdue).
 */
export function actionText(action: string, t: TFunction, serverName?: string): string {
  const key = `cases.action.${action.replaceAll(".", "-")}`;
  const text = t(key as "cases.action.save");
  return text === key ? (serverName ?? action) : text;
}

/** A channel's name in the UI language; channels the UI does not know show their code. */
export function channelText(channel: string, t: TFunction): string {
  return (channels as readonly string[]).includes(channel)
    ? t(`cases.channel.${channel as Channel}`)
    : channel;
}

/** The timeline of a case: who did what, for whom, through which channel, when, and why. */
export function CaseTimeline({
  events,
  applicant,
  headingLevel = 2,
}: {
  events: CaseEvent[];
  /** Whom events acted for, so "on behalf of" shows a name, not an id. */
  applicant: { id: string; name: string };
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-timeline-title" className="case-section">
      <Typography.Title level={headingLevel} id="case-timeline-title">
        {t("cases.timeline.title")}
      </Typography.Title>
      {events.length === 0 ? (
        <Typography.Paragraph>{t("cases.timeline.empty")}</Typography.Paragraph>
      ) : (
        <Timeline
          className="case-timeline"
          items={events.map((event) => ({
            key: event.id,
            content: <EventEntry event={event} applicant={applicant} />,
          }))}
        />
      )}
    </section>
  );
}

function EventEntry({ event, applicant }: { event: CaseEvent; applicant: { id: string; name: string } }) {
  const { t } = useTranslation();
  const facts = eventFacts(event, t);
  return (
    <div className="case-event">
      <p className="case-event-head">
        <strong>{actionText(event.action, t, event.actionName)}</strong>
        {event.toStatus && event.toStatus !== event.fromStatus && (
          <>
            {" → "}
            <CaseStatusTag status={event.toStatus} />
          </>
        )}
      </p>
      <p className="case-event-meta">
        <time dateTime={event.at}>{formatInstant(event.at)}</time>
        {" · "}
        {event.actor ? event.actor.name : t("cases.timeline.system")}
        {event.onBehalfOfId &&
          ` · ${t("cases.timeline.onBehalf", {
            name: event.onBehalfOfId === applicant.id ? applicant.name : t("cases.timeline.someone"),
          })}`}
        {` · ${channelText(event.channel, t)}`}
      </p>
      {event.comment && <p>{t("cases.timeline.comment", { text: event.comment })}</p>}
      {facts.map((fact) => (
        <p key={fact}>{fact}</p>
      ))}
    </div>
  );
}

/** The details of an event that people need: reason, days, due date, outcome, delivery, materials. */
function eventFacts(event: CaseEvent, t: TFunction): string[] {
  const d = event.details;
  const facts: string[] = [];
  if (typeof d.reason === "string") facts.push(t("cases.timeline.reason", { text: d.reason }));
  if (typeof d.days === "number") facts.push(t("cases.timeline.days", { count: d.days }));
  if (typeof d.dueDate === "string") facts.push(t("cases.timeline.dueDate", { date: d.dueDate }));
  if (d.outcome === "approved" || d.outcome === "rejected") {
    facts.push(t("cases.timeline.outcome", { outcome: t(`cases.outcome.${d.outcome}`) }));
  }
  const method =
    typeof d.delivery === "object" && d.delivery !== null
      ? (d.delivery as { method?: unknown }).method
      : d.delivery;
  if (method === "electronic" || method === "pickup" || method === "mail") {
    facts.push(t("cases.timeline.delivery", { delivery: t(`cases.delivery.${method}`) }));
  }
  if (Array.isArray(d.materials) && d.materials.length > 0) {
    const names = (d.materials as { name?: string; materialId?: string; problem?: string }[]).map((m) =>
      m.problem ? `${m.name ?? m.materialId}（${m.problem}）` : (m.name ?? m.materialId ?? ""),
    );
    facts.push(t("cases.timeline.materials", { names: names.join(t("portal.listSeparator")) }));
  }
  return facts;
}

/** The promised (承诺) and statutory (法定) clocks: due date, working days used and left. */
export function CaseClock({ clock, headingLevel = 2 }: { clock: CaseDetail["clock"]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-clock-title" className="case-section">
      <Typography.Title level={headingLevel} id="case-clock-title">
        {t("cases.clock.title")}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: "promised",
            label: t("cases.clock.promised"),
            children: <ClockLine clock={clock.promised} />,
          },
          {
            key: "statutory",
            label: t("cases.clock.statutory"),
            children: <ClockLine clock={clock.statutory} />,
          },
        ]}
      />
    </section>
  );
}

function ClockLine({ clock }: { clock: ClockResult }) {
  const { t } = useTranslation();
  if (!clock.due) return <span>{t("cases.clock.notStarted")}</span>;
  const days = (count: number) => t("cases.clock.days", { count });
  return (
    <span className="case-clock-line">
      <span>
        {t("cases.clock.due")}: {clock.due}
        {clock.provisional && t("cases.clock.provisional")}
      </span>
      <span>
        {t("cases.clock.used")}: {days(clock.used)}
      </span>
      <span>
        {t("cases.clock.left")}: {clock.left === null ? t("cases.clock.none") : days(clock.left)}
      </span>
      {clock.overdue && <Tag color="#a8071a">{t("cases.clock.overdue")}</Tag>}
      {clock.stopped && <Tag>{t("cases.clock.stopped")}</Tag>}
    </span>
  );
}
