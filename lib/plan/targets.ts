/**
 * Quantitative targets (量化指标) in plan text: a number with a unit and a commitment.
 *   "全年组织专题学习不少于4次"      → 专题学习 >= 4 次 (COUNT)
 *   "培训人数不少于200人次"          → 培训人数 >= 200 人次 (SUM)
 *   "群众满意度提升30%以上"          → 群众满意度 >= 30 % (PERCENT)
 *   "覆盖率达到100%"                → 覆盖率 >= 100 %  (达到 = "at least": a floor, never a ceiling)
 *   "提案办复率100%"                → 提案办复率 = 100 % (a bare rate states the exact figure expected)
 * A number without a commitment word ("开展活动20余次", "四个意识", "2025年", "5万元以上",
 * "X件") is an achievement, a slogan, a date or a placeholder, not a target.
 */
import { formatChineseCounting, parseNumberToken } from "./numerals";
import type { Comparator, ParsedTarget, TargetKind } from "./types";

const UNITS = ["人次", "学时", "课时", "人", "次", "期", "场", "篇", "项", "件", "条", "份", "个", "处", "名", "家", "批", "轮", "堂", "%"];
// Spaces are tolerated ("不少于 4 次") although parsePlanText has already removed them.
const QUANTITY_RE = new RegExp(`(\\d+(?:\\.\\d+)?万?|[〇零一二两三四五六七八九十百千万]{1,8})\\s*(${UNITS.join("|")})`, "g");

const KIND_BY_UNIT: Readonly<Record<string, TargetKind>> = { "人次": "SUM", "人": "SUM", "学时": "SUM", "课时": "SUM", "%": "PERCENT" };

/** Characters after a unit that make it part of another word ("3个月", "条件", "名单"). */
const UNIT_FOLLOWER_BLOCKLIST: Readonly<Record<string, RegExp>> = {
  "个": /^[月工小百季年星半]/, "期": /^[间限末满]/, "场": /^[所地景合]/, "处": /^[理置分罚室级]/,
  "条": /^[件例款]/, "人": /^[员民才士]/, "名": /^[单额义称]/, "项": /^目/, "家": /^[庭长]/,
  "批": /^[准评示复]/, "篇": /^[章幅]/, "份": /^额/, "次": /^[年日]/,
};

const AT_LEAST = ["不少于", "不低于", "不得少于", "不得低于", "不应少于", "不应低于", "不能少于", "不能低于", "不小于", "至少", "最少", "达到", "超过", "多于", "高于"];
const AT_MOST = ["不超过", "不多于", "不高于", "不得超过", "不大于", "最多", "控制在"];
/** Verbs that may sit between the commitment and the number: "至少开展1次", "每年至少举办两期". */
const INNER_VERBS = "组织|开展|举办|召开|举行|安排|进行|完成|参加|参与|编发|报送|撰写|发布|刊发|推出|办理|培训|提交|上报|学习|有";
// "率达95%": a bare 达 only counts after a measured noun, so "传达3次" is not a target.
const COMMITMENT_RE = new RegExp(`(${[...AT_MOST, ...AT_LEAST].join("|")}|(?<=[率数度量])达)(?:要|须|需)?(${INNER_VERBS})?\\s*$`);
const SUFFIX_RE = /^(?:及)?(以上|以内|以下)/;
const BARE_RATE_RE = /率(?:为|要|须|应|均|需|要求)?$/;

const CLAUSE_DELIMITER_RE = /[，。；：！？（）\n]/;
const LEADING_NOISE_RE = /^(?:[一二三四五六七八九十]+是|全年度|全年|每年度|每年|年内|每季度|每半年|每个月|每月|每周|当年|今年|本年度|\d{4}年度?|力争|确保|要求|要|须|必须|应|共计|共|累计|其中|并且|并|同时|此外|另外|进一步|全面|切实|认真|积极|的)+/;
const TRAILING_NOISE_RE = /(?:每季度|每半年|每年|每月|每周|全年|年内|要求|要|须|需|应|必须|均|都|共计|共|累计|达到|达|为|在|提升|提高|增长|增加|降低|减少|下降|控制|保持|确保|力争|实现|的)+$/;
const VERB_RE = /组织|开展|举办|召开|举行|进行|完成|安排|参加|参与|编发|报送|撰写|发布|刊发|推出|办理|提交|报道|上报|落实|征集|收集|推送|形成|设立|聘请|配备|组建|选聘|培养|评选|推荐|打造/g;

const SUBJECT_WINDOW = 40;
const MAX_SENTENCE_LENGTH = 300;

/** Extracts the quantitative targets of a sentence or paragraph; offsets are relative to `text`. */
export function extractTargets(text: string): ParsedTarget[] {
  const targets: ParsedTarget[] = [];
  for (const sentence of splitSentences(text)) {
    for (const m of sentence.text.matchAll(QUANTITY_RE)) {
      const target = targetAt(sentence.text, m, sentence.start);
      if (target) targets.push(target);
    }
  }
  return targets;
}

interface Sentence {
  text: string;
  start: number;
}

