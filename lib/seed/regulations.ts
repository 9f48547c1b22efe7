/**
 * Demo 制度库: about thirty rules such an office keeps (written for the demo, not copied from real
 * documents): its 履职工作制度, 机关内部管理制度 and the 上级 laws and party rules it applies. Dates are
 * relative to the seed day so that some rules are due for review (validity ending within six
 * months, or not reviewed for over a year) whatever day the demo is seeded, and one was revised.
 */
import type { Tx } from "@/lib/db";
import type { DatabaseKind } from "@/lib/config";
import { writeSearchIndex } from "@/lib/regulations/search-index";
import { defaultValidUntil } from "@/lib/regulations/validity";

type Audit = (entity: string, id: number, after: object, by?: string) => void;

interface DemoRule {
  title: string;
  category: string;
  office: string | null;
  issuer?: "本机关" | "上级";
  docNumber?: string;
  /** Years and months before the seed day it was adopted. */
  agoMonths: number;
  status?: "EFFECTIVE" | "TRIAL";
  /** Months from the seed day to the end of validity (overrides the default). */
  validForMonths?: number;
  /** Months since the last review (default: adopted then). */
  reviewedMonthsAgo?: number;
  articles: string[];
  chapters?: Record<number, string>;
  /** A first version that this one revised. */
  revisedFrom?: string[];
}

const R = "履职工作制度";
const M = "机关内部管理制度";

