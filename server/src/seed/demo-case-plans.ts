import type { CaseAction, FormValues } from "@tongban/core";
import type { ActionInput } from "../modules/cases/take-action.ts";

// The demo cases as data: who applies for what, and the steps each takes on which past working day.
// seed-cases.ts files them through the real use cases.

/** The demo people who apply: three citizens, and the company (its legal representative 陈晓明 acts for it). */
export type Applicant = "13800510001" | "13800510002" | "13800510003" | "company";
/** Who takes a step: the applicant, or a demo staff member by username. */
export type Who = "applicant" | "window" | "clerk" | "reviewer" | "chief";

/** One step of a demo case, taken on a working day before the seed day (0: the seed day's working day). */
export interface DemoStep {
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

export const C1 = "13800510001"; // 陈晓明
export const C2 = "13800510002"; // 周丽华
export const C3 = "13800510003"; // 吴思远
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
