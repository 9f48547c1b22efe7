/**
 * Chinese official-writing rules the drafter applies to text taken from the plan and the ledger,
 * and the checks the tests (and the drafter itself) run on its output. Pure.
 *
 * - Quotes: “” at the top level, ‘’ inside them (GB/T 15834); a title typed with ‘…’ or "…" is
 *   rewritten accordingly.
 * - A ledger title becomes a predicate: a title that already starts with a verb ("邀请法律专家参与
 *   专题协商", "修订…规则") or holds one ("政协网站开设…专栏") is used as is; an event name gets
 *   the verb its kind takes ("召开…协商会", "举办…培训班（第一期）", "开展…专项民主监督"), so no
 *   verb is glued to a verb and no noun is said twice.
 */

const OPENERS = new Set(["“", "‘", "「", "『"]);
const CLOSERS = new Set(["”", "’", "」", "』"]);

/**
 * Rewrites quotes by depth: “” at depth 0, ‘’ at depth 1, “” again deeper. ASCII quotes alternate
 * open/close. Unbalanced closers are dropped, unclosed openers closed at the end of the text.
 */
export function normalizeQuotes(text: string): string {
  let out = "";
  let depth = 0;
  const asciiOpen: boolean[] = [];
  const open = () => {
    out += depth % 2 === 0 ? "“" : "‘";
    depth += 1;
  };
  const close = () => {
    if (depth === 0) return;
    depth -= 1;
    out += depth % 2 === 0 ? "”" : "’";
  };
  for (const ch of text) {
    if (OPENERS.has(ch)) open();
    else if (CLOSERS.has(ch)) close();
    else if (ch === '"' || ch === "'") {
      // An ASCII quote closes the innermost ASCII-opened quote, otherwise opens one.
      if (asciiOpen.length > 0 && asciiOpen[asciiOpen.length - 1]) {
        asciiOpen.pop();
        close();
      } else {
        asciiOpen.push(true);
        open();
      }
    } else out += ch;
  }
  while (depth > 0) close();
  return out;
}

/** Places where the quote rule is broken: ‘ at the top level, or “ directly inside “. */
export function quoteViolations(text: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const [i, ch] of [...text].entries()) {
    if (ch === "“" || ch === "‘") {
      const expected = stack.length % 2 === 0 ? "“" : "‘";
      if (ch !== expected) problems.push(`${i}:${ch}`);
      stack.push(ch);
    } else if (ch === "”" || ch === "’") {
      const top = stack.pop();
      if (!top || (top === "“") !== (ch === "”")) problems.push(`${i}:${ch}`);
    }
  }
  if (stack.length > 0) problems.push("unclosed");
  return problems;
}

/** Nouns of activities a verb phrase may end in; "…培训班（第一期）" counts as ending in 培训班. */
const EVENT_NOUNS = [
  "培训班", "讲座", "论坛", "报告会", "宣讲会", "研讨会", "座谈会", "协商会", "推进会", "交流会", "会议", "专题会",
  "学习", "研讨", "培训", "宣传活动", "活动", "宣传", "宣讲", "调研", "视察", "监督", "协商", "审查", "清理",
  "评估", "评选", "比赛", "竞赛", "考试", "测试", "检查", "督察", "课",
];

/** Leading verbs: a title starting with one is already a predicate. */
const LEADING_VERBS = [
  "开展", "组织", "举办", "召开", "参加", "参与", "制定", "出台", "印发", "完成", "提交", "办理", "报送", "编发",
  "发布", "修订", "修改", "废止", "清理", "审查", "建立", "健全", "完善", "推进", "推动", "落实", "加强", "强化",
  "深化", "深入", "邀请", "聘请", "开设", "设立", "成立", "编制", "编印", "起草", "学习", "宣传", "贯彻", "提出",
  "形成", "撰写", "报告", "研究", "部署", "审议", "督办", "督促", "指导", "配合", "协助", "做好", "抓好", "走访",
  "赴", "到", "对", "就", "围绕", "聚焦", "主持", "带头", "讲授", "听取", "筹备", "启动", "实施", "上线", "评选",
  "征集", "收集", "梳理", "整理", "汇编", "开通", "更新", "制作", "拍摄", "播放", "发放", "张贴", "利用", "依托",
];

/** Verbs inside a clause ("政协网站开设…", "秘书长主持召开…"): the title is a clause already. */
const INNER_VERBS = [
  "开设", "开展", "组织", "举办", "召开", "主持", "印发", "出台", "制定", "修订", "完成", "建立", "成立", "邀请",
  "参加", "参与", "开通", "上线", "发布", "讲授", "带头", "批示", "审议", "通过", "实施", "启动", "部署",
];

/** Title endings that are verbs of completion: "制度信息化管理平台上线". */
const FINAL_VERBS = /(上线|印发|出台|实施|启动|完成|通过|建成|开通|揭牌|成立|落地)$/u;

/** The verb an event name takes: "召开…会议", "举办…培训班", otherwise "开展". */
function verbForEvent(title: string): string {
  const bare = title.replace(/[（(][^）)]*[）)]$/u, "");
  if (/(会议|座谈会|协商会|推进会|交流会|专题会|报告会|宣讲会|研讨会|联席会|例会)$/u.test(bare)) return "召开";
  if (/(培训班|讲座|论坛|比赛|竞赛|展览|沙龙|读书班)$/u.test(bare)) return "举办";
  if (/(学习|考试|测试)$/u.test(bare)) return "组织";
  if (/(课|党课|法治课)$/u.test(bare)) return "讲授";
  return "开展";
}

