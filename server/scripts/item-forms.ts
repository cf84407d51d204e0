import { ItemForm, type ItemFormInput } from "../../core/src/index.ts";

/**
 * The demo items' application forms (申请表), by item ref: what the converter puts in their content
 * and what `apply-item-forms.ts` writes into server/seed/items.json. Every other item keeps the
 * default contact form. Fields 秒批 rules read (gjj-zufang-tiqu, yidi-jiuyi-beian) keep their ids.
 */

const contact = (note = "备注"): ItemFormInput["sections"][number] => ({
  id: "contact",
  title: "联系方式",
  fields: [
    { id: "contactName", label: "联系人", type: "text", required: true, maxLength: 50, prefill: "name" },
    { id: "contactPhone", label: "联系电话", type: "phone", required: true, prefill: "mobile" },
    { id: "note", label: note, type: "textarea", maxLength: 500 },
  ],
});

const applicant = (title = "申请人信息"): ItemFormInput["sections"][number] => ({
  id: "applicant",
  title,
  fields: [
    {
      id: "applicantName",
      label: "申请人姓名",
      type: "text",
      required: true,
      maxLength: 50,
      prefill: "name",
    },
    { id: "idNumber", label: "公民身份号码", type: "idNumber", required: true, prefill: "idNumber" },
  ],
});

// The agent's details show when the 情形引导 answer says someone else applies (every item asks it).
const agentFields = [
  {
    id: "agentName",
    label: "代理人姓名",
    type: "text",
    required: true,
    maxLength: 50,
    visibleWhen: { situation: "agent", answer: "是" },
  },
  {
    id: "agentIdNumber",
    label: "代理人公民身份号码",
    type: "idNumber",
    required: true,
    visibleWhen: { situation: "agent", answer: "是" },
  },
] satisfies ItemFormInput["sections"][number]["fields"];

/** 无锡市's county-level divisions, as people name where they live or are insured. */
const WUXI_DIVISIONS = ["梁溪区", "锡山区", "惠山区", "滨湖区", "新吴区", "江阴市", "宜兴市"];
const BANKS = [
  "中国工商银行",
  "中国农业银行",
  "中国银行",
  "中国建设银行",
  "交通银行",
  "中国邮政储蓄银行",
  "江苏银行",
  "无锡农村商业银行",
];

