import {
  addDays,
  type Calendar,
  type CalendarYear,
  caseClock,
  createCalendar,
  type LocalDate,
  localDateOf,
  type Suspension,
  type TimeLimit,
} from "@tongban/core";
import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { afterAll, expect, inject } from "vitest";
import { demoCases } from "../server/src/seed/demo-case-plans.ts";
import { demoPdf } from "../server/src/seed/demo-pdf.ts";
import { readSeedFiles } from "../server/src/seed/seed-files.ts";
import { checkA11y, journey, openContext, signIn, signInByApi, useBrowser } from "./browser.ts";

useBrowser();

// The staff journeys beyond the happy path: 容缺受理, 特别程序 (suspend and resume), 延长, 不予受理, and
// the deadline queues. Set-ups go through the API; every staff step is taken in the browser.

const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** An API client signed in as a citizen in a context of its own, for set-ups. */
async function apiAs(login: string): Promise<Api> {
  const context = await openContext();
  contexts.push(context);
  await signInByApi(context, login);
  return apiOf(context);
}

/**
 * An API client on a signed-in context (CSRF header included), for set-ups and reading facts; staff use
 * their page's own context, as every extra staff sign-in spends an authenticator step.
 */
async function apiOf(context: BrowserContext) {
  const csrf = (await context.cookies()).find((cookie) => cookie.name === "tb_csrf")?.value ?? "";
  const headers = { "X-CSRF-Token": csrf };
  const ok = async <T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> => {
    if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    get: async <T>(url: string) => ok<T>(await context.request.get(url)),
    post: async <T>(url: string, data: unknown = {}) =>
      ok<T>(await context.request.post(url, { data, headers })),
    upload: async (id: string, materialId: string, name: string) =>
      ok(
        await context.request.post(
          `/api/cases/${id}/materials?materialId=${materialId}&name=${encodeURIComponent(name)}`,
          {
            data: Buffer.from(demoPdf(`e2e ${materialId}`)),
            headers: { ...headers, "Content-Type": "application/octet-stream" },
          },
        ),
      ),
  };
}
type Api = Awaited<ReturnType<typeof apiOf>>;

/** The parts of GET /api/cases/{id} these journeys read. */
interface CaseFacts {
  item: { id: string };
  acceptedOn: LocalDate;
  checklist: { materials: { id: string; required: boolean }[] };
  events: { action: string; details: { on?: LocalDate } }[];
  clock: { promised: { due: LocalDate | null } };
}

/** Files and submits an application as a citizen, uploading every required material; returns id and number. */
async function submitCase(
  api: Api,
  input: { item: string; answers: Record<string, string>; form: Record<string, unknown> },
): Promise<{ id: string; number: string }> {
  const found = await api.get<{ items: { id: string; name: string }[] }>(
    `/api/items?q=${encodeURIComponent(input.item)}&page=1&pageSize=20`,
  );
  const item = found.items.find((candidate) => candidate.name === input.item);
  if (!item) throw new Error(`no item ${input.item}`);
  const created = await api.post<{ id: string }>("/api/cases", {
    itemId: item.id,
    answers: input.answers,
    form: input.form,
  });
  const detail = await api.get<CaseFacts>(`/api/cases/${created.id}`);
  for (const material of detail.checklist.materials) {
    if (material.required) await api.upload(created.id, material.id, `${material.id}.pdf`);
  }
  const submitted = await api.post<{ number: string }>(`/api/cases/${created.id}/actions/submit`);
  return { id: created.id, number: submitted.number };
}

/** The working-day calendar the platform publishes, built with the core (the same rules the server uses). */
async function platformCalendar(api: Api, around: LocalDate): Promise<Calendar> {
  const year = Number(around.slice(0, 4));
  const years: CalendarYear[] = [];
  for (const y of [year - 1, year, year + 1]) {
    const published = await api.get<CalendarYear & { published: boolean }>(`/api/calendar/${y}`);
    if (published.published)
      years.push({ year: y, daysOff: published.daysOff, workdays: published.workdays });
  }
  return createCalendar(years);
}

