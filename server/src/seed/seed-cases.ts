import {
  addDays,
  buildChecklist,
  type Calendar,
  type FormValues,
  ItemContentSchema,
  type ItemForm,
  type LocalDate,
  visibleFields,
} from "@tongban/core";
import { loadCalendar } from "../modules/cases/clock.ts";
import { createCase } from "../modules/cases/create-case.ts";
import { findCase } from "../modules/cases/queries.ts";
import { sweepDeadlines } from "../modules/cases/sweep-deadlines.ts";
import { takeAction } from "../modules/cases/take-action.ts";
import { caseToday, onCaseDay } from "../modules/cases/today.ts";
import { uploadMaterial } from "../modules/cases/upload-material.ts";
import type { Actor } from "../platform/actor.ts";
import type { Deps } from "../platform/deps.ts";
import { type Applicant, C1, C2, C3, type DemoCase, demoCases, type Who } from "./demo-case-plans.ts";
import { demoPdf } from "./demo-pdf.ts";

/** The n-th working day before the seed day's working day (n = 0: the seed day, or the working day before it). */
function workdaysAgo(calendar: Calendar, today: LocalDate, n: number): LocalDate {
  let day = today;
  while (!calendar.isWorkday(day)) day = addDays(day, -1);
  for (let left = n; left > 0; ) {
    day = addDays(day, -1);
    if (calendar.isWorkday(day)) left--;
  }
  return day;
}

/** The demo accounts as actors, the way a session would present them. */
async function demoActors(deps: Deps): Promise<(who: Who, applicant: Applicant) => Actor> {
  const rows = await deps.db
    .selectFrom("account")
    .select([
      "id",
      "kind",
      "username",
      "display_name",
      "roles",
      "region_code",
      "department_id",
      "mobile_index",
    ])
    .where((eb) =>
      eb.or([
        eb("username", "in", ["window", "clerk", "reviewer", "chief"]),
        eb("kind", "=", "company"),
        eb(
          "mobile_index",
          "in",
          [C1, C2, C3].map((m) => deps.vault.index(`mobile:${m}`)),
        ),
      ]),
    )
    .execute();
  const actor = (row: (typeof rows)[number]): Actor => ({
    kind: row.kind,
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    regionCode: row.region_code,
    departmentId: row.department_id,
  });
  const find = (test: (row: (typeof rows)[number]) => boolean) => {
    const row = rows.find(test);
    if (!row) throw new Error("demo cases: a demo account is missing");
    return actor(row);
  };
  const citizen = (mobile: string) => find((r) => r.mobile_index === deps.vault.index(`mobile:${mobile}`));
  const company = find((r) => r.kind === "company");
  return (who, applicant) => {
    if (who !== "applicant") return find((r) => r.username === who);
    if (applicant !== "company") return citizen(applicant);
    return { ...citizen(C1), actingFor: { id: company.id as string, name: company.displayName } };
  };
}

/**
 * Files the demo cases through the real use cases, as the demo accounts, each step on its own past
 * legal date, then runs the deadline sweep so the due-soon and overdue cases carry their events.
 * Runs once, right after the demo city is seeded; returns how many cases it made.
 */
export async function seedDemoCases(
  deps: Deps,
  options: { onProgress?: (message: string) => void } = {},
): Promise<number> {
  const started = performance.now();
  const today = caseToday();
  const calendar = await loadCalendar(deps.db);
  const actorFor = await demoActors(deps);
  const items = await deps.db
    .selectFrom("item as i")
    .innerJoin("item_version as v", (join) =>
      join.onRef("v.item_id", "=", "i.id").onRef("v.version", "=", "i.version"),
    )
    .select(["i.id", "i.ref", "v.content"])
    .execute();
  const itemOf = new Map(items.map((item) => [item.ref, item]));
  const dayOf = (daysAgo: number) => workdaysAgo(calendar, today, daysAgo);
  for (const plan of demoCases) {
    const filer = actorFor(plan.atWindow ?? "applicant", plan.applicant);
    const id = await onCaseDay(dayOf(plan.filed), async () => {
      const applicant = plan.atWindow ? actorFor("applicant", plan.applicant) : undefined;
      const contact = actorFor("applicant", plan.applicant === "company" ? C1 : plan.applicant);
      const item = itemOf.get(plan.item);
      if (!item) throw new Error(`demo cases: no item ${plan.item}`);
      const values = {
        contactName: contact.displayName,
        contactPhone: plan.applicant === "company" ? C1 : plan.applicant,
        ...plan.form,
      };
      const created = await createCase(deps, filer, {
        itemId: item.id,
        answers: plan.answers,
        form: completeForm(ItemContentSchema.parse(item.content).form, values, plan.answers, dayOf(0)),
        ...(applicant ? { applicant: { accountId: applicant.id as string } } : {}),
      });
      await uploadChecklist(deps, filer, created.id, plan);
      return created.id;
    });
    for (const step of plan.steps) {
      const by = step.by === "applicant" && plan.atWindow ? plan.atWindow : step.by;
      await onCaseDay(dayOf(step.daysAgo), () =>
        takeAction(deps, actorFor(by, plan.applicant), {
          ...step.input,
          id,
          action: step.action,
          ...(step.pendingDueIn ? { dueDate: calendar.addWorkdays(dayOf(0), step.pendingDueIn).due } : {}),
        }),
      );
    }
  }
  await sweepDeadlines(deps, deps.db, today);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  options.onProgress?.(`  demo cases ${demoCases.length} (${seconds} s)`);
  return demoCases.length;
}

/** Uploads a small PDF for each required material of the checklist (a draft stops after the first). */
async function uploadChecklist(deps: Deps, actor: Actor, id: string, plan: DemoCase): Promise<void> {
  const row = await findCase(deps.db, id);
  if (!row) throw new Error(`demo case ${id} vanished`);
  const required = buildChecklist(row.content, plan.answers).materials.filter((m) => m.required);
  for (const material of plan.draft ? required.slice(0, 1) : required) {
    await uploadMaterial(deps, actor, {
      id,
      materialId: material.id,
      name: `${[...material.name].slice(0, 40).join("")}.pdf`,
      bytes: demoPdf(`Tongban demo material: ${plan.item} / ${material.id}`),
    });
  }
}

/**
 * Gives every shown required field the form leaves empty a plausible value, so the demo keeps
 * submitting whatever forms the catalog's items define; fields the profile prefills are left to the server.
 */
function completeForm(
  form: ItemForm,
  given: FormValues,
  answers: Record<string, string>,
  today: LocalDate,
): FormValues {
  const values: FormValues = { ...given };
  // Twice: a value filled in may reveal a field that depends on it.
  for (let pass = 0; pass < 2; pass++) {
    for (const field of visibleFields(form, values, answers)) {
      if (!field.required || field.prefill || values[field.id] !== undefined) continue;
      const placeholder = {
        number: field.min ?? 1,
        date: today,
        select: field.options?.[0] ?? null,
        radio: field.options?.[0] ?? null,
        checkbox: true,
        phone: C1,
        email: "demo@tongban.example",
      }[field.type as string];
      if (placeholder !== undefined) values[field.id] = placeholder;
      else if (["text", "textarea", "address"].includes(field.type)) values[field.id] = "（演示数据）";
    }
  }
  return values;
}
