import {
  addDays,
  buildChecklist,
  type Calendar,
  type CaseAction,
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
import { type ActionInput, takeAction } from "../modules/cases/take-action.ts";
import { caseToday, onCaseDay } from "../modules/cases/today.ts";
import { uploadMaterial } from "../modules/cases/upload-material.ts";
import type { Actor } from "../platform/actor.ts";
import type { Deps } from "../platform/deps.ts";
import { demoPdf } from "./demo-pdf.ts";

/** The demo people who apply: three citizens, and the company (its legal representative 陈晓明 acts for it). */
type Applicant = "13800510001" | "13800510002" | "13800510003" | "company";
/** Who takes a step: the applicant, or a demo staff member by username. */
type Who = "applicant" | "window" | "clerk" | "reviewer" | "chief";

/** One step of a demo case, taken on a working day before the seed day (0: the seed day's working day). */
interface DemoStep {
  daysAgo: number;
  by: Who;
  action: CaseAction;
  input?: Omit<ActionInput, "id" | "action" | "dueDate">;
  /** 容缺受理: the owed materials are due this many working days after the seed day. */
  pendingDueIn?: number;
}

/** One demo case: what is applied for, by whom, and the steps it has been through. */
export interface DemoCase {
  item: string;
  applicant: Applicant;
  answers: Record<string, string>;
  /** Form values beyond what the applicant's profile fills in; other required fields get placeholder text. */
  form?: FormValues;
  /** Working days before the seed day the application was started. */
  filed: number;
  /** A window clerk files it for a walk-in applicant (channel window). */
  atWindow?: "clerk" | "window";
  /** A draft keeps only its first required file. */
  draft?: boolean;
  steps: DemoStep[];
  /** Where its promised deadline stands on the seed day: the deadline sweep raises these. */
  deadline?: "due-soon" | "overdue";
}

const C1 = "13800510001"; // 陈晓明
const C2 = "13800510002"; // 周丽华
const C3 = "13800510003"; // 吴思远
const submit = (daysAgo: number, by: Who = "applicant"): DemoStep => ({ daysAgo, by, action: "submit" });
const accept = (daysAgo: number): DemoStep => ({ daysAgo, by: "window", action: "accept" });
const review = (daysAgo: number): DemoStep => ({ daysAgo, by: "reviewer", action: "start-review" });

/**
 * The demo city's cases, at least one in each status from draft to 办结 (not-accepted and withdrawn too),
 * for the citizens and the company on items of several departments. Counted against each item's promised
 * working days, the days chosen put three cases one working day before their deadline (due soon) and two
 * past it (overdue), whatever the seed day.
 */
export const demoCases: DemoCase[] = [
  // Drafts, new applications and a correction notice.
  {
    item: "juzhuzheng-shenling",
    applicant: C1,
    answers: { s1: "合法稳定就业", agent: "否" },
    filed: 1,
    draft: true,
    steps: [],
  },
  { item: "dibao-shenqing", applicant: C2, answers: { s1: "否", agent: "否" }, filed: 1, steps: [submit(1)] },
  {
    item: "shebaoka-shenling",
    applicant: C3,
    answers: { s1: "否", s2: "邮寄到家", agent: "否" },
    filed: 0,
    steps: [submit(0)],
  },
  {
    item: "juzhuzheng-shenling",
    applicant: C2,
    answers: { s1: "合法稳定住所", agent: "否" },
    filed: 0,
    atWindow: "clerk",
    steps: [submit(0, "clerk")],
  },
  {
    item: "gongzufang-shenqing",
    applicant: C3,
    answers: { s1: "新就业无房职工", agent: "否" },
    filed: 6,
    steps: [
      submit(6),
      {
        daysAgo: 5,
        by: "window",
        action: "request-correction",
        input: { materials: [{ materialId: "m4", problem: "申报表缺少共同申请人签字，请签字后重新上传" }] },
      },
    ],
  },
  // Running clocks: due soon (promised limit − working days since acceptance = 1) and overdue.
  {
    item: "shiye-baoxianjin",
    applicant: C1,
    answers: { agent: "否" },
    filed: 3,
    deadline: "due-soon",
    steps: [submit(3), accept(2)],
  },
  {
    item: "linshi-jiuzhu",
    applicant: C3,
    answers: { s1: "是", agent: "否" },
    form: {
      householdAddress: "无锡市梁溪区崇安寺街道中山路 88 号",
      familySize: 3,
      monthlyIncome: 1500,
      emergency: "家人突发重病住院，医疗费用支出较大，家庭生活出现暂时困难",
    },
    filed: 5,
    deadline: "due-soon",
    steps: [
      submit(5),
      {
        daysAgo: 4,
        by: "window",
        action: "accept-pending",
        pendingDueIn: 2,
        input: { materials: [{ materialId: "m3", problem: "须全体家庭成员签字的原件，容缺后补" }] },
      },
    ],
  },
  {
    item: "tezhong-shebei-dengji",
    applicant: "company",
    answers: { s1: "电梯", agent: "否" },
    filed: 3,
    deadline: "due-soon",
    steps: [submit(3), accept(2), review(1)],
  },
  {
    item: "canji-liangxiang-butie",
    applicant: C2,
    answers: { s1: "两项均申请", agent: "否" },
    filed: 23,
    deadline: "overdue",
    steps: [submit(23), accept(22)],
  },
  {
    item: "zhigong-tuixiu",
    applicant: C1,
    answers: { s1: "否", s2: "否", agent: "否" },
    filed: 13,
    deadline: "overdue",
    steps: [submit(13), accept(12)],
  },
  // Under review with time left, accepted today, and a 特别程序 (site inspection) under way.
  {
    item: "shipin-shengchan-xuke",
    applicant: "company",
    answers: { s1: "否", agent: "否" },
    filed: 3,
    steps: [submit(3), accept(2), review(1)],
  },
  {
    item: "shipin-jingying-xuke",
    applicant: C2,
    answers: { s1: "餐饮服务", s2: "否", agent: "否" },
    form: { premises: "无锡市梁溪区学前街 12 号" },
    filed: 1,
    steps: [submit(1), accept(0)],
  },
  {
    item: "yaopin-lingshou-xuke",
    applicant: "company",
    answers: { s1: "否", agent: "否" },
    filed: 9,
    steps: [
      submit(9),
      accept(8),
      review(7),
      {
        daysAgo: 4,
        by: "reviewer",
        action: "suspend",
        input: { reason: "需对营业场所和仓储设施进行现场检查，检查期间不计入办理时限" },
      },
    ],
  },
  // Decided, completed (approved and refused), not accepted and withdrawn.
  {
    item: "shipin-jingying-xuke",
    applicant: C1,
    answers: { s1: "食品销售", s2: "否", agent: "否" },
    filed: 6,
    steps: [
      submit(6),
      accept(5),
      review(4),
      {
        daysAgo: 2,
        by: "chief",
        action: "decide",
        input: { outcome: "approved", comment: "经现场核查符合条件，准予许可" },
      },
    ],
  },
  {
    item: "youxian-gongsi-sheli",
    applicant: "company",
    answers: { s1: "否", agent: "否" },
    filed: 16,
    steps: [
      submit(16),
      accept(15),
      review(15),
      {
        daysAgo: 14,
        by: "chief",
        action: "decide",
        input: { outcome: "approved", comment: "材料齐全，准予设立登记" },
      },
      { daysAgo: 14, by: "window", action: "complete", input: { delivery: { method: "electronic" } } },
    ],
  },
  {
    item: "tezhong-shebei-dengji",
    applicant: "company",
    answers: { s1: "起重机械", agent: "否" },
    filed: 12,
    steps: [
      submit(12),
      accept(11),
      review(10),
      {
        daysAgo: 8,
        by: "chief",
        action: "decide",
        input: { outcome: "rejected", comment: "设备未经监督检验，不符合使用登记条件" },
      },
      {
        daysAgo: 7,
        by: "window",
        action: "complete",
        input: { delivery: { method: "pickup", window: "市政务服务中心市场监管综合窗口" } },
      },
    ],
  },
  {
    item: "shipin-shengchan-xuke",
    applicant: C1,
    answers: { s1: "否", agent: "否" },
    filed: 4,
    steps: [
      submit(4),
      {
        daysAgo: 3,
        by: "chief",
        action: "refuse",
        input: { reason: "申请人未取得营业执照，不具备申请主体资格；可在取得营业执照后重新申请" },
      },
    ],
  },
  {
    item: "shebaoka-shenling",
    applicant: C1,
    answers: { s1: "否", s2: "网点即时制卡", agent: "否" },
    filed: 8,
    steps: [submit(8), { daysAgo: 7, by: "applicant", action: "withdraw" }],
  },
];

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
