import type { ItemContent } from "./item-content.ts";

/**
 * Chinese labels of the item's elements (事项要素), named as the guide and the standards name them.
 * The diff, the consistency findings, the completeness score and the import errors all speak these words.
 */
export const contentLabels = {
  name: "事项名称",
  basicCode: "基本编码",
  implementationCode: "实施编码",
  type: "事项类型",
  level: "行使层级",
  departmentId: "实施主体",
  audience: "服务对象",
  audienceDetail: "服务对象细分",
  themes: "主题分类",
  tags: "特色标签",
  legalBasis: "设定依据",
  conditions: "受理条件",
  materials: "申请材料",
  situations: "情形引导",
  form: "申请表",
  processing: "办件类型",
  statutoryLimit: "法定办结时限",
  promisedLimit: "承诺办结时限",
  fees: "收费标准",
  process: "办理流程",
  result: "办理结果",
  instantRules: "秒批规则",
  onlineDepth: "网上办理深度",
  maxVisits: "到办事现场次数",
  visitReason: "需到现场办理的理由",
  postal: "支持物流快递",
  appointment: "支持预约办理",
  windowIds: "办理窗口",
  consultationPhone: "咨询电话",
  complaintPhone: "监督投诉电话",
  faq: "常见问题",
  rights: "申请人权利",
  obligations: "申请人义务",
  remedies: "救济途径",
} as const satisfies Record<keyof ItemContent, string>;

/** Labels of the parts of list and object elements (a material's form, a fee's amount, …). */
export const partLabels: Readonly<Record<string, string>> = {
  id: "标识",
  name: "名称",
  forms: "材料形式",
  copies: "份数",
  required: "是否必要",
  conditional: "是否情形材料",
  issuer: "出具单位",
  licenceTypeRef: "可替代的电子证照",
  pledgeable: "可告知承诺",
  legalBasis: "法定程序依据",
  note: "备注",
  blankForm: "空白表格",
  sample: "示例样本",
  question: "问题",
  sections: "分节与字段",
  options: "选项",
  days: "天数",
  unit: "计时单位",
  text: "说明",
  law: "法律法规名称",
  article: "条款",
  amountFen: "金额（分）",
  basis: "收费依据",
  description: "说明",
  type: "类型",
  answer: "解答",
  reconsideration: "行政复议",
  litigation: "行政诉讼",
  kind: "规则类型",
  years: "周岁",
  regionCodes: "行政区划",
  field: "申请表字段",
  verified: "核验数据",
  values: "取值范围",
};

/** The label of a part, falling back to its key so a new field is never silently unnamed. */
export function partLabel(key: string): string {
  return partLabels[key] ?? key;
}
