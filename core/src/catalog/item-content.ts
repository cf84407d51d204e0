import { z } from "zod";
import { defaultForm, ItemForm } from "./form.ts";
import { InstantRule } from "./instant-rules.ts";
import { exerciseLevels, itemTypes } from "./item-codes.ts";

/**
 * The whole of a service item (政务服务事项) as one document: what an editor drafts, what a change request
 * carries, what a published version freezes, what the guide shows and what the case engine reads. It is
 * the JSON column `item_version.content`, the body of the editor's form and the unit of import/export.
 */

/** Feature tags (特色标签) per the 一网通办 policy; English keys in code, Chinese names on screen. */
export const featureTags = {
  immediate: "即办件",
  "fully-online": "全程网办",
  mobile: "掌上办",
  nearby: "就近办",
  "licence-free": "免证办",
  instant: "秒批",
  "cross-province": "跨省通办",
  "city-wide": "全市通办",
  pledge: "告知承诺",
  "tolerant-acceptance": "容缺受理",
  assisted: "帮办代办",
  "bank-partnership": "政银合作",
} as const;
export type FeatureTag = keyof typeof featureTags;

/** Life events (citizens) and lifecycle stages (companies) the portal browses by. */
export const themes = {
  citizen: [
    "出生",
    "户籍",
    "教育",
    "就业",
    "婚育",
    "住房",
    "出行",
    "医疗",
    "社保",
    "养老",
    "残疾人服务",
    "身后",
  ],
  company: ["企业开办", "经营许可", "投资建设", "用工", "纳税", "注销"],
} as const;
export type Theme = (typeof themes)["citizen" | "company"][number];
const allThemes = [...themes.citizen, ...themes.company] as [Theme, ...Theme[]];

export const audiences = { citizen: "自然人", company: "法人" } as const;
export type Audience = keyof typeof audiences;

/** Forms a material is accepted in. */
export const materialForms = { original: "原件", copy: "复印件", electronic: "电子" } as const;

/** Result types (办理结果类型). */
export const resultTypes = {
  licence: "证照",
  approval: "批文",
  certificate: "证明",
  filing: "备案回执",
  payment: "给付",
  other: "其他",
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "id: lower-case letters, digits and hyphens")
  .describe("Stable id within the item, referenced by situation effects");
const enumOf = <T extends Record<string, unknown>>(table: T) =>
  z.enum(Object.keys(table) as [keyof T & string, ...(keyof T & string)[]]);

/** A file attached to the catalog (blank form, sample), kept in file storage by SHA-256. */
export const FileRef = z.object({ name: text(100), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const TimeLimit = z.object({
  days: z.number().int().min(0).max(3650),
  unit: z.enum(["workday", "natural-day"]),
  text: z.string().trim().max(500).nullable().default(null),
});
export type TimeLimit = z.infer<typeof TimeLimit>;

export const LegalBasis = z.object({
  law: text(200),
  article: z.string().trim().max(100).nullable().default(null),
  text: z.string().trim().max(2000).nullable().default(null),
});

export const Material = z.object({
  id,
  name: text(200),
  forms: z.array(enumOf(materialForms)).min(1),
  copies: z.number().int().min(0).max(99).default(1),
  required: z.boolean(),
  /** Only on the checklist when a situation answer adds it. */
  conditional: z.boolean().default(false),
  /** Who issues it (出具单位), e.g. 公安机关. */
  issuer: z.string().trim().max(100).nullable().default(null),
  /** The electronic licence type that replaces it (免证办): `licence_type.ref`. */
  licenceTypeRef: z.string().max(60).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
  /** 告知承诺: a written commitment may replace this proof (only when the item is tagged "pledge"). */
  pledgeable: z.boolean().default(false),
  blankForm: FileRef.nullable().default(null),
  sample: FileRef.nullable().default(null),
});
export type Material = z.infer<typeof Material>;

/** What choosing an option does to the personal checklist. */
export const Effect = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add-material"), material: id }),
  z.object({ kind: z.literal("remove-material"), material: id }),
  z.object({ kind: z.literal("replace-material"), material: id, by: id }),
  z.object({ kind: z.literal("add-condition"), text: text(500) }),
]);
export type Effect = z.infer<typeof Effect>;