const forms: Record<string, ItemFormInput> = {
  "gaoling-jintie": {
    sections: [
      {
        ...applicant(),
        fields: [
          ...applicant().fields,
          { id: "householdAddress", label: "户籍地址", type: "address", required: true },
        ],
      },
      {
        id: "payment",
        title: "津贴发放",
        fields: [
          {
            id: "payTo",
            label: "发放方式",
            type: "radio",
            required: true,
            options: ["银行卡", "社会保障卡"],
          },
          {
            id: "bankName",
            label: "开户银行",
            type: "select",
            required: true,
            options: BANKS,
            visibleWhen: { field: "payTo", equals: "银行卡" },
          },
          {
            id: "bankAccount",
            label: "银行账号",
            type: "text",
            required: true,
            maxLength: 30,
            visibleWhen: { field: "payTo", equals: "银行卡" },
          },
          {
            id: "socialCard",
            label: "社会保障卡号",
            type: "text",
            required: true,
            maxLength: 30,
            visibleWhen: { field: "payTo", equals: "社会保障卡" },
          },
        ],
      },
      { id: "agent", title: "委托代理", fields: agentFields },
      contact(),
    ],
  },
  "linshi-jiuzhu": {
    sections: [
      {
        ...applicant(),
        fields: [
          ...applicant().fields,
          { id: "householdAddress", label: "户籍地址", type: "address" },
          { id: "familySize", label: "共同生活家庭人口", type: "number", min: 1, max: 30 },
          { id: "monthlyIncome", label: "家庭月收入（元）", type: "number", min: 0 },
        ],
      },
      {
        id: "hardship",
        title: "困难情况",
        fields: [
          { id: "reason", label: "申请救助事由", type: "textarea", maxLength: 1000 },
          {
            id: "emergency",
            label: "急难情形说明",
            type: "textarea",
            required: true,
            maxLength: 1000,
            help: "说明突发事件、意外伤害或重大疾病等紧急情况",
            visibleWhen: { situation: "s1", answer: "是" },
          },
        ],
      },
      { id: "agent", title: "委托代理", fields: agentFields },
      contact(),
    ],
  },
  "shengyu-dengji": {
    sections: [
      {
        id: "couple",
        title: "夫妻信息",
        fields: [
          ...applicant().fields,
          { id: "spouseName", label: "配偶姓名", type: "text", required: true, maxLength: 50 },
          { id: "spouseIdNumber", label: "配偶公民身份号码", type: "idNumber", required: true },
          { id: "marriageDate", label: "结婚登记日期", type: "date", required: true },
        ],
      },
      {
        id: "birth",
        title: "生育信息",
        fields: [
          {
            id: "childOrder",
            label: "本次登记孩次",
            type: "radio",
            required: true,
            options: ["一孩", "二孩", "三孩及以上"],
          },
          { id: "dueDate", label: "预产期", type: "date" },
          { id: "residence", label: "现居住地址", type: "address", required: true },
        ],
      },
      { id: "agent", title: "委托代理", fields: agentFields },
      contact(),
    ],
  },
  "getihu-sheli": {
    sections: [
      applicant("经营者"),
      {
        id: "business",
        title: "经营信息",
        fields: [
          { id: "shopName", label: "个体工商户名称", type: "text", maxLength: 60, help: "可以不使用名称" },
          { id: "premises", label: "经营场所", type: "address", required: true },
          { id: "scope", label: "经营范围", type: "textarea", required: true, maxLength: 500 },
          { id: "employees", label: "从业人数", type: "number", required: true, min: 1, max: 999 },
          { id: "capital", label: "资金数额（万元）", type: "number", min: 0 },
          {
            id: "organisation",
            label: "组成形式",
            type: "radio",
            required: true,
            options: ["个人经营", "家庭经营"],
          },
          {
            id: "familyMembers",
            label: "参加经营的家庭成员姓名",
            type: "text",
            required: true,
            maxLength: 200,
            visibleWhen: { field: "organisation", equals: "家庭经营" },
          },
        ],
      },
      { id: "agent", title: "委托代理", fields: agentFields },
      contact(),
    ],
  },
  "gjj-zufang-tiqu": {
    sections: [
      applicant("职工信息"),
      {
        id: "rent",
        title: "租房信息",
        fields: [
          { id: "monthlyRent", label: "月租金（元）", type: "number", required: true, min: 1 },
          { id: "city", label: "租房所在地区", type: "select", required: true, options: WUXI_DIVISIONS },
        ],
      },
      contact(),
    ],
  },
  "yidi-jiuyi-beian": {
    sections: [
      {
        id: "applicant",
        title: "参保人信息",
        fields: [
          { id: "applicantName", label: "参保人姓名", type: "text", maxLength: 50, prefill: "name" },
          { id: "idNumber", label: "公民身份号码", type: "idNumber", prefill: "idNumber" },
          { id: "insuredCity", label: "参保地", type: "select", options: WUXI_DIVISIONS },
        ],
      },
      {
        id: "filing",
        title: "备案信息",
        fields: [
          { id: "destination", label: "就医地（省、市）", type: "text", required: true, maxLength: 60 },
          {
            id: "reason",
            label: "备案原因",
            type: "radio",
            options: ["异地长期居住", "常驻异地工作", "异地转诊就医", "临时外出就医"],
          },
        ],
      },
      contact(),
    ],
  },
  "shipin-jingying-xuke": {
    sections: [
      {
        id: "business",
        title: "经营信息",
        fields: [
          { id: "operatorName", label: "经营者名称", type: "text", maxLength: 100, prefill: "companyName" },
          { id: "operatorCode", label: "统一社会信用代码", type: "creditCode", prefill: "creditCode" },
          { id: "premises", label: "经营场所", type: "address" },
          { id: "online", label: "通过网络经营", type: "checkbox" },
          {
            id: "platform",
            label: "网络经营平台名称",
            type: "text",
            required: true,
            maxLength: 100,
            help: "入驻的平台或自建网站的名称",
            visibleWhen: { field: "online", equals: true },
          },
        ],
      },
      contact(),
    ],
  },
};

/** The forms, checked against the core schema (a bad demo form fails the converter, not the seed). */
export const itemForms: Record<string, ItemForm> = Object.fromEntries(
  Object.entries(forms).map(([ref, form]) => [ref, ItemForm.parse(form)]),
);
