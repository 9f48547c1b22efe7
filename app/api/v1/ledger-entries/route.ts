import { createEntryFromJson } from "@/lib/ledger/api";

export const dynamic = "force-dynamic";

/** POST /api/v1/ledger-entries — create a draft entry (JSON body as the entry form). */
export async function POST(request: Request) {
  return createEntryFromJson(request);
}
