import type { Db } from "@/lib/db";

export const PERSONAS = ["ADMIN", "SECURITY_ADMIN", "AUDITOR", "LEADER", "COORDINATOR", "STAFF_OWNER", "STAFF_OTHER", "VIEWER", "DISABLED", "ANONYMOUS"] as const;
export type Persona = (typeof PERSONAS)[number];

/** Demo accounts standing for each persona; STAFF_OWNER's office (综合科) owns the fixtures. */
export const PERSONA_USERNAME: Record<Exclude<Persona, "ANONYMOUS">, string> = {
  ADMIN: "admin",
  SECURITY_ADMIN: "secadmin",
  AUDITOR: "auditor",
  LEADER: "leader",
  COORDINATOR: "coordinator",
  STAFF_OWNER: "staff-zonghe",
  STAFF_OTHER: "staff-yanjiu",
  VIEWER: "viewer",
  DISABLED: "staff-disabled",
};

export async function createDisabledUser(db: Db) {
  const office = await db.office.findFirstOrThrow({ where: { name: "综合科" } });
  const template = await db.user.findUniqueOrThrow({ where: { username: "staff-zonghe" } });
  return db.user.create({
    data: { username: "staff-disabled", displayName: "已停用", role: "STAFF", officeId: office.id, passwordHash: template.passwordHash, active: false },
  });
}

/** The session next-auth would hand over for a persona: identity only, as in production. */
export async function sessionFor(db: Db, persona: Persona) {
  if (persona === "ANONYMOUS") return null;
  const user = await db.user.findUniqueOrThrow({ where: { username: PERSONA_USERNAME[persona] } });
  return { expires: new Date(Date.now() + 3600_000).toISOString(), uid: user.id, sv: user.sessionVersion, loginAt: Date.now(), sid: crypto.randomUUID() };
}

export const REFUSAL_MESSAGES = ["您没有执行此操作的权限", "登录已失效，请重新登录", "记录不存在或无权访问", "只有提交该记录的科室可以撤回提交"];
