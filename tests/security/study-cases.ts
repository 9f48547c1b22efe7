/**
 * The 学法清单 server actions for the permission matrix: each call gets a fresh rule (and list item)
 * created directly in the database. Test-only.
 */
import type { ActionCase, MatrixContext } from "@/tests/security/action-cases";
import { freshRegulation } from "@/tests/security/regulation-cases";

const FILE = "lib/study/actions.ts";
const MANAGERS = ["ADMIN", "COORDINATOR"] as const;
const READERS = ["ADMIN", "LEADER", "COORDINATOR", "STAFF_OWNER", "STAFF_OTHER", "VIEWER"] as const;
const YEAR = 2026;

async function freshItem(c: MatrixContext) {
  const reg = await freshRegulation(c.db, 10_000 + c.seq());
  return c.db.studyListItem.create({ data: { year: YEAR, regulationId: reg.id, note: "矩阵测试" } });
}

export const STUDY_ACTION_CASES: ActionCase[] = [
  {
    file: FILE,
    name: "addStudyItemAction",
    allowed: MANAGERS,
    input: async (c) => ({ year: String(YEAR), regulationId: String((await freshRegulation(c.db, 10_000 + c.seq())).id), note: "重点学习第一条" }),
  },
  { file: FILE, name: "updateStudyNoteAction", allowed: MANAGERS, input: async (c) => ({ itemId: String((await freshItem(c)).id), note: "通读全文" }) },
  { file: FILE, name: "removeStudyItemAction", allowed: MANAGERS, input: async (c) => ({ itemId: String((await freshItem(c)).id) }) },
  {
    file: FILE,
    name: "markStudiedAction",
    allowed: READERS,
    input: async (c) => ({ year: String(YEAR), regulationId: String((await freshItem(c)).regulationId) }),
  },
  {
    file: FILE,
    name: "unmarkStudiedAction",
    allowed: READERS,
    input: async (c) => ({ year: String(YEAR), regulationId: String((await freshItem(c)).regulationId) }),
  },
];
