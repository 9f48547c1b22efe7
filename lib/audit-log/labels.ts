/** Chinese names of audit actions and objects, for the audit page and its .xlsx export. */
export const ACTION_LABEL: Record<string, string> = {
  "login.success": "登录成功",
  "login.failed": "登录失败",
  "login.locked": "锁定期间尝试登录",
  "login.lockout": "账户被锁定",
  "login.lockout.address": "来源地址被锁定",
  "login.disabled": "停用账户尝试登录",
  logout: "退出登录",
  denied: "越权访问被拒绝",
  create: "新建",
  update: "修改",
  "update.security": "修改角色或状态",
  delete: "删除",
  restore: "恢复",
  unlock: "解锁账户",
  "password.reset": "重置密码",
  "password.change": "修改密码",
  "export.audit": "导出审计日志",
  "export.report": "导出报告",
  "export.ledger": "导出台账",
  "export.evidence": "导出佐证材料",
  "export.docx": "导出 Word 文件",
};

export const ENTITY_LABEL: Record<string, string> = {
  Auth: "登录",
  Permission: "权限",
  User: "用户",
  Office: "科室",
  UnitSettings: "单位设置",
  Plan: "工作要点",
  WorkPoint: "要点",
  Target: "量化指标",
  LedgerEntry: "台账记录",
  Attachment: "佐证材料",
  Ledger: "台账",
  Reminder: "催办",
  AnnualReport: "年度报告",
  ReportPart: "报告章节",
  Bulletin: "情况通报",
  OutboundSettings: "提醒设置",
  OutboundMessage: "提醒消息",
  AuditLog: "审计日志",
  System: "系统",
};

/** The action groups of the filter: each matches its own name and everything under it ("login" → login.*). */
export const ACTION_GROUPS: { value: string; label: string }[] = [
  { value: "login", label: "登录（成功、失败、锁定）" },
  { value: "logout", label: "退出登录" },
  { value: "denied", label: "越权访问被拒绝" },
  { value: "export", label: "导出" },
  { value: "create", label: "新建" },
  { value: "update", label: "修改" },
  { value: "delete", label: "删除" },
  { value: "password", label: "密码（修改、重置）" },
  { value: "totp", label: "动态验证码" },
  { value: "unlock", label: "解锁账户" },
];

export function actionLabel(action: string): string {
  return ACTION_LABEL[action] ?? action;
}

export function entityLabel(entity: string): string {
  return ENTITY_LABEL[entity] ?? entity;
}