/** Sentences end at 。！？； or a newline; the terminator stays with its sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "。" || ch === "！" || ch === "？" || ch === "；" || ch === "\n") {
      sentences.push({ text: text.slice(start, i + 1), start });
      start = i + 1;
    }
  }
  if (start < text.length) sentences.push({ text: text.slice(start), start });
  return sentences;
}

function targetAt(sentence: string, m: RegExpMatchArray, sentenceStart: number): ParsedTarget | null {
  const numberText = m[1] as string;
  const unit = m[2] as string;
  const numberStart = m.index ?? 0;
  let quantityEnd = numberStart + m[0].length;
  const before = sentence.slice(Math.max(0, numberStart - 12), numberStart);
  const after = sentence.slice(quantityEnd, quantityEnd + 4);

  const charBefore = sentence[numberStart - 1] ?? "";
  if (charBefore === "第" || /[A-Za-z\d.]/.test(charBefore)) return null; // ordinals, placeholders ("X5")
  if (UNIT_FOLLOWER_BLOCKLIST[unit]?.test(after)) return null;
  const isChineseNumber = !/^\d/.test(numberText);
  if (isChineseNumber && !isCanonicalChineseNumber(numberText)) return null;
  const value = parseNumberToken(numberText);
  if (value === null || !Number.isFinite(value)) return null;

  let comparator: Comparator | null = null;
  let phraseStart = numberStart;
  const commitment = COMMITMENT_RE.exec(before);
  if (commitment) {
    const word = commitment[1] as string;
    if (word === "达到" && isChineseNumber) return null; // "达到一个新水平"
    comparator = AT_MOST.includes(word) ? "<=" : ">=";
    phraseStart = numberStart - (before.length - commitment.index);
  }
  const suffix = SUFFIX_RE.exec(after);
  if (suffix) {
    const suffixComparator: Comparator = suffix[1] === "以上" ? ">=" : "<=";
    // "控制在3次以内" agrees; "不少于…以上" is redundant: the prefix decides.
    comparator ??= suffixComparator;
    quantityEnd += suffix[0].length;
  }
  if (comparator === null && unit === "%" && BARE_RATE_RE.test(before)) comparator = "=";
  if (comparator === null) return null;

  // "每名委员至少提交1件提案": with a verb inside the commitment, the measured thing is its
  // object after the quantity; otherwise it is the noun before ("专题学习不少于4次").
  const hasInnerVerb = commitment?.[2] !== undefined;
  const subject = (hasInnerVerb ? subjectAfter(sentence, quantityEnd) : null) ??
    subjectBefore(sentence, phraseStart) ?? subjectAfter(sentence, quantityEnd);
  const subjectFollows = subject !== null && subject.start >= quantityEnd;
  const highlightStart = sentenceStart + (subject && !subjectFollows ? subject.start : phraseStart);
  const highlightEnd = sentenceStart + (subject && subjectFollows ? subject.end : quantityEnd);
  return {
    text: sourceSentence(sentence, numberStart),
    subject: subject?.text ?? "",
    comparator,
    value,
    unit,
    kind: KIND_BY_UNIT[unit] ?? "COUNT",
    start: highlightStart,
    end: highlightEnd,
  };
}

/** "十二" and "两" are counts; "一二" or "三三" are not numbers anyone writes. */
function isCanonicalChineseNumber(token: string): boolean {
  const value = parseNumberToken(token);
  return value !== null && value > 0 && formatChineseCounting(value) === token.replace(/两/g, "二");
}

interface SubjectSpan {
  text: string;
  start: number;
  end: number;
}

/** The measured noun before the commitment: the clause minus frequency words and leading verbs. */
function subjectBefore(sentence: string, phraseStart: number): SubjectSpan | null {
  let start = Math.max(0, phraseStart - SUBJECT_WINDOW);
  for (let i = phraseStart - 1; i >= start; i--) {
    if (CLAUSE_DELIMITER_RE.test(sentence[i] as string)) {
      start = i + 1;
      break;
    }
  }
  return trimSubject(sentence, start, phraseStart, true);
}

/** "至少开展一次法治学习": the measured noun follows the quantity. */
function subjectAfter(sentence: string, quantityEnd: number): SubjectSpan | null {
  let end = Math.min(sentence.length, quantityEnd + 20);
  for (let i = quantityEnd; i < end; i++) {
    if (CLAUSE_DELIMITER_RE.test(sentence[i] as string)) {
      end = i;
      break;
    }
  }
  return trimSubject(sentence, quantityEnd, end, false);
}

function trimSubject(sentence: string, start: number, end: number, cutAtLastVerb: boolean): SubjectSpan | null {
  const stripLeading = (): void => {
    const lead = LEADING_NOISE_RE.exec(sentence.slice(start, end));
    if (lead) start += lead[0].length;
  };
  stripLeading();
  if (cutAtLastVerb) {
    // "每个支部每年开展主题党日活动" → "主题党日活动": the object of the last verb.
    const candidate = sentence.slice(start, end);
    let cut = -1;
    for (const verb of candidate.matchAll(VERB_RE)) {
      const after = (verb.index ?? 0) + verb[0].length;
      if (candidate.length - after >= 2) cut = after;
    }
    if (cut >= 0) {
      start += cut;
      stripLeading();
    }
  }
  const trail = TRAILING_NOISE_RE.exec(sentence.slice(start, end));
  if (trail) end -= trail[0].length;
  const text = sentence.slice(start, end).trim();
  if (text.length === 0) return null;
  return { text, start, end };
}

/** The sentence containing the target, trimmed; very long "sentences" (no punctuation) are windowed. */
function sourceSentence(sentence: string, numberStart: number): string {
  const trimmed = sentence.trim();
  if (trimmed.length <= MAX_SENTENCE_LENGTH) return trimmed;
  const from = Math.max(0, numberStart - MAX_SENTENCE_LENGTH / 2);
  return sentence.slice(from, from + MAX_SENTENCE_LENGTH).trim();
}
