import { AuthError, actorOf, requirePermission } from "@/lib/auth/dal";
import { writeAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { loadSupervisionSheet } from "@/lib/reminders/sheet";
import { attachmentDisposition, buildSupervisionDocx, supervisionFileName } from "@/lib/reminders/supervision-docx";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function fail(status: number, message: string) {
  return Response.json({ ok: false, message }, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

/**
 * The 督办单 of one reminder as .docx. LEADER / COORDINATOR / VIEWER may print any; STAFF only
 * their own office's (the office is part of the query, so another office's reminder is a 404).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("reminder:read");
    const { id } = await params;
    if (!/^\d{1,9}$/.test(id)) return fail(404, "督办不存在或无权查看");
    const sheet = await loadSupervisionSheet(prisma, Number(id), user);
    if (!sheet) return fail(404, "督办不存在或无权查看");
    const docx = await buildSupervisionDocx(sheet);
    await writeAudit(prisma, actorOf(user), { entity: "Reminder", entityId: id, action: "export.docx" });
    return new Response(new Uint8Array(docx), {
      headers: {
        "Content-Type": DOCX,
        "Content-Disposition": attachmentDisposition(supervisionFileName(sheet), `supervision-${id}.docx`),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AuthError) return fail(error.status, error.message);
    throw error;
  }
}
