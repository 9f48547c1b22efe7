/** Labels, defaults and limits of the 制度库 shared by the browser and the server (no imports). */

/** Default categories; a rule may carry another (the list is a suggestion, not a closed set). */
export const DEFAULT_CATEGORIES = ["履职工作制度", "机关内部管理制度", "法律法规", "党内法规"] as const;
export const ISSUERS = ["本机关", "上级"] as const;

export const REGULATION_STATUSES = ["EFFECTIVE", "TRIAL", "REPEALED"] as const;
export type RegulationStatus = (typeof REGULATION_STATUSES)[number];
export const STATUS_LABEL: Record<RegulationStatus, string> = { EFFECTIVE: "现行有效", TRIAL: "试行", REPEALED: "已废止" };
/** What an older version of a revised rule is called. */
export const SUPERSEDED_LABEL = "已修订";

/** Files: the plan importer's readers, same 10 MB cap. */
export const MAX_REGULATION_FILE_BYTES = 10 * 1024 * 1024;
export const REGULATION_FILE_ACCEPT = ".docx,.doc,.pdf,.txt";
export const FILE_TOO_LARGE_MESSAGE = "文件超过 10 MB，无法上传；请删除图片或另存为文字版后再试";
export const FILE_TYPE_MESSAGE = "只支持 Word（.docx / .doc）、PDF 和 .txt 文本文件";
export const NO_TEXT_MESSAGE = "请上传制度文件或粘贴制度全文";
export const MAX_FULL_TEXT_CHARS = 500_000;

export const REPEALED_REVISE_MESSAGE = "该制度已废止，不能再修订";
export const ALREADY_REPEALED_MESSAGE = "该制度已废止";
export const NOT_FOUND_MESSAGE = "制度不存在";

export function duplicateDocNumberMessage(docNumber: string, title: string): string {
  return `文号“${docNumber}”已被《${title}》使用，请核对文号`;
}
