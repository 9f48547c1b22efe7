/**
 * The ledger's JSON API (app/api/v1/ledger-entries): the same schemas, scopes and mutations as the
 * server actions, for scripts and integrations (and the load and crash tests).
 */
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/dal";
import { ConflictError, UserFacingError, invalidInput } from "@/lib/action-state";
import { crossOriginResponse, isSameOrigin } from "@/lib/security/origin";
import { BodyTooLargeError, BodyUnreadableError, readJsonLimited, tooLargeResponse } from "@/lib/security/body";
import { jsonError, routeUser } from "./http";
import * as schemas from "./schemas";
import * as mutations from "./mutations";
import { readScope, deletedScope, NotFoundError } from "./access";

/** Cap of a JSON body, enforced while it streams in (lib/security/body.ts). */
export const MAX_JSON_BYTES = 256 * 1024;
const NO_STORE = { "Cache-Control": "no-store" };

async function readJson(request: Request): Promise<unknown | Response> {
  if (!request.headers.get("content-type")?.includes("application/json")) return jsonError(415, "请求内容须为 JSON（application/json）");
  try {
    return await readJsonLimited(request, MAX_JSON_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(`请求内容过大（上限 ${MAX_JSON_BYTES / 1024} KB）`);
    if (error instanceof BodyUnreadableError) return jsonError(400, error.message);
    throw error;
  }
}

function failure(error: unknown): Response {
  if (error instanceof NotFoundError) return jsonError(404, error.message);
  if (error instanceof ConflictError) return jsonError(409, error.message);
  if (error instanceof UserFacingError) return jsonError(422, error.message);
  throw error;
}

function invalid(error: z.ZodError): Response {
  const state = invalidInput(error);
  return Response.json({ ok: false, message: state.message, fieldErrors: state.fieldErrors }, { status: 400, headers: NO_STORE });
}

type Guarded = { user: CurrentUser; body: unknown } | Response;

async function guardWrite(request: Request): Promise<Guarded> {
  if (!isSameOrigin(request)) return crossOriginResponse();
  const user = await routeUser("ledger:write");
  if (user instanceof Response) return user;
  const body = await readJson(request);
  if (body instanceof Response) return body;
  return { user, body };
}

export async function createEntryFromJson(request: Request): Promise<Response> {
  const guarded = await guardWrite(request);
  if (guarded instanceof Response) return guarded;
  const schema = can(guarded.user.role, "ledger:writeAll") ? schemas.createEntryForOfficeSchema : schemas.createEntrySchema;
  const parsed = schema.safeParse(guarded.body);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const entry = await mutations.createEntry(prisma, guarded.user, parsed.data);
    return Response.json({ ok: true, id: entry.id, version: entry.version }, { status: 201, headers: NO_STORE });
  } catch (error) {
    return failure(error);
  }
}

export async function updateEntryFromJson(request: Request, id: number): Promise<Response> {
  const guarded = await guardWrite(request);
  if (guarded instanceof Response) return guarded;
  const parsed = schemas.updateEntrySchema.safeParse({ ...(guarded.body as object), id });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const entry = await mutations.updateEntry(prisma, guarded.user, parsed.data);
    return Response.json({ ok: true, id: entry.id, version: entry.version }, { headers: NO_STORE });
  } catch (error) {
    return failure(error);
  }
}

export async function readEntryAsJson(id: number): Promise<Response> {
  const user = await routeUser("ledger:read");
  if (user instanceof Response) return user;
  const entry = await prisma.ledgerEntry.findFirst({
    where: { id, ...readScope(user), ...deletedScope(user) },
    include: { quantities: { select: { targetId: true, value: true, completes: true } } },
  });
  if (!entry) return jsonError(404, new NotFoundError().message);
  return Response.json(
    {
      ok: true,
      entry: {
        id: entry.id,
        version: entry.version,
        pointId: entry.workPointId,
        officeId: entry.officeId,
        date: entry.date.toISOString().slice(0, 10),
        title: entry.title,
        form: entry.form,
        description: entry.description,
        status: entry.status,
        quantities: entry.quantities,
      },
    },
    { headers: NO_STORE },
  );
}
