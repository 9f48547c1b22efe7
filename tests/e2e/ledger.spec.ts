import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { login, as } from "./helpers";

// The demo seed has a published plan for the current year; point 1 (led by 综合科) has the target 专题学习 ≥4 次.
const YEAR = new Date().getFullYear();
const TITLE = `专题学习：E2E法治思想学习 ${Date.now()}`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64, 0)]);

const approvedTotal = async (page: Page) => Number((await page.getByTestId("approved-total-专题学习").innerText()).replace(/[^\d.]/g, ""));

test("record, upload, submit, return, fix, approve; other offices are refused; the xlsx export reads back", async ({ browser }) => {
  test.setTimeout(180_000);
  const staff = await as(browser, "staff-zonghe");
  let entryUrl = "";
  let before = 0;

  await test.step("staff-zonghe records an entry for point 1 of this year's plan", async () => {
    await staff.goto("/ledger");
    await staff.getByRole("link", { name: "新增台账" }).click();
    await expect(staff.getByRole("heading", { name: new RegExp(`选择工作要点（${YEAR}年）`) })).toBeVisible();
    await staff.getByRole("link", { name: "1. 深入学习习近平法治思想" }).click();
    await expect(staff).toHaveURL(/\/ledger\/new\?pointId=\d+/);
    before = await approvedTotal(staff);
    await staff.getByLabel("日期", { exact: true }).fill(`${YEAR}-03-12`);
    await staff.getByLabel("具体工作/活动", { exact: true }).fill(TITLE);
    await staff.getByLabel("活动形式", { exact: true }).selectOption("集中学习");
    await staff.getByLabel("参加人员", { exact: true }).fill("机关全体干部");
    await staff.getByLabel("完成情况", { exact: true }).fill("组织机关干部60人集中学习习近平法治思想。");
    await staff.getByLabel("专题学习（次）", { exact: true }).fill("1");
    await staff.getByRole("button", { name: "保存草稿" }).click();
    await expect(staff).toHaveURL(/\/ledger\/\d+\?created=1/);
    entryUrl = new URL(staff.url()).pathname;
    await expect(staff.getByTestId("entry-title")).toHaveText(TITLE);
    await expect(staff.getByTestId("status-badge")).toHaveText("草稿");
    await expect(staff.getByTestId("entry-quantities")).toHaveText("专题学习1次");
  });

  await test.step("a renamed .exe is refused; the PDF sign-in sheet is stored", async () => {
    const upload = staff.getByTestId("attachment-upload");
    await staff.getByLabel("选择佐证材料", { exact: true }).setInputFiles({ name: "签到表.pdf", mimeType: "application/pdf", buffer: EXE });
    await upload.getByRole("button", { name: "上传" }).click();
    await expect(upload.getByRole("alert")).toContainText("不支持的文件类型");
    await staff.getByLabel("选择佐证材料", { exact: true }).setInputFiles({ name: "签到表.pdf", mimeType: "application/pdf", buffer: PDF });
    await upload.getByRole("button", { name: "上传" }).click();
    await expect(upload.getByRole("status")).toHaveText("已上传“签到表.pdf”");
    await expect(staff.getByTestId("attachment-list").getByRole("link", { name: "签到表.pdf" })).toBeVisible();
    const href = await staff.getByTestId("attachment-list").getByRole("link", { name: "签到表.pdf" }).getAttribute("href");
    const file = await staff.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-disposition"]).toContain("filename*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8.pdf");
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
    expect(file.headers()["cache-control"]).toContain("no-store");
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);
  });

  await test.step("uploads go through the authorised route only: size limit, same origin, soft removal", async () => {
    const id = entryUrl.split("/").pop();
    const origin = new URL(staff.url()).origin;
    const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
    PDF.copy(big);
    const tooBig = await staff.request.post(`/api/ledger/${id}/attachments`, {
      headers: { Origin: origin },
      multipart: { file: { name: "超大.pdf", mimeType: "application/pdf", buffer: Buffer.concat([big, Buffer.from(" ")]) } },
    });
    expect(tooBig.status()).toBe(413);
    expect((await tooBig.json()).message).toBe("文件超过 20 MB 上限");
    const foreign = await staff.request.post(`/api/ledger/${id}/attachments`, {
      headers: { Origin: "http://evil.example" },
      multipart: { file: { name: "x.pdf", mimeType: "application/pdf", buffer: PDF } },
    });
    expect(foreign.status()).toBe(403);
    const exact = await staff.request.post(`/api/ledger/${id}/attachments`, {
      headers: { Origin: origin },
      multipart: { file: { name: "20MB整.pdf", mimeType: "application/pdf", buffer: big } },
    });
    expect(exact.status()).toBe(201);
    await staff.reload();
    const row = staff.getByTestId("attachment-list").getByRole("listitem").filter({ hasText: "20MB整.pdf" });
    await row.getByRole("button", { name: "删除" }).click();
    await expect(staff.getByTestId("attachment-list").getByRole("link", { name: "20MB整.pdf" })).toHaveCount(0);
    await expect(staff.getByTestId("attachment-list").getByRole("link", { name: "签到表.pdf" })).toBeVisible();
  });

  await test.step("staff submits", async () => {
    await staff.getByRole("button", { name: "提交审核" }).click();
    await expect(staff.getByTestId("status-badge")).toHaveText("待审核");
  });

  const coordinator = await as(browser, "coordinator");
  await test.step("the coordinator returns it with a reason", async () => {
    await coordinator.goto(entryUrl);
    await expect(coordinator.getByTestId("status-badge")).toHaveText("待审核");
    await coordinator.getByLabel("退回原因", { exact: true }).fill("请补充签到表签名页");
    await coordinator.getByRole("button", { name: "退回修改" }).click();
    await expect(coordinator.getByTestId("status-badge")).toHaveText("已退回");
  });

  await test.step("staff sees the reason, fixes the entry and resubmits", async () => {
    await staff.reload();
    await expect(staff.getByTestId("return-reason")).toHaveText("请补充签到表签名页");
    await staff.getByLabel("完成情况", { exact: true }).fill("组织机关干部60人集中学习习近平法治思想，已补充签到表签名页。");
    await staff.getByRole("button", { name: "保存修改" }).click();
    await expect(staff.getByTestId("entry-form").getByRole("status")).toHaveText("台账已保存");
    await staff.getByRole("button", { name: "提交审核" }).click();
    await expect(staff.getByTestId("status-badge")).toHaveText("待审核");
  });

  await test.step("the coordinator approves; the target's approved total rises", async () => {
    await coordinator.reload();
    expect(await approvedTotal(coordinator)).toBe(before);
    await coordinator.getByRole("button", { name: "审核通过" }).click();
    await expect(coordinator.getByTestId("status-badge")).toHaveText("已通过");
    await expect(coordinator.getByTestId("approved-total-专题学习")).toHaveText(`${before + 1}次`);
    await staff.reload();
    await expect(staff.getByTestId("approved-total-专题学习")).toHaveText(`${before + 1}次`);
    // Approved entries are read-only: no edit form, no upload.
    await expect(staff.getByTestId("entry-form")).toHaveCount(0);
    await expect(staff.getByTestId("attachment-upload")).toHaveCount(0);
  });

  await test.step("staff-yanjiu cannot open or change it by URL", async () => {
    const other = await as(browser, "staff-yanjiu");
    await other.goto(entryUrl);
    await expect(other.getByTestId("not-found")).toHaveText("记录不存在或无权访问");
    await expect(other.getByText(TITLE)).toHaveCount(0);
    const id = entryUrl.split("/").pop();
    const upload = await other.request.post(`/api/ledger/${id}/attachments`, {
      headers: { Origin: new URL(other.url()).origin },
      multipart: { file: { name: "x.pdf", mimeType: "application/pdf", buffer: PDF } },
    });
    expect(upload.status()).toBe(404);
    expect((await upload.json()).message).toBe("记录不存在或无权访问");
    await other.goto(`/ledger?year=${YEAR}&q=${encodeURIComponent("E2E法治思想学习")}`);
    await expect(other.getByTestId("ledger-total")).toContainText("共 0 条");
    await other.context().close();
  });

  await test.step("the ledger .xlsx downloads and reads back", async () => {
    await coordinator.goto(`/ledger?year=${YEAR}`);
    const [download] = await Promise.all([coordinator.waitForEvent("download"), coordinator.getByRole("link", { name: "导出台账（Excel）" }).click()]);
    expect(download.suggestedFilename()).toBe(`${YEAR}年法治建设工作台账.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("工作台账")!;
    // Two title rows (unit and year, 导出时间 and scope), then the column headers.
    expect(String(sheet.getCell("A1").value)).toContain(`${YEAR}`);
    expect(String(sheet.getCell("A2").value)).toContain("导出时间");
    expect(sheet.getCell("A3").value).toBe("序号");
    expect(sheet.getCell("C3").value).toBe("具体工作/活动");
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(3).value === TITLE) row = r;
    });
    expect(row).toBeDefined();
    expect(row!.getCell(2).value).toBe("1. 深入学习习近平法治思想");
    expect(row!.getCell(8).value).toEqual(new Date(`${YEAR}-03-12T00:00:00Z`));
    expect(row!.getCell(9).value).toBe("专题学习1次");
    expect(row!.getCell(11).value).toBe("已通过");
    expect(row!.getCell(12).value).toBe("签到表.pdf");
  });

  await test.step("exports refuse a bad year (400) and anonymous users (401)", async () => {
    const bad = await coordinator.request.get("/api/export/ledger?year=abc");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain("年份参数无效");
    const anonymous = await browser.newContext();
    const refused = await anonymous.request.get(`/api/export/evidence?year=${YEAR}`);
    expect(refused.status()).toBe(401);
    await anonymous.close();
    const zip = await coordinator.request.get(`/api/export/evidence?year=${YEAR}`);
    expect(zip.status()).toBe(200);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    expect((await zip.body()).subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
  });
});
