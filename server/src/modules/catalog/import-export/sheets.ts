import {
  audiences,
  exerciseLevels,
  featureTags,
  type ItemContent,
  itemTypes,
  materialForms,
  resultTypes,
} from "@tongban/core";

/**
 * The catalog's spreadsheet layout: one row per item on 事项 with a column per scalar element, and one
 * sheet per list element keyed by the item's 事项标识 (ref), rows in the list's order. Enumerations are
 * written by their Chinese names and read by name or key; empty cells are null. The same cells serve
 * the writer and the reader, so an export imports back to the same content.
 */

/** The kinds of cell: how a value is written and parsed. */
/** `json`: a structured element (the 申请表) as one JSON cell, so the round trip stays lossless. */
export type CellKind = "text" | "nullable" | "int" | "bool" | "enum" | "enum-list" | "list" | "json";

/** One column: its key (also accepted as a header), the Chinese header, and where its value lives. */
export interface Column {
  key: string;
  header: string;
  /** The value's path inside the sheet's record, e.g. `promisedLimit.days` or `blankForm.sha256`. */
  path: string;
  kind: CellKind;
  /** Enumerations: key → Chinese name. */
  names?: Readonly<Record<string, string>>;
  width?: number;
}

const col = (
  key: string,
  header: string,
  kind: CellKind,
  options: { path?: string; names?: Record<string, string>; width?: number } = {},
): Column => ({ key, header, path: options.path ?? key, kind, names: options.names, width: options.width });

const namesOf = <T extends Record<string, { name: string }>>(table: T): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([key, value]) => [key, value.name]));

/** 办件类型 names. */
export const processingNames = { immediate: "即办件", promised: "承诺件" };
/** Time-limit unit names. */
export const unitNames = { workday: "工作日", "natural-day": "自然日" };
/** Situation effect names. */
export const effectNames = {
  "add-material": "添加材料",
  "remove-material": "移除材料",
  "replace-material": "替换材料",
  "add-condition": "添加条件",
};

const limit = (prefix: "statutory" | "promised", title: string) => [
  col(`${prefix}Days`, `${title}（天）`, "int", { path: `${prefix}Limit.days` }),
  col(`${prefix}Unit`, `${title}单位`, "enum", { path: `${prefix}Limit.unit`, names: unitNames }),
  col(`${prefix}Text`, `${title}说明`, "nullable", { path: `${prefix}Limit.text`, width: 30 }),
];

const file = (prefix: string, path: string, title: string) => [
  col(`${prefix}Name`, `${title}文件名`, "nullable", { path: `${path}.name` }),
  col(`${prefix}Sha256`, `${title}SHA-256`, "nullable", { path: `${path}.sha256` }),
];

const ref = col("ref", "事项标识", "text", { width: 26 });

/** The items sheet: identity, then every scalar element of the item. */
export const itemColumns: Column[] = [
  ref,
  col("itemId", "事项ID", "nullable", { width: 38 }),
  col("version", "版本", "int"),
  col("name", "事项名称", "text", { width: 30 }),
  col("basicCode", "基本编码", "text", { width: 16 }),
  col("implementationCode", "实施编码", "text", { width: 34 }),
  col("type", "事项类型", "enum", { names: namesOf(itemTypes) }),
  col("level", "行使层级", "enum", { names: namesOf(exerciseLevels) }),
  col("department", "实施主体", "text", { path: "departmentId", width: 20 }),
  col("audience", "服务对象", "enum-list", { names: audiences }),
  col("themes", "主题分类", "list"),
  col("tags", "特色标签", "enum-list", { names: featureTags, width: 20 }),
  col("processing", "办件类型", "enum", { names: processingNames }),
  ...limit("statutory", "法定办结时限"),
  ...limit("promised", "承诺办结时限"),
  col("resultType", "办理结果类型", "enum", { path: "result.type", names: resultTypes }),
  col("resultName", "办理结果名称", "nullable", { path: "result.name" }),
  col("resultLicenceType", "办理结果证照类型", "nullable", { path: "result.licenceTypeRef" }),
  ...file("resultSample", "result.sample", "办理结果样本"),
  col("onlineDepth", "网上办理深度", "int"),
  col("maxVisits", "到办事现场次数", "int"),
  col("visitReason", "需到现场办理的理由", "nullable", { width: 30 }),
  col("postal", "支持物流快递", "bool"),
  col("appointment", "支持预约办理", "bool"),
  col("windowIds", "办理窗口ID", "list", { width: 40 }),
  col("consultationPhone", "咨询电话", "nullable"),
  col("complaintPhone", "监督投诉电话", "nullable"),
  col("reconsideration", "行政复议", "nullable", { path: "remedies.reconsideration", width: 30 }),
  col("litigation", "行政诉讼", "nullable", { path: "remedies.litigation", width: 30 }),
  col("form", "申请表", "json", { width: 60 }),
  col("instantRules", "秒批规则", "json", { width: 40 }),
];

