import crypto from "node:crypto";

/**
 * The second factor's arithmetic, with nothing but node:crypto (no database, no configuration):
 * RFC 4648 base32, RFC 4226 HOTP / RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits, as every
 * authenticator app expects), the otpauth:// URI an app scans, and the sealing of a secret at rest
 * (AES-256-GCM under a key derived with HKDF from the auth secret). Recovery codes: format, parsing
 * and keyed hash. The database side is lib/auth/second-factor.ts.
 */

export const TOTP_ISSUER = "法治建设工作台";
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the previous and the next step are accepted too (clock drift, typing time). */
export const TOTP_WINDOW = 1;
/** 20 bytes = 160 bits, the HMAC-SHA1 block recommended by RFC 4226. */
export const TOTP_SECRET_BYTES = 20;

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes base32 as people and apps write it: case-insensitive, spaces, hyphens and "=" padding
 * ignored. Throws on any other character or on trailing bits that are not zero (a mistyped secret).
 */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s-]/g, "").replace(/=+$/, "").toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) throw new Error(`invalid base32 character: ${JSON.stringify(char)}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  if (buffer !== 0 || bits >= 5) throw new Error("invalid base32 length or padding bits");
  return Buffer.from(out);
}

export function generateTotpSecret(): string {
  return base32Encode(crypto.randomBytes(TOTP_SECRET_BYTES));
}

/** RFC 4226 HOTP; `algorithm` and `digits` are parameters only for the RFC 6238 test vectors. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS, algorithm: "sha1" | "sha256" | "sha512" = "sha1"): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The time step (RFC 6238 T) of a moment. */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

export function totpCode(secretBase32: string, atMs: number): string {
  return hotp(base32Decode(secretBase32), totpStep(atMs));
}

export interface TotpCheck {
  /** The user's input; spaces are ignored. */
  code: string;
  /** Base32 secret. */
  secret: string;
  now: number;
  /** The last step already accepted for this secret: it and earlier steps are refused (no replay). */
  lastStep?: number | null;
}

/**
 * Checks a code against the current step and one step either side. Returns the matched step (the
 * caller stores it so the same code, or an older one, cannot be used again) or null. Comparison
 * is constant-time per candidate and every candidate is computed, so timing tells nothing.
 */
export function verifyTotp({ code, secret, now, lastStep }: TotpCheck): number | null {
  const input = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(input)) return null;
  const key = base32Decode(secret);
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step += 1) {
    const candidate = hotp(key, step);
    const equal = crypto.timingSafeEqual(Buffer.from(candidate), Buffer.from(input));
    if (equal && matched === null && (lastStep == null || step > lastStep)) matched = step;
  }
  return matched;
}

/** The otpauth:// URI (Google Authenticator key-URI format) an authenticator app scans. */
export function otpauthUri(secretBase32: string, account: string, issuer = TOTP_ISSUER): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: "SHA1",
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, "%20")}`;
}

// ---------------------------------------------------------------------------------------------
// Sealing at rest

/** A 32-byte key for one purpose, derived with HKDF-SHA256 from the auth secret. */
export function deriveKey(authSecret: string, purpose: string): Buffer {
  if (!authSecret) throw new Error("auth secret missing");
  return Buffer.from(crypto.hkdfSync("sha256", Buffer.from(authSecret, "utf8"), Buffer.from("fazhi-portal/v1", "utf8"), Buffer.from(purpose, "utf8"), 32));
}

const SEAL_VERSION = "v1";

/**
 * AES-256-GCM with a random 96-bit nonce. `context` is authenticated but not stored (for the TOTP
 * secret: the user id), so a sealed value copied to another row or another purpose does not open.
 * Format: v1.<nonce>.<ciphertext>.<tag>, base64url.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [SEAL_VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** Opens a sealed value; null when it was altered, sealed under another key or for another context. */
export function unseal(key: Buffer, sealed: string, context: string): string | null {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== SEAL_VERSION) return null;
  try {
    const iv = Buffer.from(parts[1], "base64url");
    const tag = Buffer.from(parts[3], "base64url");
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(parts[2], "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * What User.totpSecret holds: the sealed secret and the last accepted time step, as
 * `<lastStep>:<sealed>` (lastStep -1 before any code was accepted). Keeping the step in the same
 * column lets one conditional UPDATE (WHERE totpSecret = the value read) accept a code exactly once
 * across any number of app instances, without another column. The step is outside the seal: only
 * someone who can already write the row could lower it.
 */
export interface StoredTotp {
  sealed: string;
  lastStep: number;
}

export function encodeStoredTotp(state: StoredTotp): string {
  return `${state.lastStep}:${state.sealed}`;
}

export function decodeStoredTotp(value: string | null | undefined): StoredTotp | null {
  if (!value) return null;
  const match = /^(-1|\d{1,15}):(v1\.[A-Za-z0-9_.-]+)$/.exec(value);
  if (!match) return null;
  return { lastStep: Number(match[1]), sealed: match[2] };
}

export function totpContext(userId: number): string {
  return `totp-secret:user:${userId}`;
}

// ---------------------------------------------------------------------------------------------
// Recovery codes

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32 alphabet (no i, l, o, u): 5 bits a character, 50 bits a code. */
const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RECOVERY_GROUP = 5;

/** One code, `xxxxx-xxxxx`. */
export function generateRecoveryCode(): string {
  const bytes = crypto.randomBytes(RECOVERY_GROUP * 2);
  // Each byte's low 5 bits: 256 is a multiple of 32, so every character is uniform.
  const chars = [...bytes].map((byte) => RECOVERY_ALPHABET[byte & 31]).join("");
  return `${chars.slice(0, RECOVERY_GROUP)}-${chars.slice(RECOVERY_GROUP)}`;
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/**
 * A typed recovery code in canonical form (lower case, no separators; o→0, i/l→1 as Crockford),
 * or null when it cannot be one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
  if (clean.length !== RECOVERY_GROUP * 2) return null;
  for (const char of clean) if (!RECOVERY_ALPHABET.includes(char)) return null;
  return clean;
}

/**
 * The stored form: HMAC-SHA256 keyed with a key derived from the auth secret, over the user id and
 * the canonical code. 50 random bits need no slow hash against guessing online (the lockout counts
 * every wrong code); the key means a copied database alone does not let the codes be searched offline.
 */
export function hashRecoveryCode(key: Buffer, userId: number, code: string): string {
  const canonical = normalizeRecoveryCode(code);
  if (!canonical) throw new Error("not a recovery code");
  return crypto.createHmac("sha256", key).update(`${userId}:${canonical}`).digest("hex");
}
