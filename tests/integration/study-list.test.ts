import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actor, createTestDb, tableCounts, userByName, type TestDb } from "@/tests/support/test-db";
import { addStudyItem, markStudied, removeStudyItem, unmarkStudied, updateStudyNote, REPEALED_STUDY_MESSAGE } from "@/lib/study/mutations";
import { loadStudyList, ownMarkedYears, ownStudyMarks, studyCandidates, studyListYears, studyYearsOfRegulation } from "@/lib/study/queries";
import { addStudyItemSchema, studyMarkSchema } from "@/lib/study/schemas";
import { calendarDate } from "@/lib/progress";

const TODAY = calendarDate(2026, 11, 22);
const YEAR = 2026;
let t: TestDb;
type Actor = ReturnType<typeof actor>;
let coordinator: Actor, staffA: Actor, staffB: Actor, leader: Actor, admin: Actor;

const rule = (title: string) => t.db.regulation.findFirstOrThrow({ where: { title } });

beforeAll(async () => {
  t = await createTestDb({ seed: true, today: TODAY });
  [coordinator, staffA, staffB, leader, admin] = await Promise.all(
    ["coordinator", "staff-zonghe", "staff-yanjiu", "leader", "admin"].map(async (u) => actor(await userByName(t.db, u))),
  );
}, 60_000);
afterAll(async () => t?.cleanup());

