import { prisma } from "@/lib/db";
import { actorOf } from "@/lib/auth/dal";
import { jsonError, parseId } from "@/lib/ledger/http";
import { handleRegulationUpload } from "@/lib/regulations/http";
import { reviseRegulation } from "@/lib/regulations/mutations";
import { reviseRegulationSchema } from "@/lib/regulations/schemas";
import { NOT_FOUND_MESSAGE } from "@/lib/regulations/constants";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** POST /api/regulations/[id]/versions — 修订: a new version (fields of reviseRegulationSchema, optional `file`); the old one stays. */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = parseId((await ctx.params).id);
  if (id === null) return jsonError(404, NOT_FOUND_MESSAGE);
  return handleRegulationUpload(
    request,
    reviseRegulationSchema,
    async (user, input, file) => {
      const version = await reviseRegulation(prisma, actorOf(user), input, file);
      return { id: version.regulationId, message: `已修订，当前为第 ${version.versionNo} 版` };
    },
    { regulationId: String(id) },
  );
}
