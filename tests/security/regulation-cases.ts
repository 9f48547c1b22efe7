/**
 * The 制度库 server actions and upload routes for the permission matrix. Each allowed call gets a
 * fresh rule (created directly in the database). Test-only.
 */
import type { Db } from "@/lib/db";
import type { ActionCase, MatrixContext } from "@/tests/security/action-cases";
import type { RouteCase, RouteContext } from "@/tests/security/route-cases";

const FILE = "lib/regulations/actions.ts";
const MANAGERS = ["ADMIN", "COORDINATOR"] as const;
const ORIGIN = "http://localhost";

export async function freshRegulation(db: Db, seq: number) {
  return db.regulation.create({
    data: {
      title: `矩阵制度${seq}`,
      category: "机关内部管理制度",
      adoptedOn: new Date(Date.UTC(2025, 0, 1)),
      versions: { create: { versionNo: 1, fullText: "第一条 矩阵测试。" } },
    },
  });
}

/** A rule of the 综合科 (STAFF_OWNER's office), optionally with a pending 修订建议 from its staff. */
async function officeRule(db: Db, seq: number, withProposal = false) {
  const office = await db.office.findFirstOrThrow({ where: { name: "综合科" } });
  const reg = await db.regulation.create({
    data: {
      title: `矩阵科室制度${seq}`,
      category: "机关内部管理制度",
      officeId: office.id,
      adoptedOn: new Date(Date.UTC(2025, 0, 1)),
      versions: { create: { versionNo: 1, fullText: "第一条 矩阵测试。" } },
    },
  });
  if (!withProposal) return { reg, proposalId: 0 };
  const staff = await db.user.findUniqueOrThrow({ where: { username: "staff-zonghe" } });
  const proposal = await db.regulationProposal.create({
    data: { regulationId: reg.id, officeId: office.id, kind: "REVISE", reason: "矩阵测试建议", proposedById: staff.id, pendingKey: reg.id },
  });
  return { reg, proposalId: proposal.id };
}

async function pointId(db: Db) {
  return (await db.workPoint.findFirstOrThrow({ where: { plan: { year: 2026 }, number: 6 } })).id;
}

export const REGULATION_ACTION_CASES: ActionCase[] = [
  {
    file: FILE,
    name: "repealRegulationAction",
    allowed: MANAGERS,
    input: async (c: MatrixContext) => {
      const reg = await freshRegulation(c.db, c.seq());
      return { regulationId: String(reg.id), expectedVersion: String(reg.version), repealedOn: "2026-06-01", reason: "矩阵测试废止" };
    },
  },
  {
    file: FILE,
    name: "reviewRegulationAction",
    allowed: MANAGERS,
    input: async (c) => {
      const reg = await freshRegulation(c.db, c.seq());
      return { regulationId: String(reg.id), expectedVersion: String(reg.version) };
    },
  },
  {
    file: FILE,
    name: "linkPointAction",
    allowed: MANAGERS,
    input: async (c) => {
      const reg = await freshRegulation(c.db, c.seq());
      return { regulationId: String(reg.id), workPointId: String(await pointId(c.db)), note: "" };
    },
  },
  {
    file: FILE,
    name: "unlinkPointAction",
    allowed: MANAGERS,
    input: async (c) => {
      const reg = await freshRegulation(c.db, c.seq());
      const link = await c.db.regulationPointLink.create({ data: { regulationId: reg.id, workPointId: await pointId(c.db) } });
      return { linkId: String(link.id) };
    },
  },
  {
    file: FILE,
    name: "recordAssessmentAction",
    allowed: MANAGERS,
    input: async (c) => {
      const reg = await freshRegulation(c.db, c.seq());
      const office = await c.db.office.findFirstOrThrow({ where: { name: "综合科" } });
      return { regulationId: String(reg.id), assessedOn: "2026-06-01", officeId: String(office.id), method: "SELF", findings: "矩阵测试：执行良好", rectification: "", rectificationStatus: "NONE" };
    },
  },
  {
    file: FILE,
    name: "updateRectificationAction",
    allowed: MANAGERS,
    input: async (c) => {
      const reg = await freshRegulation(c.db, c.seq());
      const office = await c.db.office.findFirstOrThrow({ where: { name: "综合科" } });
      const assessment = await c.db.regulationAssessment.create({
        data: { regulationId: reg.id, assessedOn: new Date(Date.UTC(2026, 5, 1)), officeId: office.id, method: "SAMPLE", findings: "矩阵测试：缺登记", rectification: "补登记", rectificationStatus: "OPEN" },
      });
      return { assessmentId: String(assessment.id), expectedVersion: String(assessment.version), rectification: "补登记", rectificationStatus: "DONE", rectifiedOn: "2026-06-02" };
    },
  },
  {
    file: FILE,
    name: "setCleanupActionAction",
    allowed: MANAGERS,
    input: async (c) => {
      const reg = await freshRegulation(c.db, c.seq());
      return { year: "2026", regulationId: String(reg.id), action: "KEEP", note: "" };
    },
  },
  {
    file: FILE,
    name: "proposeRegulationChangeAction",
    allowed: ["STAFF_OWNER"],
    input: async (c) => {
      const { reg } = await officeRule(c.db, c.seq());
      return { regulationId: String(reg.id), kind: "REVISE", reason: "矩阵测试：上位法修改", suggestedText: "" };
    },
  },
  {
    file: FILE,
    name: "decideProposalAction",
    allowed: MANAGERS,
    input: async (c) => {
      const { proposalId } = await officeRule(c.db, c.seq(), true);
      return { proposalId: String(proposalId), decision: "ACCEPT", comment: "" };
    },
  },
];