/** Takes an action from the case page's 办理操作 through its dialog; `fill` completes the form first. */
async function act(
  page: Page,
  label: string,
  fill?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  await page
    .getByRole("region", { name: "办理操作" })
    .getByRole("button", { name: label, exact: true })
    .click();
  const dialog = page.getByRole("dialog", { name: label });
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole("button", { name: "确定" }).click();
  await dialog.waitFor({ state: "hidden" });
  // The success toast fades out with half-transparent text: let it go before any axe check.
  await expect.poll(() => page.locator(".ant-message-notice").count(), { timeout: 10_000 }).toBe(0);
}

const statusOf = (page: Page) => page.locator(".case-summary");
const clockRow = (page: Page, limit: "承诺时限" | "法定时限") =>
  page.getByRole("region", { name: "办理时限" }).getByRole("row", { name: new RegExp(limit) });

/** The due date a clock row shows. */
async function shownDue(page: Page, limit: "承诺时限" | "法定时限"): Promise<LocalDate> {
  const text = (await clockRow(page, limit).textContent()) ?? "";
  const due = text.match(/截止日期: (\d{4}-\d{2}-\d{2})/)?.[1];
  if (!due) throw new Error(`no due date in ${limit}: ${text}`);
  return due;
}

/** Opens a case from a workbench queue: the row showing all of `texts`. Returns the case id. */
async function openFromQueue(page: Page, queue: string, texts: string[]): Promise<string> {
  await page.goto(`/workbench/cases?queue=${queue}`);
  await page.getByRole("heading", { level: 1, name: "办件" }).waitFor();
  let row = page.getByRole("row");
  for (const text of texts) row = row.filter({ hasText: text });
  const link = row.first().getByRole("link");
  await link.waitFor();
  await link.click();
  await page.getByRole("heading", { level: 1, name: /^办件 / }).waitFor();
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

const today = () => localDateOf(new Date());

journey("the due-soon and overdue queues list the demo cases the seed put there", async (page) => {
  const { items } = await readSeedFiles();
  const nameOf = (ref: string) => items.find((item) => item.ref === ref)?.content.name ?? ref;
  const planned = (deadline: "due-soon" | "overdue") =>
    demoCases.filter((plan) => plan.deadline === deadline).map((plan) => nameOf(plan.item));
  expect(planned("due-soon").length).toBeGreaterThan(0);
  expect(planned("overdue").length).toBeGreaterThan(0);

  // The city's window clerk sees every case of the city, so both queues show all the planned ones.
  await signIn(page, inject("baseUrl"), "window");
  await page.goto("/workbench/cases?queue=due-soon");
  await page
    .getByRole("link", { name: "即将到期", exact: true })
    .and(page.locator("[aria-current=page]"))
    .waitFor();
  for (const name of planned("due-soon")) {
    const row = page.getByRole("row").filter({ hasText: name });
    await row.first().waitFor();
    await expect(row.first().textContent()).resolves.toMatch(/[12] 个工作日/);
  }
  // A case with time left, and the one in 特别程序 (its clock stopped), are not due soon.
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: nameOf("yaopin-lingshou-xuke") })
      .count(),
  ).resolves.toBe(0);
  await checkA11y(page);

  await page.getByRole("link", { name: "已超期", exact: true }).click();
  await page.waitForURL(/queue=overdue/);
  for (const name of planned("overdue")) {
    await page.getByRole("row").filter({ hasText: name }).first().getByText("已超期").waitFor();
  }
  for (const name of planned("due-soon")) {
    await expect(page.getByRole("row").filter({ hasText: name }).count()).resolves.toBe(0);
  }
  await checkA11y(page);

  // The sweep's event is on the case's timeline.
  await page
    .getByRole("row")
    .filter({ hasText: planned("overdue")[0] })
    .first()
    .getByRole("link")
    .click();
  await page.getByRole("region", { name: "办理过程" }).getByText("超期提醒").waitFor();
  await page.getByRole("region", { name: "办理时限" }).getByText("已超期").first().waitFor();
  await checkA11y(page);
});

/** The 容缺 case: the clerk's journey accepts it with a material owed, the citizen's supplies it. */
const owedCase = { id: "", number: "", owedBy: "" };

