import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { checkA11y, chooseOption, journey, signIn, useBrowser } from "./browser.ts";

useBrowser();

/** Picks an option of the Ant Design select labelled `label` in the open dialog. */
function choose(page: Page, label: string, option: string): Promise<void> {
  return chooseOption(page, page.getByRole("dialog").getByLabel(label, { exact: true }), option);
}

journey("an administrator finds a service place, adds a window and sees it", async (page) => {
  await signIn(page, inject("baseUrl"), "admin");
  await page.getByRole("link", { name: "组织机构" }).click();
  await page.getByRole("heading", { level: 1, name: "组织机构管理" }).waitFor();
  await page.getByRole("link", { name: "无锡市政务服务中心" }).waitFor();
  await checkA11y(page);
  // Every tab of the page passes axe too: the region tree, departments and delegations.
  await page.getByRole("tab", { name: "行政区划" }).click();
  await page.getByRole("cell", { name: "320213021000", exact: true }).waitFor();
  await checkA11y(page);
  await page.getByRole("tab", { name: "部门" }).click();
  await page.getByRole("cell", { name: "无锡市公安局", exact: true }).waitFor();
  await checkA11y(page);
  await page.getByRole("tab", { name: "委托受理" }).click();
  await page.getByRole("cell", { name: "高龄津贴申领" }).first().waitFor();
  await checkA11y(page);
  await page.getByRole("tab", { name: "服务场所" }).click();

  await page.getByLabel("关键词").fill("崇安寺街道便民");
  await page.getByRole("main").getByRole("button", { name: "搜索", exact: true }).click();
  await page.waitForURL(/q=/);
  await page.getByRole("status").filter({ hasText: "共 1 个场所" }).waitFor();
  await page.getByRole("link", { name: "崇安寺街道便民服务中心" }).click();

  await page.getByRole("heading", { level: 1, name: "崇安寺街道便民服务中心" }).waitFor();
  const windows = page.getByRole("region", { name: "窗口" });
  await windows.getByRole("cell", { name: "社保医保综合窗口" }).waitFor();
  await page.getByRole("region", { name: "委托本场所受理的事项" }).getByText("高龄津贴申领").waitFor();
  await checkA11y(page);

  await page.getByRole("button", { name: "新增窗口" }).click();
  const dialog = page.getByRole("dialog", { name: "新增窗口" });
  await dialog.getByLabel("窗口编号").fill("5");
  await dialog.getByLabel("窗口名称").fill("跨省通办专窗");
  await choose(page, "窗口类型", "跨省通办");
  await checkA11y(page);
  await dialog.getByRole("button", { name: "保存" }).click();
  await windows.getByRole("cell", { name: "跨省通办专窗" }).waitFor();
  const row = windows.getByRole("row").filter({ hasText: "跨省通办专窗" });
  await row.getByRole("cell", { name: "同场所" }).waitFor();
  await row.getByRole("cell", { name: "启用" }).waitFor();
  await checkA11y(page);

  // The place form: the standard-name hint comes from the region's level, and the hours editor is accessible.
  await page.getByRole("button", { name: "编辑场所" }).click();
  const placeForm = page.getByRole("dialog", { name: "编辑：崇安寺街道便民服务中心" });
  await placeForm.getByText("标准名称以“便民服务中心”结尾", { exact: false }).waitFor();
  await placeForm.getByLabel("场所名称").fill("崇安寺街道政务服务中心");
  await placeForm.getByText("该区划的场所名称应以“便民服务中心”结尾").waitFor();
  await checkA11y(page);
  await placeForm.getByRole("button", { name: "取消" }).click();
  await placeForm.waitFor({ state: "hidden" });

  // A specialised window without its department is refused in the form, before the server is asked.
  await page.getByRole("button", { name: "新增窗口" }).click();
  const second = page.getByRole("dialog", { name: "新增窗口" });
  await second.getByLabel("窗口编号").fill("6");
  await second.getByLabel("窗口名称").fill("民政窗口");
  await choose(page, "窗口类型", "专业");
  await second.getByRole("button", { name: "保存" }).click();
  await second.getByText("专业窗口须指定所属部门").first().waitFor();
  await checkA11y(page);
});

journey("an administrator imports a JSON file with one bad row and sees the row error", async (page) => {
  await signIn(page, inject("baseUrl"), "admin");
  await page.goto("/admin/organisations?tab=import");
  await page.getByRole("tab", { name: "导入导出", selected: true }).waitFor();
  await page.getByRole("link", { name: "下载 Excel 模板" }).waitFor();
  await checkA11y(page);

  const file = {
    places: [
      {
        regionCode: "320213022001",
        name: "南长街社区第二便民服务站",
        address: "无锡市梁溪区南长街 9 号",
        hours: "周一至周五 09:00-17:00",
      },
    ],
    windows: [
      {
        regionCode: "320213022001",
        placeName: "南长街社区第二便民服务站",
        number: "1",
        name: "综合服务窗口",
        kind: "综合受理",
      },
      {
        regionCode: "320213022001",
        placeName: "南长街社区第二便民服务站",
        number: "2",
        name: "民政窗口",
        kind: "专业",
      },
    ],
  };
  await page.getByLabel("选择文件（.json 或 .xlsx）").setInputFiles({
    name: "places.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await page.getByRole("alert").getByText("未导入任何数据", { exact: false }).waitFor();
  const error = page.getByRole("row").filter({ hasText: "专业窗口须指定所属部门" });
  await expect(error.getByRole("cell").allTextContents()).resolves.toEqual([
    "windows（窗口）",
    "2",
    "department（部门）",
    "专业窗口须指定所属部门",
  ]);
  await checkA11y(page);

  // Nothing was imported: the valid place in the same file is not there either.
  await page.getByRole("tab", { name: "服务场所" }).click();
  await page.getByLabel("关键词").fill("南长街社区第二");
  await page.getByRole("main").getByRole("button", { name: "搜索", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "共 0 个场所" }).waitFor();
});

journey("the item guide lists the places where the item can be applied for nearby", async (page) => {
  await page.goto("/items?q=高龄津贴");
  await page.getByRole("link", { name: "高龄津贴申领" }).click();
  const nearby = page.getByRole("region", { name: "可就近办理的地点" });
  await nearby.getByText("崇安寺街道便民服务中心").waitFor();
  await expect(nearby.getByRole("listitem").count()).resolves.toBe(3);
  await checkA11y(page);
});