/** True when the title starts with a verb or holds one in a clause. */
export function isPredicate(title: string): boolean {
  if (LEADING_VERBS.some((verb) => title.startsWith(verb))) return true;
  if (FINAL_VERBS.test(title)) return true;
  // "政协网站开设法治建设专栏": a verb after a short subject. Not "…专题学习" (a noun).
  return INNER_VERBS.some((verb) => {
    const at = title.indexOf(verb);
    return at > 0 && at <= 8 && !title.endsWith(verb);
  });
}

/**
 * A ledger title as a predicate in the report's sentence, quotes normalised:
 * "法治建设专题协商会" → "召开法治建设专题协商会", "邀请法律专家参与专题协商" unchanged.
 */
export function titleAsPredicate(rawTitle: string, form?: { verb: string; noun: string }): string {
  const title = normalizeQuotes(rawTitle.trim().replace(/[。；;，,]+$/u, ""));
  if (!title) return title;
  // "专题学习：民法典与政协履职" → "围绕“民法典与政协履职”组织专题学习".
  const named = /^(\p{Script=Han}{2,8})[：:]\s*(.+)$/u.exec(title);
  if (named && EVENT_NOUNS.some((noun) => named[1].endsWith(noun))) {
    return normalizeQuotes(`围绕“${named[2].trim()}”${verbForEvent(named[1])}${named[1]}`);
  }
  if (isPredicate(title)) return title;
  const bare = title.replace(/[（(][^）)]*[）)]$/u, "");
  if (EVENT_NOUNS.some((noun) => bare.endsWith(noun)) || !form) return `${verbForEvent(title)}${title}`;
  // "法治思想与政协履职" recorded as a 专题研讨: the title is its topic.
  return normalizeQuotes(`围绕“${title}”${form.verb}${form.noun}`);
}

/** The ledger title as a topic: "专题学习：宪法和政协章程" → "宪法和政协章程". */
export function topicOf(rawTitle: string, names: string[]): string {
  const title = normalizeQuotes(rawTitle.trim().replace(/[。；;，,]+$/u, ""));
  for (const name of names) {
    if (!name || !title.startsWith(name)) continue;
    const rest = title.slice(name.length).replace(/^[\s:：,，、·\-—–]+/u, "").trim();
    if (rest && rest !== title.slice(name.length)) return rest;
  }
  return title;
}

/**
 * The first clause of a plan point's title as a sub-heading: "深入学习宣传习近平法治思想，把…" →
 * "深入学习宣传习近平法治思想". Long clauses are kept whole rather than cut mid-word.
 */
export function shortTitle(rawTitle: string): string {
  const title = normalizeQuotes(rawTitle.trim().replace(/[。；;，,]+$/u, ""));
  const first = title.split(/[，,；;。]/u)[0]?.trim();
  return first || title;
}

/**
 * Doubled words: the same run of two or more Han characters twice in a row, also across a
 * closing quote or bracket ("培训班（第一期）”培训班", "学习“学习宪法”" is fine). Returns the runs.
 */
export function doubledWords(text: string): string[] {
  const found: string[] = [];
  // Fixed expressions whose quoted slogan ends in the word that follows it.
  const cleaned = text.replace(/[（(][^）)]{0,12}[）)]/gu, "").replace(/([“‘]谁执法谁普法[”’])普法/gu, "$1");
  const doubled = /(\p{Script=Han}{2,})[”’」』]?\1/gu;
  for (const match of cleaned.matchAll(doubled)) {
    const word = match[1];
    // Reduplication that is legitimate in official prose.
    if (/^(常常|时时|处处|事事|人人|层层|条条|件件|个个|年年|天天|步步|家家|户户)$/u.test(word)) continue;
    found.push(word);
  }
  // "“…培训班（第一期）”培训班": a quoted name already ending in the noun that follows it;
  // "“专题学习：…”专题研讨": a quoted name led by the activity, followed by an activity noun.
  for (const match of cleaned.matchAll(/“([^“”]+)”(\p{Script=Han}{2,4})/gu)) {
    const inside = match[1].replace(/[（(][^）)]*[）)]$/u, "");
    const after = match[2];
    for (let k = after.length; k >= 2; k -= 1) {
      if (inside.endsWith(after.slice(0, k))) {
        found.push(after.slice(0, k));
        break;
      }
    }
    const lead = /^(\p{Script=Han}{2,6})[：:]/u.exec(inside);
    if (lead && EVENT_NOUNS.some((noun) => lead[1].endsWith(noun)) && EVENT_NOUNS.some((noun) => after.includes(noun))) found.push(`${lead[1]}…${after}`);
  }
  return found;
}

/** A verb glued to a predicate: "开展邀请…", "组织召开…" is normal and not reported. */
export function gluedVerbs(text: string): string[] {
  const glued = /(开展|举办|召开)(邀请|开展|举办|召开|修订|制定|印发|参与|参加|完成|建立|开设)/gu;
  return [...text.matchAll(glued)].map((m) => m[0]);
}

/** Topic list "A、B、C等": at most `max` names, "等" when more exist. */
export function listWithEtc(items: string[], max = 3): string {
  const unique = [...new Set(items.filter(Boolean))];
  if (unique.length <= max) return unique.join("、");
  return `${unique.slice(0, max).join("、")}等`;
}
