import type { Tx } from "@/lib/db";

/**
 * Demo report cycle settings: the 秘书长 (`leader`) is the 主要负责人 who signs the report and
 * approves its publication; the 副秘书长 (`deputy`) reviews (退回, 保密审查复审) but cannot sign.
 */
export async function seedReportCycle(tx: Tx, users: Map<string, number>, audit: { create(entity: string, id: number, after: object): void }) {
  const settings = await tx.reportCycleSettings.create({
    data: { id: 1, principalLeaderId: users.get("leader") ?? null, addressee: "中共XX市委全面依法治市委员会办公室", redHeaderText: "政协XX市委员会办公室" },
  });
  audit.create("ReportCycleSettings", settings.id, {
    principalLeaderId: settings.principalLeaderId,
    addressee: settings.addressee,
    redHeader: settings.redHeader,
    redHeaderText: settings.redHeaderText,
    submitDue: settings.submitDue,
    publishDue: settings.publishDue,
  });
}
