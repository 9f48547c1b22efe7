import { actorOf } from "@/lib/auth/dal";
import { writeAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { DOCX_MIME, fileResponse, jsonError, parseId, routeUser } from "@/lib/http/responses";
import { loadSupervisionSheet } from "@/lib/reminders/sheet";
import { attachmentDisposition, buildSupervisionDocx, supervisionFileName } from "@/lib/reminders/supervision-docx";

/**
 * The 督办单 of one reminder as .docx. LEADER / COORDINATOR / VIEWER may print any; STAFF only
 * their own office's (the office is part of the query, so another office's reminder is a 404).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await routeUser("reminder:read");
  if (user instanceof Response) return user;
  const id = parseId((await params).id);
  if (id === null) return jsonError(404, "督办不存在或无权查看");
  const sheet = await loadSupervisionSheet(prisma, id, user);
  if (!sheet) return jsonError(404, "督办不存在或无权查看");
  const docx = await buildSupervisionDocx(sheet);
  await writeAudit(prisma, actorOf(user), { entity: "Reminder", entityId: String(id), action: "export.docx" });
  return fileResponse(docx, DOCX_MIME, attachmentDisposition(supervisionFileName(sheet), `supervision-${id}.docx`));
}
