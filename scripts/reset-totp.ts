/**
 * Removes an account's second factor when its phone and recovery codes are lost:
 *   npx tsx scripts/reset-totp.ts <username>
 * Run on the server with the portal's DATABASE_URL (and NEXTAUTH_SECRET, if set). The account's
 * sessions end; an administrative account must enrol again at its next login. Audited as totp.reset.
 */
import os from "node:os";
import { createPrismaClient } from "../lib/db";
import { resetTotp } from "../lib/auth/second-factor";

async function main() {
  const username = process.argv[2]?.trim();
  if (!username) {
    console.error("用法：npx tsx scripts/reset-totp.ts <用户名>");
    process.exit(2);
  }
  const db = createPrismaClient();
  try {
    const { wasEnabled } = await resetTotp(db, { id: null, username: `cli:${os.userInfo().username}`, role: "" }, username, "cli");
    console.log(wasEnabled ? `已清除用户“${username}”的双因素认证，其现有会话已失效` : `用户“${username}”未启用双因素认证；其现有会话已失效`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error("操作失败：", error instanceof Error ? error.message : error);
  process.exit(1);
});