const RULES: DemoRule[] = [
  { title: "XX市政协办公室法治建设工作制度", category: R, office: "法治办", docNumber: "X政协办发〔2025〕6号", agoMonths: 10, chapters: { 1: "总则", 3: "职责分工", 6: "监督考核" }, articles: ["为推进机关法治建设，规范法治建设工作，根据有关规定，结合本机关实际，制定本制度。", "机关法治建设工作坚持党的领导，坚持依法依规、务实高效，反对形式主义。", "秘书长履行法治建设第一责任人职责，分管副秘书长协助抓好落实。", "法治办负责统筹协调法治建设日常工作，拟定年度工作要点并组织实施。", "各科室负责本科室职责范围内的法治建设任务，按季度报送工作台账。", "法治办每半年对工作要点落实情况进行一次检查，检查结果向秘书长办公会议报告。", "本制度自印发之日起施行。"] },
  { title: "XX市政协办公室合法性审查工作办法", category: R, office: "法治办", docNumber: "X政协办发〔2023〕12号", agoMonths: 30, articles: ["为规范合法性审查工作，防范法律风险，制定本办法。", "机关拟制发的规范性文件、签订的合同和作出的重大决策，应当在提交审议前进行合法性审查。", "合法性审查由法治办负责，必要时听取法律顾问意见。", "送审科室应当提供送审稿、起草说明和相关依据，审查期限一般不超过七个工作日。", "未经合法性审查或者经审查不合法的，不得提交审议。", "本办法自印发之日起施行。"] },
  { title: "XX市政协办公室合同管理办法", category: M, office: "综合科", docNumber: "X政协办发〔2022〕9号", agoMonths: 40, validForMonths: 14, articles: ["为加强机关合同管理，维护机关合法权益，制定本办法。", "本办法所称合同，是指机关作为一方当事人签订的各类民事合同。", "合同由承办科室负责起草和谈判，综合科负责合同的统一登记和归档。", "合同金额在十万元以上的，应当经法治办合法性审查并听取法律顾问意见。", "合同签订后，承办科室应当跟踪履行情况，发现问题及时报告。", "合同文本及其审查意见由综合科按年度立卷归档。"] },
  { title: "XX市政协办公室印章管理规定", category: M, office: "综合科", docNumber: "X政协办发〔2021〕3号", agoMonths: 55, validForMonths: 4, articles: ["为加强印章管理，保证印章使用安全，制定本规定。", "机关印章由综合科指定专人保管，存放于保险柜。", "使用印章应当填写用印审批单，经科室负责人和分管领导签批。", "严禁在空白纸张、空白介绍信上加盖印章。", "印章保管人员调整的，应当办理交接手续并登记。", "本规定自印发之日起施行。"] },
  { title: "XX市政协办公室公文处理办法", category: M, office: "综合科", docNumber: "X政协办发〔2024〕2号", agoMonths: 22, articles: ["为使机关公文处理工作规范化、制度化、科学化，根据《党政机关公文处理工作条例》，制定本办法。", "公文处理工作包括公文拟制、办理、管理等一系列相互关联、衔接有序的工作。", "公文起草应当符合国家法律法规和党的路线方针政策，内容简洁，文字精炼。", "公文应当经核稿后送领导签发，重要公文由秘书长签发。", "公文印制应当符合《党政机关公文格式》国家标准。", "办理完毕的公文应当及时整理归档。"], revisedFrom: ["为规范机关公文处理工作，制定本办法。", "公文处理工作包括公文拟制、办理、管理等一系列相互关联、衔接有序的工作。", "公文起草应当符合国家法律法规和党的路线方针政策。", "公文应当经核稿后送领导签发。", "办理完毕的公文应当及时整理归档。"] },
  { title: "XX市政协办公室保密工作制度", category: M, office: "综合科", docNumber: "X政协办发〔2023〕5号", agoMonths: 33, articles: ["为做好机关保密工作，确保国家秘密安全，根据《中华人民共和国保守国家秘密法》，制定本制度。", "机关保密委员会负责本机关保密工作，日常工作由综合科承担。", "涉密文件的收发、传阅、复制、销毁应当履行登记手续。", "严禁在非涉密计算机和互联网上存储、处理涉密信息。", "工作人员应当定期参加保密教育培训。"] },
  { title: "XX市政协办公室会议管理办法", category: M, office: "综合科", agoMonths: 18, articles: ["为精简会议，改进会风，提高会议效率，制定本办法。", "机关各类会议实行计划管理，能合并的合并召开，能以文件形式部署的不开会。", "会议材料应当精简，一般不超过三千字。", "会议纪要由承办科室起草，报主持人审定后印发。"] },
  { title: "XX市政协办公室财务管理办法", category: M, office: "综合科", docNumber: "X政协办发〔2024〕4号", agoMonths: 20, articles: ["为加强机关财务管理，规范财务行为，制定本办法。", "机关财务实行统一领导、集中管理。", "各项支出应当严格执行预算，无预算不得支出。", "报销应当取得合法票据，经经办人、科室负责人和分管领导审核签字。", "大额资金使用应当经秘书长办公会议集体研究。"] },
  { title: "XX市政协办公室公务接待管理办法（试行）", category: M, office: "综合科", agoMonths: 19, status: "TRIAL", articles: ["为规范公务接待工作，厉行勤俭节约，制定本办法。", "公务接待实行审批制度，无公函的公务活动不予接待。", "接待对象应当按照规定标准自行用餐，确因工作需要安排工作餐的，严格执行标准。", "接待清单应当如实反映接待对象、公务活动、接待费用等内容。"] },
  { title: "XX市政协办公室公务用车管理办法", category: M, office: "综合科", agoMonths: 26, articles: ["为规范公务用车管理，降低行政成本，制定本办法。", "公务用车实行集中管理、统一调度。", "公务用车实行派车单制度，严禁公车私用。", "车辆维修、加油实行定点管理。"] },
  { title: "XX市政协办公室固定资产管理办法", category: M, office: "综合科", agoMonths: 36, reviewedMonthsAgo: 15, articles: ["为加强固定资产管理，防止国有资产流失，制定本办法。", "固定资产实行统一领导、归口管理、分级负责。", "固定资产的购置应当纳入年度预算，按照政府采购规定执行。", "每年年底对固定资产进行一次全面清查盘点。"] },
  { title: "XX市政协办公室政府采购内部控制规定", category: M, office: "综合科", agoMonths: 16, articles: ["为规范政府采购行为，加强内部控制，制定本规定。", "采购需求由使用科室提出，综合科统一组织采购。", "采购合同签订前应当经法治办审查。", "采购文件和合同按规定保存十五年以上。"] },
  { title: "XX市政协办公室档案管理办法", category: M, office: "综合科", agoMonths: 44, reviewedMonthsAgo: 14, articles: ["为加强机关档案工作，制定本办法。", "机关档案实行集中统一管理。", "各科室应当于次年六月底前将上年度文件材料整理移交。", "电子文件应当与纸质文件同步归档。"] },
  { title: "XX市政协办公室网络安全和信息化管理办法", category: M, office: "综合科", agoMonths: 12, articles: ["为保障机关网络安全，推进信息化建设，制定本办法。", "机关网络安全工作实行责任制，各科室负责人为本科室网络安全责任人。", "工作人员应当使用符合规定的账号和口令，不得转借他人。", "发生网络安全事件的，应当立即报告并采取处置措施。"] },
  { title: "XX市政协办公室政务信息公开工作办法", category: R, office: "研究室", agoMonths: 28, articles: ["为规范政务信息公开工作，制定本办法。", "政务信息公开坚持以公开为常态、不公开为例外。", "拟公开的信息应当经保密审查。", "依申请公开的，应当在规定期限内答复。"] },
  { title: "XX市政协办公室调研工作规定", category: R, office: "研究室", agoMonths: 24, articles: ["为提高调研工作质量，制定本规定。", "年度调研计划由研究室拟定，报秘书长审定。", "调研应当轻车简从，不搞层层陪同。", "调研报告应当问题找得准、建议提得实。"] },
  { title: "XX市政协办公室信息报送工作制度", category: R, office: "研究室", agoMonths: 30, articles: ["为做好社情民意信息报送工作，制定本制度。", "研究室负责信息的收集、编辑和报送。", "报送信息应当真实准确，不得夸大或者隐瞒。"] },
  { title: "XX市政协办公室提案办理工作规程", category: R, office: "提案委", docNumber: "X政协办发〔2024〕8号", agoMonths: 21, chapters: { 1: "总则", 3: "交办", 5: "督办" }, articles: ["为做好提案办理协调工作，制定本规程。", "提案办理坚持实事求是、注重实效。", "提案委负责提案的审查立案和交办。", "对交办有异议的，承办单位应当在收到提案之日起五个工作日内提出。", "提案委会同有关方面对重点提案进行督办。", "办理结果应当及时答复提案者。"] },
  { title: "XX市政协办公室委员联络服务工作制度", category: R, office: "提案委", agoMonths: 17, articles: ["为加强与委员的联系，做好服务保障，制定本制度。", "办公室建立委员联络服务台账。", "委员反映的问题应当登记并及时转交有关方面办理。"] },
  { title: "XX市政协办公室社会法制工作协调办法", category: R, office: "社会法制委", agoMonths: 23, articles: ["为做好社会法制领域协商议政的服务保障，制定本办法。", "社会法制委负责协调组织专题协商、民主监督等活动。", "涉及法律法规草案征求意见的，应当组织委员认真研究并按时反馈。"] },
  { title: "XX市政协办公室干部教育培训实施办法", category: M, office: "人事科", agoMonths: 27, articles: ["为加强干部教育培训工作，制定本办法。", "干部教育培训坚持按需施教、学以致用。", "每年组织法治专题培训不少于一期。", "培训情况记入干部培训档案。"] },
  { title: "XX市政协办公室考勤和休假管理规定", category: M, office: "人事科", agoMonths: 38, reviewedMonthsAgo: 13, articles: ["为严肃工作纪律，制定本规定。", "工作人员应当按时上下班，因公外出应当报告。", "休假按照国家规定执行，须提前履行请假手续。"] },
  { title: "XX市政协办公室干部选拔任用工作规程", category: M, office: "人事科", agoMonths: 32, articles: ["为规范干部选拔任用工作，根据有关规定，制定本规程。", "选拔任用干部应当坚持党管干部原则。", "选拔任用应当经过动议、民主推荐、考察、讨论决定等程序。"] },
  { title: "XX市政协办公室党组会议议事规则", category: R, office: "机关党委", agoMonths: 29, articles: ["为规范党组会议议事决策，制定本规则。", "党组会议实行民主集中制。", "重大事项应当经党组会议集体讨论决定。", "会议议题应当提前送达与会人员。"] },
  { title: "XX市政协办公室学法用法制度", category: R, office: "机关党委", agoMonths: 14, articles: ["为提高机关干部法治素养，制定本制度。", "党组理论学习中心组每年开展法治专题学习不少于四次。", "机关每年制定学法清单，干部结合工作自主学习，不搞打卡、不排名次。", "领导干部应当带头尊法学法守法用法。"] },
  { title: "XX市政协办公室重大行政决策程序规定（试行）", category: R, office: "法治办", agoMonths: 8, status: "TRIAL", articles: ["为规范重大决策行为，制定本规定。", "重大决策应当经过公众参与、专家论证、风险评估、合法性审查和集体讨论决定。", "决策执行情况应当进行后评估。"] },
  { title: "XX市政协办公室法律顾问工作规则", category: R, office: "法治办", agoMonths: 25, articles: ["为发挥法律顾问作用，制定本规则。", "法律顾问为机关重大决策、合同签订、信访事项等提供法律意见。", "法律顾问应当保守工作中知悉的秘密。"] },
  { title: "中华人民共和国保守国家秘密法", category: "法律法规", office: null, issuer: "上级", agoMonths: 60, validForMonths: 120, articles: ["为了保守国家秘密，维护国家安全和利益，制定本法。", "国家秘密是关系国家安全和利益，依照法定程序确定，在一定时间内只限一定范围的人员知悉的事项。", "一切国家机关和武装力量、各政党和各人民团体、企业事业组织和其他社会组织以及公民都有保密的义务。"] },
  { title: "党政机关公文处理工作条例", category: "党内法规", office: null, issuer: "上级", agoMonths: 72, validForMonths: 120, articles: ["为了适应中国共产党机关和国家行政机关工作需要，推进党政机关公文处理工作科学化、制度化、规范化，制定本条例。", "本条例适用于各级党政机关公文处理工作。", "党政机关公文是党政机关实施领导、履行职能、处理公务的具有特定效力和规范体式的文书。"] },
  { title: "中国共产党政治协商会议工作条例（摘编）", category: "党内法规", office: null, issuer: "上级", agoMonths: 48, validForMonths: 120, articles: ["为了加强党对人民政协工作的领导，制定本条例。", "人民政协是中国共产党领导的多党合作和政治协商的重要机构。", "各级党委应当把人民政协工作纳入总体工作布局。"] },
];

