/**
 * The report's editions (issue 16): the working copy, the 报送 version sent up to the superior
 * (签发人, 主送机关, optional 红头) and the 公开 version (the signed text without internal
 * addressees, after the 保密审查). Pure.
 */
import type { CycleSettings } from "./settings";

export type ReportEdition = "working" | "submit" | "public";

export const EDITION_LABEL: Record<ReportEdition, string> = { working: "工作稿", submit: "报送版", public: "公开版" };

/** The `edition` query parameter: absent is the working copy; anything unknown is null (refused). */
export function parseEdition(value: string | null): ReportEdition | null {
  if (value === null || value === "") return "working";
  return value === "submit" || value === "public" ? value : null;
}

/** "…报告.docx" → "…报告（报送版）.docx"; the working copy keeps its name. */
export function editionFileName(fileName: string, edition: ReportEdition): string {
  if (edition === "working") return fileName;
  return fileName.replace(/\.docx$/u, `（${EDITION_LABEL[edition]}）.docx`);
}

/** What the 报送 version prints above the text: 签发人, 主送机关 and the 红头 when the settings ask for it. */
export function submissionHeader(settings: Pick<CycleSettings, "addressee" | "redHeader" | "redHeaderText">, issuer: string, unitSignature: string) {
  const redHeader = settings.redHeader ? `${settings.redHeaderText.trim() || unitSignature}` : null;
  return { addressee: settings.addressee.trim(), issuer, redHeader };
}
