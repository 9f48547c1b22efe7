import { prisma } from "@/lib/db";
import { writeAudit } from "@/lib/audit";

/**
 * One active session per account (等保 2.0, optional): with SINGLE_SESSION=1 every login records its
 * session id as the account's `currentSid`, and the data access layer (lib/auth/dal.ts) refuses any
 * other session of that account from its next request on. The takeover is audited with the new
 * login's client address. Off (the default), nothing is written.
 */
export function singleSessionEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SINGLE_SESSION === "1";
}

export async function claimSession(userId: number, sid: string, ip: string): Promise<void> {
  if (!singleSessionEnabled()) return;
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, role: true, currentSid: true } });
    if (!before) return;
    await tx.user.update({ where: { id: userId }, data: { currentSid: sid } });
    if (before.currentSid && before.currentSid !== sid) {
      await writeAudit(tx, { id: before.id, username: before.username, role: before.role }, { entity: "Auth", entityId: before.username, action: "session.superseded", ip });
    }
  });
}
