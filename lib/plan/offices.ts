/**
 * Office / deadline labels attached to a work point, as written in breakdown tables
 * and plans:
 *   牵头科室：机关党委；配合科室：综合科、人事科
 *   完成时限：2026年6月底前        责任人：张三
 *   …全年组织专题学习不少于4次。（牵头科室：综合科；完成时限：6月底前）
 * findLabelSpans locates them in a paragraph (so they can be cut from the point's
 * text) and parseLabels reads the values.
 */

type LabelRole = "lead" | "support" | "responsible" | "deadline";

// Longest alternatives first so "完成时限" wins over "时限" and "具体责任人" over "责任人".
const LABELS: ReadonlyArray<readonly [string, LabelRole]> = [
  ["牵头科室", "lead"], ["牵头单位", "lead"], ["牵头部门", "lead"], ["牵头处室", "lead"],
  ["责任科室", "lead"], ["责任单位", "lead"], ["责任部门", "lead"], ["责任处室", "lead"],
  ["主责科室", "lead"], ["主责单位", "lead"], ["主办科室", "lead"], ["主办单位", "lead"],
  ["配合科室", "support"], ["配合单位", "support"], ["配合部门", "support"], ["配合处室", "support"],
  ["协办科室", "support"], ["协办单位", "support"], ["协同科室", "support"], ["协助科室", "support"],
  ["参与科室", "support"], ["参与单位", "support"],
  ["具体责任人", "responsible"], ["责任领导", "responsible"], ["分管领导", "responsible"],
  ["牵头领导", "responsible"], ["责任人", "responsible"],
  ["完成时限", "deadline"], ["完成时间", "deadline"], ["时间节点", "deadline"], ["时限要求", "deadline"],
  ["办结时限", "deadline"], ["时间要求", "deadline"], ["时限", "deadline"],
];
const ROLE_BY_LABEL = new Map<string, LabelRole>(LABELS);
const LABEL_ALTERNATION = LABELS.map(([name]) => name).join("|");

/** A label followed by its colon ("牵头科室：", "完成时限 ："). */
const LABEL_WITH_COLON_SOURCE = `(?:${LABEL_ALTERNATION})\\s*：`;
const LABEL_AT_LINE_START_RE = new RegExp(`^（?\\s*${LABEL_WITH_COLON_SOURCE}`);
const LABEL_PAIR_RE = new RegExp(`(${LABEL_ALTERNATION})\\s*：`, "g");
const PARENTHESISED_RE = /（([^（）]{1,300})）/g;
const LABEL_TEST_RE = new RegExp(LABEL_WITH_COLON_SOURCE);
/** A label that starts a sentence inside a paragraph: "…。牵头科室：综合科". */
const LABEL_AFTER_SENTENCE_RE = new RegExp(`(?:^|[。；！？])\\s*(${LABEL_WITH_COLON_SOURCE})`);

export interface LabelSpan {
  start: number;
  end: number;
}

export interface PointLabels {
  leadOffices: string[];
  supportOffices: string[];
  responsible: string | null;
  deadlineText: string | null;
}

/** True when a line starts with an office/deadline label (it is then a paragraph of its own). */
export function startsWithLabel(line: string): boolean {
  return LABEL_AT_LINE_START_RE.test(line);
}

const TRAILING_GROUP_RE = /（([^（）]{1,300})）$/;

/** True when a line ends with a parenthesised label group: such a group closes its paragraph. */
export function endsWithLabelGroup(line: string): boolean {
  const group = TRAILING_GROUP_RE.exec(line);
  return group !== null && LABEL_TEST_RE.test(group[1] as string);
}

/** Spans (into paragraph) holding labels: parenthesised groups and trailing label runs. */
export function findLabelSpans(paragraph: string): LabelSpan[] {
  const spans: LabelSpan[] = [];
  for (const m of paragraph.matchAll(PARENTHESISED_RE)) {
    if (!LABEL_TEST_RE.test(m[1] as string)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  // Mask the groups so a label inside one is not taken for a trailing label run below.
  let masked = "";
  let cursor = 0;
  for (const span of spans) {
    masked += paragraph.slice(cursor, span.start) + "\uE000".repeat(span.end - span.start);
    cursor = span.end;
  }
  masked += paragraph.slice(cursor);
  const trailing = LABEL_AFTER_SENTENCE_RE.exec(masked);
  if (trailing) {
    const labelStart = trailing.index + trailing[0].length - (trailing[1] as string).length;
    // Everything from the label to the end of the paragraph is label text
    // (masked groups inside it are already spans of their own).
    spans.push({ start: labelStart, end: paragraph.length });
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: LabelSpan[]): LabelSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: LabelSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The paragraph with the spans cut out (and the seams tidied). */
export function removeSpans(paragraph: string, spans: readonly LabelSpan[]): string {
  if (spans.length === 0) return paragraph;
  let out = "";
  let cursor = 0;
  for (const span of spans) {
    out += paragraph.slice(cursor, span.start);
    cursor = span.end;
  }
  out += paragraph.slice(cursor);
  return out.replace(/[；，\s]+$/, "").trim();
}

/** Reads every "label：value" pair found in the given label texts (in order). */
export function parseLabels(labelTexts: readonly string[]): PointLabels {
  const result: PointLabels = { leadOffices: [], supportOffices: [], responsible: null, deadlineText: null };
  for (const text of labelTexts) {
    const pairs = [...text.matchAll(LABEL_PAIR_RE)];
    pairs.forEach((pair, index) => {
      const valueStart = pair.index + pair[0].length;
      const next = pairs[index + 1];
      const valueEnd = next ? next.index : text.length;
      const value = cleanValue(text.slice(valueStart, valueEnd));
      if (value === "") return;
      switch (ROLE_BY_LABEL.get(pair[1] as string)) {
        case "lead": addUnique(result.leadOffices, splitOffices(value)); break;
        case "support": addUnique(result.supportOffices, splitOffices(value)); break;
        case "responsible": result.responsible ??= value; break;
        case "deadline": result.deadlineText ??= value; break;
        default: break;
      }
    });
  }
  // An office cannot both lead and support the same point.
  result.supportOffices = result.supportOffices.filter((office) => !result.leadOffices.includes(office));
  return result;
}

function cleanValue(raw: string): string {
  return raw.replace(/^[\s：]+/, "").replace(/[\s；;，,。.、）)]+$/, "").replace(/^（/, "").trim();
}

export function splitOffices(value: string): string[] {
  return value
    .split(/[、，,；;\/\s]+/)
    .map((office) => office.replace(/等$/, "").trim())
    .filter((office) => office !== "" && office !== "无" && office !== "/");
}

function addUnique(target: string[], items: readonly string[]): void {
  for (const item of items) if (!target.includes(item)) target.push(item);
}
