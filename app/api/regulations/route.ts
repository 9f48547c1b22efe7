import { prisma } from "@/lib/db";
import { actorOf } from "@/lib/auth/dal";
import { handleRegulationUpload } from "@/lib/regulations/http";
import { createRegulation } from "@/lib/regulations/mutations";
import { createRegulationSchema } from "@/lib/regulations/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** POST /api/regulations — 制定: multipart fields of createRegulationSchema and an optional `file` (.docx/.doc/.pdf/.txt, ≤ 10 MB). */
export async function POST(request: Request) {
  return handleRegulationUpload(request, createRegulationSchema, async (user, input, file) => {
    const regulation = await createRegulation(prisma, actorOf(user), input, file);
    return { id: regulation.id, message: regulation.searchable ? `已录入《${regulation.title}》` : `已录入《${regulation.title}》；文件中没有可识别的文字，已作为附件保存，标记为“无法检索”` };
  });
}
