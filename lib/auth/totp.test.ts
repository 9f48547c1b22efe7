import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  decodeStoredTotp,
  deriveKey,
  encodeStoredTotp,
  generateRecoveryCode,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  hotp,
  normalizeRecoveryCode,
  otpauthUri,
  seal,
  totpCode,
  totpStep,
  unseal,
  verifyTotp,
} from "./totp";

describe("base32 (RFC 4648 section 10)", () => {
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "MY======"],
    ["fo", "MZXQ===="],
    ["foo", "MZXW6==="],
    ["foob", "MZXW6YQ="],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI======"],
  ];
  it.each(vectors)("%j <-> %s", (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded.replace(/=/g, ""));
    expect(base32Decode(encoded).toString()).toBe(plain);
    expect(base32Decode(encoded.toLowerCase().replace(/=/g, "")).toString()).toBe(plain);
  });

  it("round-trips random bytes and ignores spaces and hyphens", () => {
    for (let n = 0; n < 64; n += 1) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff));
      const text = base32Encode(bytes);
      expect(base32Decode(text).equals(bytes)).toBe(true);
      expect(base32Decode(text.replace(/(.{4})/g, "$1 ")).equals(bytes)).toBe(true);
    }
  });

  it.each(["MZXW1", "MZXW6Y!", "MZ", "MZXW6YR", "A"])("refuses %s (bad character, impossible length or non-zero trailing bits)", (bad) => {
    expect(() => base32Decode(bad)).toThrow();
  });

  it("generates 160-bit secrets", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe("HOTP (RFC 4226 appendix D)", () => {
  const key = Buffer.from("12345678901234567890");
  const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
  it.each(expected.map((code, counter) => [counter, code] as const))("counter %i -> %s", (counter, code) => {
    expect(hotp(key, counter)).toBe(code);
  });
});

describe("TOTP (RFC 6238 appendix B)", () => {
  const seeds = {
    sha1: Buffer.from("12345678901234567890"),
    sha256: Buffer.from("12345678901234567890123456789012"),
    sha512: Buffer.from("1234567890123456789012345678901234567890123456789012345678901234"),
  };
  const vectors: [number, string, string, string][] = [
    [59, "94287082", "46119246", "90693936"],
    [1111111109, "07081804", "68084774", "25091201"],
    [1111111111, "14050471", "67062674", "99943326"],
    [1234567890, "89005924", "91819424", "93441116"],
    [2000000000, "69279037", "90698825", "38618901"],
    [20000000000, "65353130", "77737706", "47863826"],
  ];
  it.each(vectors)("T=%i", (seconds, sha1, sha256, sha512) => {
    const step = totpStep(seconds * 1000);
    expect(hotp(seeds.sha1, step, 8, "sha1")).toBe(sha1);
    expect(hotp(seeds.sha256, step, 8, "sha256")).toBe(sha256);
    expect(hotp(seeds.sha512, step, 8, "sha512")).toBe(sha512);
    // The portal's own 6-digit codes are the last 6 digits of the 8-digit SHA-1 ones.
    expect(totpCode(base32Encode(seeds.sha1), seconds * 1000)).toBe(sha1.slice(2));
  });
});

describe("verifyTotp: ±1 step window and replay", () => {
  const secret = base32Encode(Buffer.from("12345678901234567890"));
  const now = 1_111_111_111_000; // step 37037037, 1 s into it
  const step = totpStep(now);
  const codeAt = (s: number) => hotp(base32Decode(secret), s);

  const cases: { label: string; code: string; lastStep?: number | null; expected: number | null }[] = [
    { label: "current step", code: codeAt(step), expected: step },
    { label: "previous step", code: codeAt(step - 1), expected: step - 1 },
    { label: "next step", code: codeAt(step + 1), expected: step + 1 },
    { label: "two steps back", code: codeAt(step - 2), expected: null },
    { label: "two steps ahead", code: codeAt(step + 2), expected: null },
    { label: "with spaces", code: `${codeAt(step).slice(0, 3)} ${codeAt(step).slice(3)}`, expected: step },
    { label: "five digits", code: codeAt(step).slice(1), expected: null },
    { label: "seven digits", code: `${codeAt(step)}0`, expected: null },
    { label: "letters", code: "12a456", expected: null },
    { label: "empty", code: "", expected: null },
    { label: "replay of the accepted step", code: codeAt(step), lastStep: step, expected: null },
    { label: "older code after a newer one was accepted", code: codeAt(step - 1), lastStep: step, expected: null },
    { label: "next code after the current was accepted", code: codeAt(step + 1), lastStep: step, expected: step + 1 },
    { label: "current code after the previous was accepted", code: codeAt(step), lastStep: step - 1, expected: step },
    { label: "nothing accepted yet (-1)", code: codeAt(step), lastStep: -1, expected: step },
  ];
  it.each(cases)("$label", ({ code, lastStep, expected }) => {
    expect(verifyTotp({ code, secret, now, lastStep })).toBe(expected);
  });

  it("a wrong code is refused", () => {
    const right = codeAt(step);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    const neighbours = [codeAt(step - 1), codeAt(step + 1)];
    if (!neighbours.includes(wrong)) expect(verifyTotp({ code: wrong, secret, now })).toBeNull();
  });
});

describe("otpauth URI", () => {
  it("names the issuer and the account and carries the parameters", () => {
    const uri = otpauthUri("JBSWY3DPEHPK3PXP", "zhang san");
    expect(uri.startsWith("otpauth://totp/")).toBe(true);
    const url = new URL(uri);
    expect(decodeURIComponent(url.pathname.replace(/^\/\//, "").replace(/^\//, ""))).toBe("法治建设工作台:zhang san");
    expect(url.searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(url.searchParams.get("issuer")).toBe("法治建设工作台");
    expect(url.searchParams.get("digits")).toBe("6");
    expect(url.searchParams.get("period")).toBe("30");
    expect(url.searchParams.get("algorithm")).toBe("SHA1");
    expect(uri).not.toContain("+");
  });
});

describe("sealing the secret at rest (AES-256-GCM, HKDF key)", () => {
  const key = deriveKey("test-auth-secret", "totp-secret");
  const secret = generateTotpSecret();

  it("round-trips and does not contain the plaintext", () => {
    const sealed = seal(key, secret, "user:1");
    expect(sealed).not.toContain(secret);
    expect(unseal(key, sealed, "user:1")).toBe(secret);
    expect(seal(key, secret, "user:1")).not.toBe(sealed);
  });

  it("derives different keys per secret and per purpose", () => {
    expect(deriveKey("test-auth-secret", "totp-secret").equals(key)).toBe(true);
    expect(deriveKey("other-secret", "totp-secret").equals(key)).toBe(false);
    expect(deriveKey("test-auth-secret", "recovery-code").equals(key)).toBe(false);
    expect(() => deriveKey("", "totp-secret")).toThrow();
  });

  it("refuses a tampered value, another key and another context", () => {
    const sealed = seal(key, secret, "user:1");
    const [v, iv, body, tag] = sealed.split(".");
    const flip = (s: string) => {
      const bytes = Buffer.from(s, "base64url");
      bytes[0] ^= 1;
      return bytes.toString("base64url");
    };
    expect(unseal(key, [v, flip(iv), body, tag].join("."), "user:1")).toBeNull();
    expect(unseal(key, [v, iv, flip(body), tag].join("."), "user:1")).toBeNull();
    expect(unseal(key, [v, iv, body, flip(tag)].join("."), "user:1")).toBeNull();
    expect(unseal(key, [v, iv, body].join("."), "user:1")).toBeNull();
    expect(unseal(key, ["v2", iv, body, tag].join("."), "user:1")).toBeNull();
    expect(unseal(deriveKey("other-secret", "totp-secret"), sealed, "user:1")).toBeNull();
    expect(unseal(key, sealed, "user:2")).toBeNull();
    expect(unseal(key, "garbage", "user:1")).toBeNull();
  });

  it("stores the last accepted step next to the sealed secret", () => {
    const sealed = seal(key, secret, "user:1");
    expect(decodeStoredTotp(encodeStoredTotp({ sealed, lastStep: -1 }))).toEqual({ sealed, lastStep: -1 });
    expect(decodeStoredTotp(encodeStoredTotp({ sealed, lastStep: 59_000_000 }))).toEqual({ sealed, lastStep: 59_000_000 });
    expect(decodeStoredTotp(secret)).toBeNull();
    expect(decodeStoredTotp(null)).toBeNull();
    expect(decodeStoredTotp(`x:${sealed}`)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct xxxxx-xxxxx codes from Crockford's alphabet", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect(generateRecoveryCode()).not.toBe(generateRecoveryCode());
  });

  it("normalises what people type", () => {
    expect(normalizeRecoveryCode("ABCDE-FGH01")).toBe("abcdefgh01");
    expect(normalizeRecoveryCode(" abcde fgh01 ")).toBe("abcdefgh01");
    expect(normalizeRecoveryCode("abcdeoooil")).toBe("abcde00011");
    expect(normalizeRecoveryCode("abcde-fgh0")).toBeNull();
    expect(normalizeRecoveryCode("abcde-fgh0uu")).toBeNull();
    expect(normalizeRecoveryCode("123456")).toBeNull();
  });

  it("are stored as a keyed hash bound to the user, equal for every spelling of the code", () => {
    const key = deriveKey("test-auth-secret", "recovery-code");
    const code = generateRecoveryCode();
    const hash = hashRecoveryCode(key, 7, code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code.replace("-", ""));
    expect(hashRecoveryCode(key, 7, code.toUpperCase().replace("-", " "))).toBe(hash);
    expect(hashRecoveryCode(key, 8, code)).not.toBe(hash);
    expect(hashRecoveryCode(deriveKey("other", "recovery-code"), 7, code)).not.toBe(hash);
    expect(() => hashRecoveryCode(key, 7, "nope")).toThrow();
  });
});
