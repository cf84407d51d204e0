import type { BrowserContext, Page } from "playwright-core";
import { afterAll, expect, inject } from "vitest";
import { checkA11y, journey, openContext, signIn, useBrowser } from "./browser.ts";

useBrowser();

// 食品经营许可 (市场监督管理局, city level): online depth Ⅲ, so it is applied for online; the demo
// reviewer (孙伟) and decision maker (周强) work in its department.
const ITEM = "食品经营许可";
const CITIZEN = "13800510001";
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, "latin1");
// The 8-byte PNG signature and an IHDR header: enough for the server's content check.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
]);
const REQUIRED = [
  "食品经营许可申请书",
  "营业执照",
  "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
  "食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度",
];

/** What the journeys below pass on to each other: they tell one case's story in order. */
const story = { number: "", queryCode: "", caseId: "" };
/** The case filed at the window, which its applicant later withdraws. */
const walkIn = { number: "" };

/**
 * Online applications for city items carry the item's region (320200), so the story's clerk is the
 * city centre's window clerk (`window`); the district clerk (`clerk`, 梁溪区) takes in walk-ins.
 */
let clerk: { context: BrowserContext; page: Page } | undefined;
afterAll(async () => {
  await clerk?.context.close();
});

async function cityClerk(): Promise<Page> {
  if (clerk) return clerk.page;
  const context = await openContext();
  const page = await context.newPage();
  await signIn(page, inject("baseUrl"), "window");
  await page.waitForURL(/\/workbench$/);
  clerk = { context, page };
  return page;
}

/** Opens the case from a workbench queue by its number. */
async function openFromQueue(page: Page, queue: string): Promise<void> {
  await page.goto(`/workbench/cases?queue=${queue}`);
  await page.getByRole("heading", { level: 1, name: "办件" }).waitFor();
  await page.getByRole("link", { name: story.number }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${story.number}` }).waitFor();
}

/** Takes an action through its dialog; `fill` completes the dialog's form first. */
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
}

const statusOf = (page: Page) => page.locator(".case-summary");

journey("a citizen applies online: situation answers, uploads, autosave, submit", async (page) => {
  await signIn(page, inject("baseUrl"), CITIZEN);
  await page.goto(`/items?q=${encodeURIComponent(ITEM)}`);
  await page.getByRole("link", { name: ITEM, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
  await page.getByRole("link", { name: "在线办理" }).click();
  await page.waitForURL(/\/apply\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { level: 1, name: `在线办理：${ITEM}` }).waitFor();
  await checkA11y(page);

  // 申请表, as the item version defines it: the contact fields come prefilled from the verified profile.
  await expect(page.getByLabel("联系人").inputValue()).resolves.toBe("陈晓明");
  await expect(page.getByLabel("联系电话").inputValue()).resolves.toBe(CITIZEN);
  // The same rules as the server's, live: a touched field shows what is wrong with it.
  await page.getByLabel("联系电话").fill("12345");
  await page.getByText("“联系电话”不是有效的电话号码").waitFor();
  await page.getByLabel("联系电话").fill(CITIZEN);
  await page.getByText("“联系电话”不是有效的电话号码").waitFor({ state: "hidden" });
  // A condition: the platform is asked for only when the shop also sells online.
  await expect(page.getByLabel("网络经营平台名称").count()).resolves.toBe(0);
  await page.getByLabel("经营场所").fill("无锡市梁溪区中山路100号");
  await page.getByRole("checkbox", { name: "通过网络经营" }).check();
  await page.getByText("申请表还有 1 处未填写或填写有误").waitFor();
  await page.getByLabel("网络经营平台名称").fill("无锡通办优选");
  await page.getByText(/申请表还有/).waitFor({ state: "hidden" });
  await page.getByRole("radiogroup", { name: "经营项目？" }).getByText("食品销售").click();
  await page.getByRole("radiogroup", { name: "是否选择告知承诺方式办理？" }).getByText("否").click();
  await page.getByRole("radiogroup", { name: "是否委托他人办理？" }).getByText("否").click();
  // The draft exists now; its id is in the address, so a reload resumes it.
  await page.waitForURL(/\?case=[0-9a-f-]{36}$/);
  await page.getByText(/草稿已于 .* 自动保存/).waitFor();

  for (const [index, name] of REQUIRED.entries()) {
    const material = page.locator("li.case-material").filter({ hasText: name });
    await material.locator("input[type=file]").setInputFiles({
      name: `材料${index + 1}.pdf`,
      mimeType: "application/pdf",
      buffer: pdf(name),
    });
    await material.getByRole("link", { name: `查看 材料${index + 1}.pdf` }).waitFor();
  }
  // A file that is not PDF, OFD, JPEG or PNG is refused by the server, in Chinese.
  const optional = page.locator("li.case-material").filter({ hasText: "自动售货设备产品合格证明" });
  await optional.locator("input[type=file]").setInputFiles({
    name: "说明.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("not a scan"),
  });
  await optional.getByRole("alert").filter({ hasText: "仅支持 PDF、OFD、JPEG 和 PNG 文件" }).waitFor();
  // Each upload shows its size.
  await page
    .locator("li.case-material")
    .first()
    .getByText(/^\d+ B$/)
    .waitFor();
  await checkA11y(page);

  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByRole("heading", { level: 1, name: "申请已提交" }).waitFor();
  story.number = ((await page.getByTestId("case-number").textContent()) ?? "").trim();
  story.queryCode = ((await page.getByTestId("case-query-code").textContent()) ?? "").trim();
  expect(story.number).toMatch(/^[0-9A-Z]+\d{14}$/);
  expect(story.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
  await checkA11y(page);
});

journey("the clerk sends one correction notice; a clerk has no refuse button", async () => {
  const page = await cityClerk();
  await openFromQueue(page, "precheck");
  await statusOf(page).getByText("待预审").waitFor();
  await page
    .getByRole("region", { name: "办理操作" })
    .getByRole("button", { name: "受理", exact: true })
    .waitFor();
  // 不予受理 is a decision maker's written decision (行政许可法 §32): a clerk is never offered it.
  await expect(page.getByRole("button", { name: "不予受理" }).count()).resolves.toBe(0);
  // Staff read the form with the labels of the pinned version's definition.
  const form = page.getByRole("region", { name: "申请表" });
  await form.getByText("网络经营平台名称").waitFor();
  await form.getByText("无锡通办优选").waitFor();
  const file = page.getByRole("link", { name: "查看 材料2.pdf" });
  const served = await page.request.get((await file.getAttribute("href")) ?? "");
  expect(served.status()).toBe(200);
  expect((await served.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await checkA11y(page);

  await act(page, "一次性告知补正", async (dialog) => {
    await dialog.getByRole("checkbox", { name: "营业执照" }).check();
    await dialog.getByLabel("营业执照 的问题").fill("扫描件模糊，请上传清晰的营业执照");
  });
  await statusOf(page).getByText("待补正").waitFor();
  await page.getByRole("cell", { name: "扫描件模糊，请上传清晰的营业执照" }).waitFor();
  await checkA11y(page);
});

journey("the citizen re-uploads the material the notice names and resubmits", async (page) => {
  await signIn(page, inject("baseUrl"), CITIZEN);
  await page.getByRole("link", { name: "我的办件" }).click();
  await page.getByRole("heading", { level: 1, name: "我的办件" }).waitFor();
  await page
    .getByRole("row", { name: new RegExp(story.number) })
    .getByText("待补正")
    .waitFor();
  await checkA11y(page);
  await page.getByRole("link", { name: story.number }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${story.number}` }).waitFor();
  story.caseId = new URL(page.url()).pathname.split("/").pop() ?? "";

  const notice = page.getByRole("region", { name: "一次性告知补正" });
  await notice.getByRole("cell", { name: "扫描件模糊，请上传清晰的营业执照" }).waitFor();
  await checkA11y(page);
  await notice
    .locator("li.case-material")
    .filter({ hasText: "营业执照" })
    .locator("input[type=file]")
    .setInputFiles({ name: "营业执照-清晰.png", mimeType: "image/png", buffer: png });
  await notice.getByRole("link", { name: "查看 营业执照-清晰.png" }).waitFor();
  await notice.getByRole("button", { name: "补正后提交" }).click();
  await statusOf(page).getByText("待预审").waitFor();
  await checkA11y(page);
});