export const Situation = z.object({
  id,
  question: text(200),
  options: z
    .array(z.object({ label: text(60), effects: z.array(Effect).default([]) }))
    .min(2)
    .max(10),
});
export type Situation = z.infer<typeof Situation>;

export const Fee = z.object({
  name: text(100),
  amountFen: z.number().int().min(0).max(1_000_000_000),
  basis: z.string().trim().max(1000).nullable().default(null),
});

export const ItemContent = z.object({
  name: text(100),
  basicCode: text(31),
  implementationCode: text(40),
  type: enumOf(itemTypes),
  level: enumOf(exerciseLevels),
  /** Implementing body (实施主体). */
  departmentId: z.uuid(),
  audience: z.array(enumOf(audiences)).min(1),
  audienceDetail: z.array(text(30)).default([]).describe("Subtypes, e.g. 个体工商户, 老年人"),
  themes: z.array(z.enum(allThemes)).default([]),
  tags: z.array(enumOf(featureTags)).default([]),
  legalBasis: z.array(LegalBasis).default([]),
  conditions: z.array(text(500)).default([]),
  materials: z.array(Material).default([]),
  situations: z.array(Situation).default([]),
  /** 申请表: the application form as data (sections of typed fields); old versions get the contact form. */
  form: ItemForm.default(defaultForm),
  /** 办件类型: 即办 (done on the spot) or 承诺 (within the promised limit). */
  processing: z.enum(["immediate", "promised"]),
  statutoryLimit: TimeLimit.nullable().default(null),
  promisedLimit: TimeLimit.nullable().default(null),
  fees: z.array(Fee).default([]),
  process: z
    .array(
      z.object({
        name: text(60),
        description: z.string().trim().max(500).nullable().default(null),
        /** The law requiring a step beyond 受理, 审核 and 办结 (公示, 听证, 现场勘查…): 000 article 14. */
        legalBasis: z.string().trim().max(300).nullable().default(null),
      }),
    )
    .default([]),
  result: z
    .object({
      type: enumOf(resultTypes),
      name: text(100),
      licenceTypeRef: z.string().max(60).nullable().default(null),
      sample: FileRef.nullable().default(null),
    })
    .nullable()
    .default(null),
  /** 秒批 rules: with the 秒批 tag and no fee, a case whose rules all pass completes at once. */
  instantRules: z.array(InstantRule).default([]),
  /** 网上办理深度 I–IV. */
  onlineDepth: z.number().int().min(1).max(4),
  /** 到办事现场次数, with the reason when it is not zero. */
  maxVisits: z.number().int().min(0).max(9),
  visitReason: z.string().trim().max(300).nullable().default(null),
  postal: z.boolean().default(false).describe("Results or materials by post (邮寄)"),
  appointment: z.boolean().default(false),
  /** Windows (service_window.id) where it is accepted; the guide shows their place, address and hours. */
  windowIds: z.array(z.uuid()).default([]),
  consultationPhone: z.string().trim().max(40).nullable().default(null),
  complaintPhone: z.string().trim().max(40).nullable().default(null),
  faq: z.array(z.object({ question: text(200), answer: text(2000) })).default([]),
  rights: z.array(text(500)).default([]),
  obligations: z.array(text(500)).default([]),
  remedies: z
    .object({
      reconsideration: z.string().trim().max(300).nullable().default(null),
      litigation: z.string().trim().max(300).nullable().default(null),
    })
    .default({ reconsideration: null, litigation: null }),
});
export type ItemContent = z.infer<typeof ItemContent>;
export type ItemContentInput = z.input<typeof ItemContent>;
