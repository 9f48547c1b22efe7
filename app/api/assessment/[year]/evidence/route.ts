import { writeAudit } from "@/lib/audit";
import { actorOf } from "@/lib/auth/dal";
import { prisma } from "@/lib/db";
import { buildEvidencePackageIndex, evidencePackageFileName, loadIndicatorEvidence } from "@/lib/assessment/evidence";
import { exportContext } from "@/lib/assessment/http";
import { evidenceZipStream, type EvidenceItem } from "@/lib/ledger/export-zip";
import { attachmentHeaders } from "@/lib/ledger/http";
import { contentDisposition } from "@/lib/ledger/files";

/** GET /api/assessment/YYYY/evidence — the evidence package (.zip), one folder per indicator, with index.xlsx. */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const context = await exportContext((await params).year);
  if (context instanceof Response) return context;
  const { user, view } = context;
  const evidence = await loadIndicatorEvidence(prisma, view.indicators);
  const files = [...evidence.values()].flat();
  const index = await buildEvidencePackageIndex(view.year, view.indicators, evidence);
  await writeAudit(prisma, actorOf(user), { entity: "Assessment", entityId: view.year, action: "export.evidence", after: { files: files.length, bytes: files.reduce((s, f) => s + f.size, 0) } });
  // The ledger's streamed zip needs only the path, id and date of each file.
  const items = files.map((f) => ({ attachmentId: f.attachmentId, path: f.path, date: f.date }) as EvidenceItem);
  return new Response(evidenceZipStream(prisma, items, index), { headers: attachmentHeaders("application/zip", contentDisposition(evidencePackageFileName(view.year))) });
}
