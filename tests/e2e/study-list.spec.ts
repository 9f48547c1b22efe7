import { expect, test } from "@playwright/test";
import { as } from "./helpers";

const SEAL = "XX市政协办公室印章管理规定";
const MEETINGS = "XX市政协办公室会议管理办法";

test("学法清单: the coordinator lists two rules; a staff member's 已学 mark is kept and is theirs alone", async ({ browser }) => {
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

  // The coordinator adds one rule from the list page and one from the rule's own page.
  const coordinator = await as(browser, "coordinator");
  await coordinator.goto("/regulations");
  await coordinator.getByRole("link", { name: "学法清单" }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: `${year}年学法清单` })).toBeVisible();
  const before = await coordinator.getByTestId("study-row").count();
  await coordinator.getByLabel("制度", { exact: true }).selectOption({ label: `${SEAL}（X政协办发〔2021〕3号）` });
  await coordinator.getByLabel("学习提示（选填）").fill("重点学习第四条");
  await coordinator.getByRole("button", { name: `列入${year}年学法清单` }).click();
  await expect(coordinator.getByTestId("study-row").filter({ hasText: SEAL })).toContainText("重点学习第四条");
  await expect(coordinator.getByTestId("study-row").filter({ hasText: SEAL }).getByRole("link", { name: "查看第四条" })).toBeVisible();

  await coordinator.goto("/regulations");
  await coordinator.getByRole("link", { name: MEETINGS, exact: true }).first().click();
  await expect(coordinator.getByRole("heading", { level: 1, name: MEETINGS })).toBeVisible();
  await coordinator.getByTestId("regulation-study").getByRole("button", { name: `列入${year}年学法清单` }).click();
  await expect(coordinator.getByTestId("regulation-study").getByRole("link", { name: `列入${year}年学法清单` })).toBeVisible();
  await coordinator.goto("/regulations/study");
  await expect(coordinator.getByTestId("study-row")).toHaveCount(before + 2);
  // No per-person data anywhere on the coordinator's page.
  await expect(coordinator.getByTestId("study-table").locator("thead th")).toHaveText(["制度", "类别", "学习提示", "本人", "管理"]);
  await expect(coordinator.getByText(/已学人数|未学人员|学习进度排名/)).toHaveCount(0);

  // A staff member marks the seal rule as studied; the mark survives a reload.
  const staff = await as(browser, "staff-zonghe");
  await staff.goto("/regulations/study");
  const sealRow = staff.getByTestId("study-row").filter({ hasText: SEAL });
  await expect(sealRow.getByRole("button", { name: "标记为已学" })).toBeVisible();
  await sealRow.getByRole("button", { name: "标记为已学" }).click();
  await expect(sealRow.getByRole("button", { name: "已学 · 撤销" })).toBeVisible();
  await staff.reload();
  await expect(staff.getByTestId("study-row").filter({ hasText: SEAL }).getByRole("button", { name: "已学 · 撤销" })).toBeVisible();
  await expect(staff.getByTestId("study-own-count")).toHaveText(`本人已学 1 / ${before + 2}`);
  // Staff cannot manage the list.
  await expect(staff.getByRole("button", { name: "移出清单" })).toHaveCount(0);
  await expect(staff.getByRole("button", { name: `列入${year}年学法清单` })).toHaveCount(0);

  // Another staff member sees the rule unmarked.
  const other = await as(browser, "staff-yanjiu");
  await other.goto("/regulations/study");
  await expect(other.getByTestId("study-row").filter({ hasText: SEAL }).getByRole("button", { name: "标记为已学" })).toBeVisible();
  await expect(other.getByTestId("study-own-count")).toHaveText(`本人已学 0 / ${before + 2}`);
});
