import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { auditActorOf } from "@/lib/ledger/access";
import { buildEvidenceIndex, evidenceExportFileName, evidenceZipStream, loadEvidenceManifest } from "@/lib/ledger/export-zip";
import { contentDisposition } from "@/lib/ledger/files";
import { attachmentHeaders, jsonError, routeUser } from "@/lib/ledger/http";
import { yearParamSchema } from "@/lib/ledger/schemas";
import { findVisiblePlan } from "@/lib/plan/visibility";

/** GET /api/export/evidence?year=YYYY — all approved evidence of the year as a streamed .zip with index.xlsx. */
export async function GET(request: Request) {
  const user = await routeUser("ledger:export");
  if (user instanceof Response) return user;
  const year = yearParamSchema.safeParse(new URL(request.url).searchParams.get("year") ?? "");
  if (!year.success) return jsonError(400, "年份参数无效，请使用四位年份，例如 year=2025");
  const plan = await findVisiblePlan(prisma, user.role, year.data);
  if (!plan) return jsonError(404, `${year.data}年没有工作要点`);
  const items = await loadEvidenceManifest(prisma, user, year.data);
  const index = await buildEvidenceIndex(year.data, items);
  await writeAudit(prisma, auditActorOf(user), {
    entity: "Ledger",
    entityId: year.data,
    action: "export.evidence",
    after: { files: items.length, bytes: items.reduce((sum, i) => sum + i.size, 0) },
  });
  return new Response(evidenceZipStream(prisma, items, index), {
    headers: attachmentHeaders("application/zip", contentDisposition(evidenceExportFileName(year.data))),
  });
}
