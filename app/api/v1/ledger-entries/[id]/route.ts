import { jsonError, parseId } from "@/lib/ledger/http";
import { readEntryAsJson, updateEntryFromJson } from "@/lib/ledger/api";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** GET /api/v1/ledger-entries/:id — one entry the user may read. */
export async function GET(_request: Request, { params }: Params) {
  const id = parseId((await params).id);
  if (id === null) return jsonError(400, "记录编号无效");
  return readEntryAsJson(id);
}

/** PATCH /api/v1/ledger-entries/:id — edit with the version last read; a stale version gets 409. */
export async function PATCH(request: Request, { params }: Params) {
  const id = parseId((await params).id);
  if (id === null) return jsonError(400, "记录编号无效");
  return updateEntryFromJson(request, id);
}
