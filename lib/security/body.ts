/**
 * Request bodies are read against a cap while they stream in, never whole and measured afterwards:
 * a declared Content-Length over the cap is refused before a byte is read, and a body without one
 * (chunked) is cancelled as soon as the running count passes the cap. At most cap + one chunk is
 * ever held. Every route handler that reads a body goes through here (the plan parser's
 * `readLimited` in lib/plan/import-parse.ts does the same for its 10 MB).
 */
import { UserFacingError } from "@/lib/action-state";

export const BODY_TOO_LARGE_MESSAGE = "请求内容过大";

export class BodyTooLargeError extends UserFacingError {
  constructor(message = BODY_TOO_LARGE_MESSAGE) {
    super(message);
  }
}

/** The body could be read but is not what the route accepts (malformed JSON or form data). */
export class BodyUnreadableError extends UserFacingError {}

/** Whether the request declares a Content-Length above the cap (refuse it without reading). */
export function declaresMoreThan(request: Request, cap: number): boolean {
  const raw = request.headers.get("content-length");
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return false;
  return Number(raw) > cap;
}

/** The body's bytes, at most `cap` of them; throws BodyTooLargeError past that. */
export async function readBytesLimited(request: Request, cap: number, message?: string): Promise<Uint8Array<ArrayBuffer>> {
  if (declaresMoreThan(request, cap)) throw new BodyTooLargeError(message);
  const body = request.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        throw new BodyTooLargeError(message);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** A JSON body of at most `cap` bytes (UTF-8). */
export async function readJsonLimited(request: Request, cap: number): Promise<unknown> {
  const bytes = await readBytesLimited(request, cap);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BodyUnreadableError("请求内容不是有效的 UTF-8 文本");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyUnreadableError("JSON 格式无效");
  }
}

/**
 * A multipart or urlencoded form of at most `cap` bytes. The bytes are read under the cap first
 * and only then parsed: `request.formData()` on an unbounded body would buffer all of it.
 */
export async function readFormLimited(request: Request, cap: number, message?: string): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  const bytes = await readBytesLimited(request, cap, message);
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new BodyUnreadableError("表单内容无法解析");
  }
}

/** A copy of the request whose body is the given (already limited) bytes, for handlers that read it themselves. */
export function withBody<R extends Request>(request: R, bytes: Uint8Array<ArrayBuffer>, make: (url: string, init: RequestInit) => R): R {
  const headers = new Headers(request.headers);
  headers.set("content-length", String(bytes.byteLength));
  headers.delete("transfer-encoding");
  return make(request.url, { method: request.method, headers, body: bytes.byteLength ? bytes : null, signal: request.signal });
}

export function tooLargeResponse(message = BODY_TOO_LARGE_MESSAGE): Response {
  return Response.json({ ok: false, message }, { status: 413, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", Connection: "close" } });
}
