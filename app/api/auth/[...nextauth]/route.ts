import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { BodyTooLargeError, readBytesLimited, tooLargeResponse, withBody } from "@/lib/security/body";

const handler = NextAuth(authOptions);

/** A login, CSRF or sign-out form is a few hundred bytes; next-auth itself would read any body whole. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

export { handler as GET };

/** next-auth's POST endpoints get the body only after it has been read under the cap (lib/security/body.ts). */
export async function POST(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBytesLimited(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse();
    throw error;
  }
  return handler(withBody(request, bytes, (url, init) => new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1])), context);
}
