import type { Db } from "@/lib/db";
import type { ActionCase } from "./action-cases";
import { PERSONA_USERNAME, type Persona } from "./personas";
import { generateTotpSecret, seal, encodeStoredTotp, totpCode, totpContext } from "@/lib/auth/totp";
import { createEnrolmentOffer, secondFactorKeys } from "@/lib/auth/second-factor";

const ACCOUNT_PERSONAS = ["ADMIN", "SECURITY_ADMIN", "AUDITOR", "LEADER", "COORDINATOR", "STAFF_OWNER", "STAFF_OTHER", "VIEWER"] as const satisfies readonly Persona[];
const BUSINESS_PERSONAS = ["LEADER", "COORDINATOR", "STAFF_OWNER", "STAFF_OTHER", "VIEWER"] as const satisfies readonly Persona[];

function usernameOf(persona: Persona) {
  return persona === "ANONYMOUS" ? "admin" : PERSONA_USERNAME[persona];
}

/** The persona's account without a second factor. */
async function withoutFactor(db: Db, persona: Persona) {
  return db.user.update({ where: { username: usernameOf(persona) }, data: { totpSecret: null, totpEnabledAt: null } });
}

/** The persona's account with a fresh factor whose secret the test knows; returns a current code. */
async function withFactor(db: Db, persona: Persona): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { username: usernameOf(persona) } });
  const secret = generateTotpSecret();
  const stored = encodeStoredTotp({ sealed: seal(secondFactorKeys().secret, secret, totpContext(user.id)), lastStep: -1 });
  await db.user.update({ where: { id: user.id }, data: { totpSecret: stored, totpEnabledAt: new Date() } });
  return totpCode(secret, Date.now());
}

/** The account's own second factor (lib/account/totp-actions.ts): every active account; disabling not for the 三员. */
export const ACCOUNT_ACTION_CASES: ActionCase[] = [
  {
    file: "lib/account/totp-actions.ts",
    name: "confirmTotpAction",
    allowed: ACCOUNT_PERSONAS,
    input: async (c, persona) => {
      const user = await withoutFactor(c.db, persona);
      const offer = createEnrolmentOffer(user);
      return { token: offer.token, code: totpCode(offer.secret, Date.now()) };
    },
  },
  {
    file: "lib/account/totp-actions.ts",
    name: "regenerateRecoveryCodesAction",
    allowed: ACCOUNT_PERSONAS,
    input: async (c, persona) => ({ current: await withFactor(c.db, persona) }),
  },
  {
    file: "lib/account/totp-actions.ts",
    name: "disableTotpAction",
    allowed: BUSINESS_PERSONAS,
    input: async (c, persona) => ({ current: await withFactor(c.db, persona) }),
  },
];