journey("容缺受理: the window clerk accepts with a material owed and a due date", async (page) => {
  // 临时救助 carries the tolerant-acceptance tag, so its pre-check offers 容缺受理.
  const citizen = await apiAs("13800510001");
  const filed = await submitCase(citizen, {
    item: "临时救助",
    answers: { s1: "否", agent: "否" },
    form: { contactName: "陈晓明", contactPhone: "13800510001", reason: "失业后家庭收入中断" },
  });
  const owedBy = addDays(today(), 7);

  await signIn(page, inject("baseUrl"), "window");
  await openFromQueue(page, "precheck", [filed.number]);
  await statusOf(page).getByText("待预审").waitFor();
  await checkA11y(page);
  await act(page, "容缺受理", async (dialog) => {
    await dialog.getByRole("checkbox", { name: "家庭经济状况核对授权书" }).check();
    await dialog.getByLabel("补齐期限").fill(owedBy);
  });
  await statusOf(page).getByText("容缺受理").waitFor();
  const owed = page.getByRole("region", { name: "容缺受理：待补材料" });
  await owed.getByText(owedBy, { exact: false }).waitFor();
  await owed.getByRole("cell", { name: "家庭经济状况核对授权书" }).waitFor();
  // Accepted, so the promised clock runs.
  await clockRow(page, "承诺时限")
    .getByText(/截止日期: \d{4}-/)
    .waitFor();
  await checkA11y(page);
  Object.assign(owedCase, { ...filed, owedBy });
});

journey("容缺受理: the citizen uploads the owed material and the case reads 已受理", async (page) => {
  expect(owedCase.id, "the clerk's 容缺 journey runs first").not.toBe("");
  await signIn(page, inject("baseUrl"), "13800510001");
  await page.goto(`/account/cases/${owedCase.id}`);
  await page.getByRole("heading", { level: 1, name: `办件 ${owedCase.number}` }).waitFor();
  const pending = page.getByRole("region", { name: "容缺受理：待补材料" });
  await pending.getByText(`请在 ${owedCase.owedBy} 前补齐`, { exact: false }).waitFor();
  await checkA11y(page);
  await pending
    .locator("li.case-material")
    .filter({ hasText: "家庭经济状况核对授权书" })
    .locator("input[type=file]")
    .setInputFiles({
      name: "核对授权书-签字.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(demoPdf("signed")),
    });
  await pending.getByRole("link", { name: "查看 核对授权书-签字.pdf" }).waitFor();
  await pending.getByRole("button", { name: "已补齐，提交材料" }).click();
  await statusOf(page).getByText("已受理").waitFor();
  await page.getByRole("region", { name: "办理过程" }).getByText("补齐容缺材料").first().waitFor();
  await checkA11y(page);
});

journey("特别程序: the reviewer starts the review, suspends with a reason and resumes", async (page) => {
  await signIn(page, inject("baseUrl"), "reviewer");
  // The demo's 食品经营许可 of 周丽华, accepted on the seed day.
  const id = await openFromQueue(page, "review", ["食品经营许可", "已受理", "周"]);
  const before = await shownDue(page, "承诺时限");
  await act(page, "开始审查");
  await statusOf(page).getByText("审查中").waitFor();
  await act(page, "进入特别程序", async (dialog) => {
    await dialog.getByLabel("理由").fill("需对后厨布局进行现场核查");
  });
  await statusOf(page).getByText("特别程序").waitFor();
  await clockRow(page, "承诺时限").getByText("已停止计时").waitFor();
  await page.getByRole("region", { name: "办理过程" }).getByText("理由：需对后厨布局进行现场核查").waitFor();
  await checkA11y(page);
  await act(page, "恢复办理");
  await statusOf(page).getByText("审查中").waitFor();
  // Suspended and resumed on one day: no working day was suspended, so the deadline is where it was.
  expect(await shownDue(page, "承诺时限")).toBe(before);
  const api = await apiOf(page.context());
  expect((await api.get<CaseFacts>(`/api/cases/${id}`)).clock.promised.due).toBe(before);
});