function monthsFrom(today: Date, months: number): Date {
  const d = new Date(today);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

function text(rule: { title: string; articles: string[]; chapters?: Record<number, string> }): string {
  const lines = [rule.title];
  const numerals = "一二三四五六七八九十";
  let chapter = 0;
  rule.articles.forEach((article, index) => {
    const n = index + 1;
    if (rule.chapters?.[n]) lines.push(`第${numerals[chapter++]}章　${rule.chapters[n]}`);
    const label = n <= 10 ? numerals[n - 1] : n < 20 ? `十${numerals[n - 11] ?? ""}` : String(n);
    lines.push(`第${label}条　${article}`);
  });
  return lines.join("\n");
}

export async function seedRegulations(tx: Tx, kind: DatabaseKind, offices: Map<string, number>, today: Date, audit: Audit): Promise<number> {
  for (const rule of RULES) {
    const adoptedOn = monthsFrom(today, -rule.agoMonths);
    const status = rule.status ?? "EFFECTIVE";
    const validUntil = rule.validForMonths !== undefined ? monthsFrom(today, rule.validForMonths) : defaultValidUntil(adoptedOn, rule.title, status);
    const reviewed = monthsFrom(today, -(rule.reviewedMonthsAgo ?? Math.min(rule.agoMonths, 6)));
    const body = text(rule);
    const versions = rule.revisedFrom
      ? [
          { versionNo: 1, docNumber: "", adoptedOn: monthsFrom(adoptedOn, -36), effectiveOn: monthsFrom(adoptedOn, -36), fullText: text({ ...rule, articles: rule.revisedFrom }), note: "制定" },
          { versionNo: 2, docNumber: rule.docNumber ?? "", adoptedOn, effectiveOn: adoptedOn, fullText: body, note: "依据公文处理条例修订，增加公文格式和签发要求" },
        ]
      : [{ versionNo: 1, docNumber: rule.docNumber ?? "", adoptedOn, effectiveOn: adoptedOn, fullText: body, note: "制定" }];
    const created = await tx.regulation.create({
      data: {
        title: rule.title,
        docNumber: rule.docNumber ?? null,
        issuer: rule.issuer ?? "本机关",
        category: rule.category,
        officeId: rule.office ? (offices.get(rule.office) ?? null) : null,
        status,
        adoptedOn,
        effectiveOn: adoptedOn,
        validUntil,
        lastReviewedOn: reviewed,
        currentVersion: versions.length,
        versions: { create: versions },
      },
    });
    await writeSearchIndex(tx, kind, { id: created.id, title: rule.title, docNumber: rule.docNumber ?? "", body });
    audit("Regulation", created.id, { title: rule.title, docNumber: rule.docNumber ?? "", category: rule.category, status, versions: versions.length }, "coordinator");
  }
  await seedPendingProposal(tx, audit);
  return RULES.length;
}

/** One pending 修订建议 from the 综合科 on its contract rule, waiting for the 法治办 (issue 17). */
async function seedPendingProposal(tx: Tx, audit: Audit) {
  const rule = await tx.regulation.findUnique({ where: { docNumber: "X政协办发〔2022〕9号" }, select: { id: true, officeId: true } });
  const staff = await tx.user.findUnique({ where: { username: "staff-zonghe" }, select: { id: true } });
  if (!rule?.officeId || !staff) return;
  const proposal = await tx.regulationProposal.create({
    data: {
      regulationId: rule.id,
      officeId: rule.officeId,
      kind: "REVISE",
      reason: "《民法典》合同编施行后合同审查要点有变化，且合同金额审查标准需与采购管理规定衔接，建议修订第四条。",
      suggestedText: "第四条 合同金额在五万元以上的，应当经法治办合法性审查并听取法律顾问意见。",
      proposedById: staff.id,
      pendingKey: rule.id,
    },
  });
  audit("RegulationProposal", proposal.id, { regulationId: rule.id, kind: proposal.kind, status: proposal.status }, "staff-zonghe");
}
