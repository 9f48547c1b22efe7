/**
 * `bin/portal create-admin USERNAME [--role ADMIN|SECURITY_ADMIN|AUDITOR] [--password-stdin]`:
 * an administrative account on the server's console, for a fresh production install (no demo data)
 * or when every administrator is locked out. 三员分立: one role per account, so the three roles
 * take three accounts. Without --password-stdin a random password is printed once and must be
 * changed at the first login; a password piped in must meet the policy (lib/auth/password-policy.ts).
 */
import crypto from "node:crypto";
import { ADMIN_ROLES, ROLE_LABEL, type Role } from "../../lib/auth/roles";
import { hashPassword } from "../../lib/auth/password";
import { passwordPolicyErrors } from "../../lib/auth/password-policy";
import { applyMigrations } from "../../lib/setup";

export interface CreateAdminArgs {
  username: string;
  role: Role;
  passwordFromStdin: boolean;
}

const USAGE = "用法：bin/portal create-admin 用户名 [--role ADMIN|SECURITY_ADMIN|AUDITOR] [--password-stdin]";

export function parseCreateAdminArgs(args: string[]): CreateAdminArgs {
  const username = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--role")?.trim().toLowerCase();
  if (!username) throw new Error(USAGE);
  if (!/^[a-z0-9][a-z0-9._-]{1,31}$/.test(username)) throw new Error("用户名须为 2–32 位小写字母、数字、点、下划线或连字符，并以字母或数字开头");
  const roleIndex = args.indexOf("--role");
  const role = (roleIndex >= 0 ? args[roleIndex + 1] : "ADMIN")?.toUpperCase();
  if (!(ADMIN_ROLES as readonly string[]).includes(role ?? "")) throw new Error(`--role 须为 ${ADMIN_ROLES.join("、")} 之一`);
  return { username, role: role as Role, passwordFromStdin: args.includes("--password-stdin") };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

export async function createAdmin(args: CreateAdminArgs): Promise<void> {
  let password: string;
  if (args.passwordFromStdin) {
    password = await readStdin();
    const errors = passwordPolicyErrors(password, args.username);
    if (errors.length) throw new Error(`密码不符合要求：${errors.join("；")}`);
  } else {
    // Random, with upper and lower case and a digit whatever the random part holds.
    password = `${crypto.randomBytes(9).toString("base64url")}Ka9`;
  }
  await applyMigrations();
  const { prisma } = await import("../../lib/db");
  try {
    const passwordHash = await hashPassword(password);
    await prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { username: args.username }, select: { id: true } })) {
        throw new Error(`账户 ${args.username} 已存在，未做任何更改`);
      }
      await tx.unitSettings.upsert({ where: { id: 1 }, create: { id: 1, unitName: "XX市政协办公室", signature: "XX市政协办公室" }, update: {} });
      const user = await tx.user.create({
        data: { username: args.username, displayName: ROLE_LABEL[args.role], role: args.role, passwordHash, mustChangePassword: !args.passwordFromStdin },
      });
      await tx.auditLog.create({
        data: {
          entity: "User",
          entityId: String(user.id),
          action: "create",
          username: "system",
          after: JSON.stringify({ id: user.id, username: user.username, displayName: user.displayName, role: user.role, active: user.active, via: "bin/portal create-admin" }),
        },
      });
    });
  } finally {
    await prisma.$disconnect();
  }
  console.log(`已创建${ROLE_LABEL[args.role]}账户 ${args.username}。`);
  if (!args.passwordFromStdin) console.log(`初始密码：${password}（仅显示一次；首次登录须修改密码）`);
}