/** A list element's sheet: which content field it holds and the columns of one entry. */
export interface ListSheet {
  key: string;
  title: string;
  field: keyof ItemContent;
  columns: Column[];
}

const text = (title: string): Column[] => [col("text", title, "text", { path: "", width: 60 })];

/** The sheets of list elements, in the order the item lists them. Situations have their own layout. */
export const listSheets: ListSheet[] = [
  { key: "audienceDetail", title: "服务对象细分", field: "audienceDetail", columns: text("服务对象细分") },
  {
    key: "legalBasis",
    title: "设定依据",
    field: "legalBasis",
    columns: [
      col("law", "法律法规名称", "text", { width: 36 }),
      col("article", "条款", "nullable"),
      col("text", "条款内容", "nullable", { width: 60 }),
    ],
  },
  { key: "conditions", title: "受理条件", field: "conditions", columns: text("受理条件") },
  {
    key: "materials",
    title: "申请材料",
    field: "materials",
    columns: [
      col("id", "材料标识", "text"),
      col("name", "材料名称", "text", { width: 36 }),
      col("forms", "材料形式", "enum-list", { names: materialForms }),
      col("copies", "份数", "int"),
      col("required", "是否必要", "bool"),
      col("conditional", "情形材料", "bool"),
      col("issuer", "出具单位", "nullable"),
      col("licenceTypeRef", "可替代的电子证照", "nullable"),
      col("pledgeable", "可告知承诺", "bool"),
      col("note", "备注", "nullable", { width: 36 }),
      ...file("blankForm", "blankForm", "空白表格"),
      ...file("sample", "sample", "示例样本"),
    ],
  },
  {
    key: "fees",
    title: "收费标准",
    field: "fees",
    columns: [
      col("name", "收费项目", "text", { width: 24 }),
      col("amountFen", "金额（分）", "int"),
      col("basis", "收费依据", "nullable", { width: 60 }),
    ],
  },
  {
    key: "process",
    title: "办理流程",
    field: "process",
    columns: [
      col("name", "环节", "text"),
      col("description", "环节说明", "nullable", { width: 60 }),
      col("legalBasis", "法定程序依据", "nullable", { width: 36 }),
    ],
  },
  {
    key: "faq",
    title: "常见问题",
    field: "faq",
    columns: [col("question", "问题", "text", { width: 40 }), col("answer", "解答", "text", { width: 80 })],
  },
  { key: "rights", title: "申请人权利", field: "rights", columns: text("申请人权利") },
  { key: "obligations", title: "申请人义务", field: "obligations", columns: text("申请人义务") },
];

/** The 情形引导 sheet: one row per effect of an option (or per option without effects). */
export const situationSheet = {
  key: "situations",
  title: "情形引导",
  columns: [
    col("situation", "情形标识", "text"),
    col("question", "问题", "text", { width: 36 }),
    col("option", "选项", "text", { width: 16 }),
    col("effect", "效果", "enum", { names: effectNames }),
    col("material", "材料标识", "nullable"),
    col("by", "替换为材料", "nullable"),
    col("condition", "增加的条件", "nullable", { width: 40 }),
  ],
};

/** Every sheet after 事项, in workbook order. */
export const sheetOrder = [
  ...listSheets.slice(0, 4).map((s) => ({ key: s.key, title: s.title, columns: s.columns })),
  situationSheet,
  ...listSheets.slice(4).map((s) => ({ key: s.key, title: s.title, columns: s.columns })),
];

/** The items sheet's key and title. */
export const itemSheet = { key: "items", title: "事项", columns: itemColumns };

/** Every data sheet, items first; list sheets carry the item ref in their first column. */
export const allSheets = [itemSheet, ...sheetOrder.map((s) => ({ ...s, columns: [ref, ...s.columns] }))];