describe("学法清单 (issue 17)", () => {
  it("seeds the demo year's list with six rules and no marks", async () => {
    const list = await loadStudyList(t.db, YEAR);
    expect(list).toHaveLength(6);
    expect(list[0]).toMatchObject({ title: "XX市政协办公室法治建设工作制度", note: "重点学习第三章", status: "EFFECTIVE" });
    expect(await t.db.studyMark.count()).toBe(0);
    expect(await studyListYears(t.db)).toEqual([YEAR]);
  });

  it("adds a rule once per year, edits its note and removes it with its marks, each audited", async () => {
    const reg = await rule("XX市政协办公室印章管理规定");
    const input = addStudyItemSchema.parse({ year: "2026", regulationId: String(reg.id), note: "重点学习第四条" });
    const item = await addStudyItem(t.db, coordinator, input);
    expect((await loadStudyList(t.db, YEAR)).at(-1)).toMatchObject({ regulationId: reg.id, note: "重点学习第四条", sortOrder: 7 });
    await expect(addStudyItem(t.db, admin, input)).rejects.toThrow("该制度已在2026年学法清单中");
    expect(await studyYearsOfRegulation(t.db, reg.id)).toEqual([YEAR]);
    expect((await studyCandidates(t.db, YEAR)).some((c) => c.id === reg.id)).toBe(false);

    await updateStudyNote(t.db, coordinator, { itemId: item.id, note: "通读全文" });
    await markStudied(t.db, staffA, { year: YEAR, regulationId: reg.id });
    await removeStudyItem(t.db, coordinator, item.id);
    expect(await t.db.studyListItem.count({ where: { id: item.id } })).toBe(0);
    expect(await t.db.studyMark.count({ where: { regulationId: reg.id } })).toBe(0);
    const audits = await t.db.auditLog.findMany({ where: { entity: "StudyList", entityId: String(item.id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["add", "note", "remove"]);
    expect(audits.every((a) => a.affectsFigures === false)).toBe(true);
  });

  it("marks and unmarks idempotently, and a reader's marks are never another's", async () => {
    const reg = await rule("XX市政协办公室保密工作制度");
    const mark = studyMarkSchema.parse({ year: "2026", regulationId: String(reg.id) });
    await markStudied(t.db, staffA, mark);
    await markStudied(t.db, staffA, mark);
    expect(await t.db.studyMark.count({ where: { regulationId: reg.id } })).toBe(1);
    expect([...(await ownStudyMarks(t.db, staffA.id!, YEAR))]).toEqual([reg.id]);
    expect((await ownStudyMarks(t.db, staffB.id!, YEAR)).size).toBe(0);
    expect(await ownMarkedYears(t.db, staffA.id!, reg.id)).toEqual([YEAR]);
    expect(await ownMarkedYears(t.db, staffB.id!, reg.id)).toEqual([]);

    await unmarkStudied(t.db, staffB, mark); // not marked by B: no error, A's mark stays
    expect(await t.db.studyMark.count({ where: { regulationId: reg.id } })).toBe(1);
    await unmarkStudied(t.db, staffA, mark);
    await unmarkStudied(t.db, staffA, mark);
    expect(await t.db.studyMark.count({ where: { regulationId: reg.id } })).toBe(0);
    // Marks are personal notes, not business records: no audit rows (leaders read the audit log).
    expect(await t.db.auditLog.count({ where: { entity: "StudyList", entityId: "" } })).toBe(0);
  });

  it("refuses to mark a rule that is not on the year's list", async () => {
    const reg = await rule("XX市政协办公室会议管理办法");
    const before = await tableCounts(t.db);
    await expect(markStudied(t.db, staffA, { year: YEAR, regulationId: reg.id })).rejects.toThrow("该制度不在2026年学法清单中");
    await expect(markStudied(t.db, staffA, { year: 2025, regulationId: (await rule("XX市政协办公室保密工作制度")).id })).rejects.toThrow("不在2025年");
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("refuses a repealed rule, and shows a listed rule repealed later as 已废止", async () => {
    const repealed = await t.db.regulation.create({
      data: { title: "已废止的测试制度", category: "机关内部管理制度", status: "REPEALED", repealedOn: TODAY, versions: { create: { versionNo: 1, fullText: "第一条 测试。" } } },
    });
    const before = await tableCounts(t.db);
    await expect(addStudyItem(t.db, coordinator, { year: YEAR, regulationId: repealed.id, note: "" })).rejects.toThrow(REPEALED_STUDY_MESSAGE);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await studyCandidates(t.db, YEAR)).some((c) => c.id === repealed.id)).toBe(false);

    const listed = await rule("XX市政协办公室学法用法制度");
    await t.db.regulation.update({ where: { id: listed.id }, data: { status: "REPEALED" } });
    expect((await loadStudyList(t.db, YEAR)).find((r) => r.regulationId === listed.id)?.status).toBe("REPEALED");
    await t.db.regulation.update({ where: { id: listed.id }, data: { status: "EFFECTIVE" } });
  });

  it("lets only the 法治办 and the administrator manage the list", async () => {
    const reg = await rule("XX市政协办公室会议管理办法");
    const item = await t.db.studyListItem.findFirstOrThrow({ where: { year: YEAR } });
    const before = await tableCounts(t.db);
    for (const who of [staffA, leader]) {
      await expect(addStudyItem(t.db, who, { year: YEAR, regulationId: reg.id, note: "" })).rejects.toThrow("您没有执行此操作的权限");
      await expect(updateStudyNote(t.db, who, { itemId: item.id, note: "x" })).rejects.toThrow("您没有执行此操作的权限");
      await expect(removeStudyItem(t.db, who, item.id)).rejects.toThrow("您没有执行此操作的权限");
    }
    await expect(markStudied(t.db, { id: 1, username: "auditor", role: "AUDITOR" }, { year: YEAR, regulationId: item.regulationId })).rejects.toThrow("您没有执行此操作的权限");
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("gives the coordinator's list page no per-person data: no user ids, names or counts", async () => {
    const listed = await loadStudyList(t.db, YEAR);
    await markStudied(t.db, staffA, { year: YEAR, regulationId: listed[0].regulationId });
    await markStudied(t.db, staffB, { year: YEAR, regulationId: listed[0].regulationId });
    const rows = await loadStudyList(t.db, YEAR);
    expect(Object.keys(rows[0]).sort()).toEqual(["category", "docNumber", "itemId", "note", "regulationId", "sortOrder", "status", "title"]);
    const text = JSON.stringify(rows);
    for (const name of ["staff-zonghe", "staff-yanjiu", "userId", "addedById", "markedAt", "count", "marks"]) expect(text).not.toContain(name);
    for (const u of [staffA, staffB]) expect(text).not.toContain((await t.db.user.findUniqueOrThrow({ where: { id: u.id! } })).displayName);
    // The coordinator's own marks are only the coordinator's: two staff marks do not show up there.
    expect((await ownStudyMarks(t.db, coordinator.id!, YEAR)).size).toBe(0);
  });
});