journey("the clerk accepts, the reviewer reviews, the chief approves, the clerk completes", async (page) => {
  const clerkPage = await cityClerk();
  await openFromQueue(clerkPage, "precheck");
  await act(clerkPage, "受理");
  await statusOf(clerkPage).getByText("已受理").waitFor();
  await clerkPage
    .getByRole("region", { name: "办理时限" })
    .getByText(/截止日期/)
    .first()
    .waitFor();
  await checkA11y(clerkPage);

  await signIn(page, inject("baseUrl"), "reviewer");
  await openFromQueue(page, "review");
  await checkA11y(page);
  await act(page, "开始审查");
  await statusOf(page).getByText("审查中").waitFor();

  const chiefContext = await openContext();
  try {
    const chief = await chiefContext.newPage();
    await signIn(chief, inject("baseUrl"), "chief");
    await openFromQueue(chief, "decide");
    await checkA11y(chief);
    await act(chief, "作出决定", async (dialog) => {
      await dialog.getByRole("radio", { name: "准予" }).check();
      await dialog.getByLabel("意见").fill("符合条件，准予许可");
    });
    await statusOf(chief).getByText("已决定").waitFor();
  } finally {
    await chiefContext.close();
  }

  await openFromQueue(clerkPage, "all");
  await act(clerkPage, "办结", async (dialog) => {
    await dialog.getByRole("radio", { name: "电子送达" }).check();
  });
  await statusOf(clerkPage).getByText("已办结").waitFor();
  await checkA11y(clerkPage);
});

