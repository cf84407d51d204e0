// The item part of the reference conversion: each reference item becomes an ItemContent document
// (less the department and window ids the seed fills in). Used by convert-reference.ts.
import { z } from "zod";
import {
  type Audience as AudienceKey,
  composeImplementationCode,
  type FeatureTag,
  featureTags,
  ItemContentSchema,
  itemTypeByName,
  itemTypes,
  type Material,
} from "../../core/src/index.ts";
import { itemForms } from "./item-forms.ts";
import { itemInstantRules } from "./item-instant-rules.ts";

export const Ref = z.string().regex(/^[a-z0-9-]+$/);
export const Audience = z.array(z.enum(["自然人", "法人"]));
const Limit = { days: z.number().int().min(0), unit: z.enum(["工作日", "自然日"]) };

// Strict objects: a field the reference adds later fails the run instead of being dropped silently.
/** One item of the reference catalog. */
export const ReferenceItem = z.strictObject({
  ref: Ref,
  name: z.string(),
  type: z.string(),
  dept: Ref,
  audience: Audience,
  themes: z.array(z.string()),
  // article is null when the whole law (or a normative document) is the basis.
  legalBasis: z.array(z.strictObject({ law: z.string(), article: z.string().nullable() })),
  statutoryLimit: z.strictObject({ ...Limit, text: z.string() }).nullable(),
  promisedLimit: z.strictObject(Limit),
  conditions: z.array(z.string()),
  materials: z.array(
    z.strictObject({
      name: z.string(),
      form: z.enum(["原件", "复印件", "电子"]),
      required: z.boolean(),
      sourceLicense: Ref.nullable(),
      when: z.string().nullable(),
    }),
  ),
  situations: z.array(z.strictObject({ question: z.string(), options: z.array(z.string()) })),
  fee: z.strictObject({
    charged: z.boolean(),
    amount: z.string().optional(),
    basis: z.string().optional(),
  }),
  onlineDepth: z.number().int().min(1).max(4),
  maxVisits: z.number().int().min(0),
  tags: z.array(z.string()),
  confidence: z.enum(["checked", "unverified"]),
});
type RefItem = z.infer<typeof ReferenceItem>;
type Department = { ref: string; creditCode: string };

const FEATURE_TAG: Readonly<Record<string, FeatureTag>> = Object.fromEntries(
  Object.entries(featureTags).map(([key, name]) => [name, key as FeatureTag]),
);
// 承诺件 and 即办件 are the 办件类型 (`processing`); 即办件 is also a feature tag of its own.
const PROCESSING_TAGS = new Set(["承诺件", "即办件"]);
const AUDIENCE: Readonly<Record<string, AudienceKey>> = { 自然人: "citizen", 法人: "company" };
const FORM = { 原件: "original", 复印件: "copy", 电子: "electronic" } as const;
const UNIT = { 工作日: "workday", 自然日: "natural-day" } as const;

type SeedMaterial = Omit<Material, "blankForm" | "sample">;

/**
 * Fees whose text is not one plain amount, split by hand into amounts in fen. A fee the reference
 * states only as "按规定标准收取" keeps its text as the name and 0 fen: ItemContent has no
 * "amount varies" field, so the text is what tells people.
 */
const SPLIT_FEES: Readonly<Record<string, { name: string; amountFen: number; note?: string }[]>> = {
  "有效期满或项目变更换领20元；损坏换领40元": [
    { name: "工本费（有效期满或项目变更换领）", amountFen: 2000 },
    { name: "工本费（损坏换领）", amountFen: 4000 },
  ],
  "通行证60元/张；签注按次收费": [{ name: "通行证工本费", amountFen: 6000, note: "签注按次收费" }],
  "住宅每件80元，非住宅每件550元（含第一本证书工本费，每增加一本证书加收10元）；小微企业（含个体工商户）免收":
    [
      {
        name: "不动产登记费（住宅）",
        amountFen: 8000,
        note: "每增加一本证书加收10元；小微企业（含个体工商户）免收",
      },
      {
        name: "不动产登记费（非住宅）",
        amountFen: 55000,
        note: "每增加一本证书加收10元；小微企业（含个体工商户）免收",
      },
    ],
};