async function multipart(url: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([new TextEncoder().encode("第一条 矩阵上传。\n第二条 合同印章。")], "矩阵.txt", { type: "text/plain" }));
  const request = new Request(url, { method: "POST", body: form });
  const body = new Uint8Array(await request.arrayBuffer());
  return { method: "POST", headers: { origin: ORIGIN, host: "localhost", "content-type": request.headers.get("content-type")! }, body };
}

export const REGULATION_ROUTE_CASES: RouteCase[] = [
  {
    key: "app/api/regulations/route.ts POST",
    allowed: MANAGERS,
    call: async (c: RouteContext) => {
      const url = `${ORIGIN}/api/regulations`;
      return { url, init: await multipart(url, { title: `矩阵上传${c.seq()}`, issuer: "本机关", category: "履职工作制度", status: "EFFECTIVE", adoptedOn: "2026-01-05" }) };
    },
  },
  {
    key: "app/api/regulations/[id]/versions/route.ts POST",
    allowed: MANAGERS,
    call: async (c) => {
      const reg = await freshRegulation(c.db, c.seq());
      const url = `${ORIGIN}/api/regulations/${reg.id}/versions`;
      return { url, params: { id: String(reg.id) }, init: await multipart(url, { expectedVersion: String(reg.version), adoptedOn: "2026-02-01", note: "矩阵修订" }) };
    },
  },
  {
    key: "app/api/regulations/versions/[id]/file/route.ts GET",
    allowed: ["ADMIN", "LEADER", "COORDINATOR", "STAFF_OWNER", "STAFF_OTHER", "VIEWER"],
    call: async (c) => {
      const reg = await c.db.regulation.create({
        data: {
          title: `矩阵原文件${c.seq()}`,
          category: "履职工作制度",
          versions: { create: { versionNo: 1, fullText: "第一条 甲。", fileName: "原文.txt", fileData: new Uint8Array(new TextEncoder().encode("第一条 甲。")) } },
        },
        include: { versions: true },
      });
      return { url: `${ORIGIN}/api/regulations/versions/${reg.versions[0].id}/file`, params: { id: String(reg.versions[0].id) } };
    },
  },
  {
    key: "app/api/regulations/cleanup/route.ts GET",
    allowed: MANAGERS,
    call: async () => ({ url: `${ORIGIN}/api/regulations/cleanup?year=2026` }),
  },
];