journey(
  "the citizen sees the case completed with its whole timeline; anyone can look up progress",
  async (page) => {
    await signIn(page, inject("baseUrl"), CITIZEN);
    await page.goto(`/account/cases/${story.caseId}`);
    await statusOf(page).getByText("已办结").waitFor();
    const timeline = page.getByRole("region", { name: "办理过程" });
    for (const step of ["提交申请", "一次性告知补正", "补正后提交", "受理", "开始审查", "作出决定", "办结"]) {
      await timeline.getByText(step, { exact: true }).first().waitFor();
    }
    await timeline.getByText("结果：准予").waitFor();
    await expect(page.getByRole("button", { name: "撤回申请" }).count()).resolves.toBe(0);
    await checkA11y(page);
    await page.getByRole("button", { name: "长辈版" }).click();
    await checkA11y(page);
    await page.getByRole("button", { name: "长辈版" }).click();

    const visitor = await openContext();
    try {
      const lookup = await visitor.newPage();
      await lookup.goto("/");
      await lookup.getByRole("link", { name: "办件查询" }).click();
      await lookup.getByRole("heading", { level: 1, name: "办件进度查询" }).waitFor();
      await checkA11y(lookup);
      await lookup.getByLabel("办件编号").fill(story.number);
      await lookup.getByLabel("查询码").fill("ABCDEF");
      await lookup.getByRole("button", { name: "查询" }).click();
      await lookup.getByText("未找到办件，请核对办件编号和查询码").waitFor();
      await lookup.getByLabel("查询码").fill(story.queryCode);
      await lookup.getByRole("button", { name: "查询" }).click();
      const result = lookup.getByRole("region", { name: "查询结果" });
      await result.getByText("已办结").first().waitFor();
      await result.getByText(ITEM).waitFor();
      await checkA11y(lookup);
    } finally {
      await visitor.close();
    }
  },
);

journey("at the window, the district clerk files for a walk-in applicant found by mobile", async (page) => {
  await signIn(page, inject("baseUrl"), "clerk");
  await page.getByRole("link", { name: "办件", exact: true }).click();
  await page.getByRole("link", { name: "窗口收件" }).click();
  await page.getByRole("heading", { level: 1, name: "窗口收件" }).waitFor();
  await checkA11y(page);

  await page.getByRole("textbox", { name: "号码" }).fill("13800510002");
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByText("周**").waitFor();
  await page.getByRole("button", { name: "为此人办理" }).click();
  await page.getByText("申请人：周**").waitFor();
  await page.getByRole("combobox", { name: "办理事项" }).fill(ITEM);
  await page.locator(".ant-select-item-option").filter({ hasText: ITEM }).first().click();
  await page.locator(".ant-select-dropdown").waitFor({ state: "hidden" });
  // The clerk sees the walk-in applicant's verified name and mobile already in the form.
  await expect(page.getByLabel("联系人").inputValue()).resolves.toBe("周丽华");
  await expect(page.getByLabel("联系电话").inputValue()).resolves.toBe("13800510002");
  await page.getByRole("radiogroup", { name: "经营项目？" }).getByText("餐饮服务").click();
  await page.getByRole("radiogroup", { name: "是否选择告知承诺方式办理？" }).getByText("否").click();
  await page.getByRole("radiogroup", { name: "是否委托他人办理？" }).getByText("否").click();
  for (const [index, name] of REQUIRED.entries()) {
    const material = page.locator("li.case-material").filter({ hasText: name });
    await material.locator("input[type=file]").setInputFiles({
      name: `扫描件${index + 1}.pdf`,
      mimeType: "application/pdf",
      buffer: pdf(`scan ${name}`),
    });
    await material.getByRole("link", { name: `查看 扫描件${index + 1}.pdf` }).waitFor();
  }
  await checkA11y(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByRole("heading", { level: 1, name: "已代为提交" }).waitFor();
  const number = ((await page.getByTestId("case-number").textContent()) ?? "").trim();
  expect(number).toMatch(/^[0-9A-Z]+\d{14}$/);
  walkIn.number = number;
  await checkA11y(page);

  await page.getByRole("link", { name: "打开办件" }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${number}` }).waitFor();
  await page.locator(".case-summary").getByText("窗口办理").waitFor();
  await page
    .getByRole("region", { name: "办理过程" })
    .getByText("代 周丽华 办理", { exact: false })
    .first()
    .waitFor();
  await checkA11y(page);
});

journey("the walk-in applicant finds the window case among theirs and withdraws it", async (page) => {
  await signIn(page, inject("baseUrl"), "13800510002");
  await page.goto("/account/cases");
  await page.getByRole("link", { name: walkIn.number }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${walkIn.number}` }).waitFor();
  await page.locator(".case-summary").getByText("待预审").waitFor();
  await checkA11y(page);
  await page.getByRole("button", { name: "撤回申请" }).click();
  const confirm = page.getByRole("dialog").filter({ hasText: "确定撤回这份申请吗？" });
  await confirm.getByRole("button", { name: "撤回" }).click();
  await page.locator(".case-summary").getByText("已撤回").waitFor();
  await confirm.waitFor({ state: "hidden" });
  await expect(page.getByRole("button", { name: "撤回申请" }).count()).resolves.toBe(0);
  await checkA11y(page);
});