journey("特别程序: resuming moves both deadlines by exactly the suspended working days", async (page) => {
  await signIn(page, inject("baseUrl"), "reviewer");
  const api = await apiOf(page.context());
  // The demo's 药品零售经营许可 has been in 特别程序 (site inspection) since four working days before the seed day.
  const id = await openFromQueue(page, "review", ["药品零售经营许可", "特别程序"]);
  const detail = await api.get<CaseFacts>(`/api/cases/${id}`);
  const item = await api.get<{ content: { promisedLimit: TimeLimit; statutoryLimit: TimeLimit } }>(
    `/api/items/${detail.item.id}`,
  );
  const from = detail.events.find((event) => event.action === "suspend")?.details.on as LocalDate;
  const calendar = await platformCalendar(api, today());
  await clockRow(page, "承诺时限").getByText("已停止计时").waitFor();
  await checkA11y(page);
  await act(page, "恢复办理");
  await statusOf(page).getByText("审查中").waitFor();

  const suspendedWorkdays = countWorkdays(calendar, from, today());
  expect(suspendedWorkdays).toBeGreaterThanOrEqual(4);
  for (const [row, limit] of [
    ["承诺时限", item.content.promisedLimit],
    ["法定时限", item.content.statutoryLimit],
  ] as const) {
    const clock = (suspensions: Suspension[]) =>
      caseClock(calendar, {
        acceptedOn: detail.acceptedOn,
        limit,
        suspensions,
        extensionDays: 0,
        today: today(),
      });
    const expected = calendar.addWorkdays(clock([]).due as LocalDate, suspendedWorkdays).due;
    expect(clock([{ from, to: today() }]).due).toBe(expected);
    expect(await shownDue(page, row)).toBe(expected);
  }
  await page.getByRole("region", { name: "办理过程" }).getByText("恢复办理").first().waitFor();
  await checkA11y(page);
});

/** Working days in [from, to): the days a suspension from `from` that ends on `to` stopped. */
function countWorkdays(calendar: Calendar, from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let day = from; day < to; day = addDays(day, 1)) if (calendar.isWorkday(day)) count++;
  return count;
}

journey("延长: the decision maker extends with days and a reason; both deadlines move", async (page) => {
  await signIn(page, inject("baseUrl"), "chief");
  const chiefApi = await apiOf(page.context());
  await openFromQueue(page, "decide", ["食品生产许可", "无锡通办示范科技有限公司"]);
  const promised = await shownDue(page, "承诺时限");
  const statutory = await shownDue(page, "法定时限");
  await checkA11y(page);
  const reason = "需组织专家对生产工艺进行论证，经负责人批准延长 5 个工作日";
  await act(page, "延长期限", async (dialog) => {
    await dialog.getByLabel("延长天数").fill("5");
    await dialog.getByLabel("理由").fill(reason);
  });
  await statusOf(page).getByText("审查中").waitFor();
  const calendar = await platformCalendar(chiefApi, today());
  await expect.poll(() => shownDue(page, "承诺时限")).toBe(calendar.addWorkdays(promised, 5).due);
  expect(await shownDue(page, "法定时限")).toBe(calendar.addWorkdays(statutory, 5).due);
  const timeline = page.getByRole("region", { name: "办理过程" });
  await timeline.getByText("延长 5 天").waitFor();
  await timeline.getByText(`理由：${reason}`).waitFor();
  await checkA11y(page);
});

journey("不予受理: a clerk has no refuse button; the decision maker refuses with reasons", async (page) => {
  const citizen = await apiAs("13800510003");
  const filed = await submitCase(citizen, {
    item: "药品零售经营许可",
    answers: { s1: "否", agent: "否" },
    form: { contactName: "吴思远", contactPhone: "13800510003" },
  });

  const clerkContext = await openContext();
  contexts.push(clerkContext);
  const clerk = await clerkContext.newPage();
  await signIn(clerk, inject("baseUrl"), "window");
  await openFromQueue(clerk, "precheck", [filed.number]);
  const actions = clerk.getByRole("region", { name: "办理操作" });
  await actions.getByRole("button", { name: "受理", exact: true }).waitFor();
  // 行政许可法 §32: 不予受理 is the decision maker's written decision, never a clerk's button.
  await expect(clerk.getByRole("button", { name: "不予受理" }).count()).resolves.toBe(0);
  await checkA11y(clerk);

  await signIn(page, inject("baseUrl"), "chief");
  await openFromQueue(page, "precheck", [filed.number]);
  await statusOf(page).getByText("待预审").waitFor();
  const reason = "申请人为自然人，未取得营业执照，不具备药品零售经营许可的申请主体资格";
  await act(page, "不予受理", async (dialog) => {
    await dialog.getByLabel("理由").fill(reason);
  });
  await statusOf(page).getByText("不予受理").waitFor();
  await page.getByRole("region", { name: "办理过程" }).getByText(`理由：${reason}`).waitFor();
  await expect(page.getByRole("region", { name: "办理操作" }).getByRole("button").count()).resolves.toBe(0);
  await checkA11y(page);
});
