import "server-only";
import { prisma } from "@/lib/db";
import { jsonError, routeUser } from "@/lib/ledger/http";
import type { CurrentUser } from "@/lib/auth/dal";
import { loadAssessment, type AssessmentView } from "./queries";
import { yearSchema } from "./schemas";

/** The reader and the year's 考核 for an export route, or the error response. */
export async function exportContext(yearParam: string): Promise<{ user: CurrentUser; view: AssessmentView; unitName: string } | Response> {
  const user = await routeUser("assessment:read");
  if (user instanceof Response) return user;
  const year = yearSchema.safeParse(yearParam);
  if (!/^\d{4}$/.test(yearParam) || !year.success) return jsonError(404, "年份无效");
  const view = await loadAssessment(prisma, year.data);
  if (view.indicators.length === 0) return jsonError(404, `${year.data}年度还没有考核指标`);
  const settings = await prisma.unitSettings.findUnique({ where: { id: 1 }, select: { unitName: true } });
  return { user, view, unitName: settings?.unitName ?? "" };
}