/** "20元", "120元/本": a plain amount per application or certificate, in fen; anything else is null. */
function amountFen(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?元(?:\/[本张证件])?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

function buildFees(fee: RefItem["fee"]) {
  if (!fee.charged) return [];
  const text = fee.amount ?? "按规定标准收取";
  const basis = fee.basis ?? null;
  const split = SPLIT_FEES[text];
  if (split) {
    return split.map((f) => ({
      name: f.name,
      amountFen: f.amountFen,
      basis: f.note ? `${f.note}。${basis ?? ""}` : basis,
    }));
  }
  const fixed = amountFen(text);
  return [{ name: fixed === null ? text : "工本费", amountFen: fixed ?? 0, basis }];
}

// 告知承诺 items: the proofs a written commitment may replace (the reference does not say which), by material id.
const PLEDGEABLE: Record<string, string[]> = {
  "gonggong-changsuo-weisheng-xuke": ["m4", "m6"], // 卫生检测或者评价报告
  "shipin-jingying-xuke": ["m3", "m5"], // 设备设施布局文件, 自动售货设备合格证明
  "tezhong-shebei-dengji": ["m3", "m4"], // 产品合格证, 监督检验证明
  "shigong-xuke": ["m5", "m6"], // 施工图审查合格书, 资金落实承诺书
  "huanping-shenpi": ["m3"], // 公众参与说明
  "xiaofang-anquan-jiancha": ["m5"], // 符合消防技术标准的承诺书
};

// The standard "是否委托他人办理？" question every item gets (授权委托书 and the agent's ID, 000 article 31).
// Items whose reference already asks "是否委托他人代为办理？" get this one in its place, and their own
// 授权委托书 / 代办人居民身份证 rows are replaced by the two materials below.
const AGENT_QUESTION = /^是否委托他人代为办理？$/;
const AGENT_WHEN = "委托他人代办时";
const AGENT_MATERIALS: SeedMaterial[] = [
  {
    id: "agent-letter",
    name: "授权委托书",
    forms: ["original"],
    copies: 1,
    required: true,
    conditional: true,
    issuer: null,
    licenceTypeRef: null,
    note: "载明委托事项、权限和期限，由申请人签名或盖章",
    pledgeable: false,
  },
  {
    id: "agent-id",
    name: "受托人身份证件",
    forms: ["original"],
    copies: 1,
    required: true,
    conditional: true,
    issuer: null,
    licenceTypeRef: null,
    note: null,
    pledgeable: false,
  },
];
const AGENT_SITUATION = {
  id: "agent",
  question: "是否委托他人办理？",
  options: [
    { label: "否", effects: [] },
    {
      label: "是",
      effects: AGENT_MATERIALS.map((m) => ({ kind: "add-material" as const, material: m.id })),
    },
  ],
};

/**
 * Materials the reference lists only "when" something holds, linked by hand to the answer of the
 * item's one yes/no question that brings them in. Reading the texts decides the answer: "在助产机构外
 * 出生时" belongs to 否 of "新生儿是否在助产机构内出生？". Other `when` texts stay as the material's note.
 */
const WHEN_LINKS: Readonly<Record<string, Readonly<Record<string, "是" | "否">>>> = {
  "sfz-shouci-shenling": { 未满十六周岁由监护人代为申请时: "是" },
  "sfz-buling": { 在户籍地办理且需核对户籍信息时: "否" },
  "hukou-qianchu": { "未纳入迁移“一站式”电子迁移办理时": "否" },
  "dibao-shenqing": { 家庭成员中有残疾人时: "是" },
  "huimin-binzang": { 按困难群众标准申请减免时: "是" },
  "chusheng-yixue-zhengming": { 在助产机构外出生时: "否" },
  "qishui-shenbao": { 申请享受家庭首套或第二套住房契税优惠时: "是" },
  "jungong-yanshou-beian": { 商品住宅工程时: "是" },
  "cunliangfang-wangqian": { 通过房地产经纪机构成交时: "是" },
  "youeryuan-ruyuan": { 非本市户籍儿童入园时: "否" },
  "canji-ertong-kangfu": { 已办理残疾人证时: "是", 未办理残疾人证时: "否" },
  "chengshi-shumu-kanfa": { 因工程建设需要时: "是" },
  "falv-yuanzhu": { "申请人属于特定群体、社会救助或优抚对象、讨薪农民工等时": "是" },
  "xiaofang-anquan-jiancha": { 采用告知承诺方式办理时: "是" },
  "youxian-gongsi-sheli": { 股东为企业法人时: "是" },
};

/** Materials with ids, the situations with their effects, and the agent question added. */
function buildGuide(item: RefItem) {
  const links = WHEN_LINKS[item.ref] ?? {};
  const own = item.situations.filter((s) => !AGENT_QUESTION.test(s.question));
  const yesNo = own.length === 1 && own[0]?.options.join("/") === "是/否";
  if (Object.keys(links).length > 0 && !yesNo) throw new Error(`${item.ref}: links need one yes/no question`);
  const effects = new Map<string, string[]>();
  const materials: SeedMaterial[] = [];
  let n = 0;
  for (const m of item.materials) {
    if (m.when === AGENT_WHEN) continue;
    const id = `m${++n}`;
    const answer = m.when === null ? undefined : links[m.when];
    if (answer) effects.set(answer, [...(effects.get(answer) ?? []), id]);
    materials.push({
      id,
      name: m.name,
      forms: [FORM[m.form]],
      copies: 1,
      required: answer ? true : m.required,
      conditional: answer !== undefined,
      issuer: null,
      licenceTypeRef: m.sourceLicense,
      note: m.when,
      pledgeable: PLEDGEABLE[item.ref]?.includes(id) ?? false,
    });
  }
  for (const when of Object.keys(links)) {
    if (!item.materials.some((m) => m.when === when)) throw new Error(`${item.ref}: no material "${when}"`);
  }
  const situations = own.map((s, index) => ({
    id: `s${index + 1}`,
    question: s.question,
    options: s.options.map((label) => ({
      label,
      effects: (effects.get(label) ?? []).map((material) => ({ kind: "add-material" as const, material })),
    })),
  }));
  return { materials: [...materials, ...AGENT_MATERIALS], situations: [...situations, AGENT_SITUATION] };
}

function timeLimit(limit: { days: number; unit: "工作日" | "自然日"; text?: string } | null) {
  return limit && { days: limit.days, unit: UNIT[limit.unit], text: limit.text ?? null };
}

// Remedies any administrative decision carries: 行政复议法 (2023) §20 sixty days, 行政诉讼法 §46 six months.
const REMEDIES = {
  reconsideration: "对办理结果不服的，可以自知道该行政行为之日起六十日内依法申请行政复议",
  litigation: "可以自知道或者应当知道作出行政行为之日起六个月内依法向人民法院提起行政诉讼",
};

/** The item as an ItemContent document, less what only the database knows (department and window ids). */
function buildContent(item: RefItem, department: Department, basicCode: string) {
  const type = itemTypeByName(item.type);
  if (type === undefined) throw new Error(`Unknown item type ${item.type} in ${item.ref}`);
  const processing = item.tags.includes("即办件") ? "immediate" : "promised";
  const tags = item.tags
    .filter((t) => !PROCESSING_TAGS.has(t) || t === "即办件")
    .map((t) => {
      const key = FEATURE_TAG[t];
      if (key === undefined) throw new Error(`Unknown feature tag ${t} in ${item.ref}`);
      return key;
    })
    .filter((key) => key !== "instant" || itemInstantRules[item.ref] !== undefined);
  const { materials, situations } = buildGuide(item);
  return {
    name: item.name,
    basicCode,
    implementationCode: composeImplementationCode({
      subjectCode: department.creditCode,
      level: "municipal",
      basicCode,
    }),
    type,
    level: "municipal" as const,
    audience: item.audience.map((a) => AUDIENCE[a]),
    audienceDetail: [],
    themes: item.themes,
    tags,
    legalBasis: item.legalBasis.map((b) => ({ law: b.law, article: b.article, text: null })),
    conditions: item.conditions,
    materials,
    situations,
    // 申请表: the demo items' own forms (item-forms.ts); the rest keep the default contact form.
    ...(itemForms[item.ref] ? { form: itemForms[item.ref] } : {}),
    processing,
    statutoryLimit: timeLimit(item.statutoryLimit),
    promisedLimit: timeLimit(item.promisedLimit),
    fees: buildFees(item.fee),
    // The general steps of every 办件 (000 article 33); an item's own steps replace them when known.
    process: (processing === "immediate"
      ? ["申请", "受理", "办结"]
      : ["申请", "受理", "审查", "决定", "送达"]
    ).map((name) => ({ name, description: null })),
    result: null,
    onlineDepth: item.onlineDepth,
    maxVisits: item.maxVisits,
    // Demo default: the reference does not say why people come in, and a visit needs a stated reason.
    visitReason: item.maxVisits > 0 ? "需到窗口核验材料原件或现场采集信息" : null,
    postal: false,
    appointment: false,
    // 12345 is the national hotline for both consultation and complaints about government services.
    consultationPhone: "12345",
    complaintPhone: "12345",
    faq: [],
    rights: [],
    obligations: [],
    remedies: REMEDIES,
    // 秒批 rules (item-instant-rules.ts) for the demo items that have them.
    ...(itemInstantRules[item.ref] ? { instantRules: itemInstantRules[item.ref] } : {}),
  };
}

const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";

/** Converts every reference item, numbering 基本编码 per department in reference order. */
export function buildItems(items: readonly RefItem[], departments: readonly Department[]) {
  const departmentIndex = new Map(departments.map((d, i) => [d.ref, i + 1]));
  const perDepartment = new Map<string, number>();
  return items.map((item) => {
    const type = itemTypeByName(item.type);
    if (type === undefined) throw new Error(`Unknown item type ${item.type} in ${item.ref}`);
    const department = departments.find((d) => d.ref === item.dept);
    if (department === undefined) throw new Error(`Unknown department ${item.dept} in ${item.ref}`);
    const sequence = (perDepartment.get(item.dept) ?? 0) + 1;
    perDepartment.set(item.dept, sequence);
    // Demo 基本编码 layout (the national one is unpublished, standards-cn §3):
    // province 32 + type code + department number (3) + sequence in department (3) + sub-item 00.
    const basicCode = `32${itemTypes[type].code}${String(departmentIndex.get(item.dept)).padStart(3, "0")}${String(sequence).padStart(3, "0")}00`;
    const content = buildContent(item, department, basicCode);
    // The seed must be a valid document; the department id is only known at seed time.
    const checked = ItemContentSchema.safeParse({ ...content, departmentId: PLACEHOLDER_ID });
    if (!checked.success) throw new Error(`${item.ref}: ${z.prettifyError(checked.error)}`);
    return { ref: item.ref, departmentRef: item.dept, confidence: item.confidence, content };
  });
}
