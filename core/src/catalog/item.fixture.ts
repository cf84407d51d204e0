import { ItemContent, type ItemContentInput } from "./item-content.ts";

// A realistic municipal item for the catalog's pure tests; never imported by production code.

export const fixtureDepartmentId = "0190a2b4-0000-7000-8000-000000000001";
/** A valid 统一社会信用代码 of a 机关 (standards-cn §2 test vectors). */
export const fixtureCreditCode = "11100000MB12345620";
export const fixtureBasicCode = "320200100001";

/** The item's content with any elements overridden, parsed so defaults are filled in. */
export function fixtureItem(overrides: Partial<ItemContentInput> = {}): ItemContent {
  return ItemContent.parse({
    name: "户口迁移登记",
    basicCode: fixtureBasicCode,
    implementationCode: `${fixtureCreditCode}3${fixtureBasicCode}`,
    type: "confirmation",
    level: "municipal",
    departmentId: fixtureDepartmentId,
    audience: ["citizen"],
    themes: ["户籍"],
    tags: ["nearby"],
    legalBasis: [{ law: "中华人民共和国户口登记条例", article: "第十条" }],
    conditions: ["在本市有合法稳定住所"],
    materials: [
      { id: "hkb", name: "居民户口簿", forms: ["original"], required: true, issuer: "公安机关" },
      { id: "id-card", name: "居民身份证", forms: ["original", "copy"], required: true },
      { id: "wts", name: "授权委托书", forms: ["original"], required: true, conditional: true },
      { id: "agent-id", name: "受托人身份证", forms: ["original"], required: true, conditional: true },
      { id: "house", name: "房屋产权证明", forms: ["copy"], required: true },
      { id: "lease", name: "房屋租赁合同", forms: ["copy"], required: true, conditional: true },
    ],
    situations: [
      {
        id: "agent",
        question: "是否委托他人办理？",
        options: [
          {
            label: "是",
            effects: [
              { kind: "add-material", material: "wts" },
              { kind: "add-material", material: "agent-id" },
            ],
          },
          { label: "否" },
        ],
      },
      {
        id: "housing",
        question: "住所是自有还是租赁？",
        options: [
          { label: "自有" },
          {
            label: "租赁",
            effects: [
              { kind: "replace-material", material: "house", by: "lease" },
              { kind: "add-condition", text: "租赁合同已登记备案" },
            ],
          },
        ],
      },
    ],
    processing: "promised",
    statutoryLimit: { days: 20, unit: "workday" },
    promisedLimit: { days: 5, unit: "workday" },
    fees: [{ name: "不收费", amountFen: 0 }],
    process: [{ name: "受理" }, { name: "审核" }, { name: "办结" }],
    result: { type: "certificate", name: "准予迁入证明" },
    onlineDepth: 3,
    maxVisits: 1,
    visitReason: "须核验户口簿原件",
    postal: true,
    appointment: true,
    windowIds: ["0190a2b4-0000-7000-8000-0000000000aa"],
    consultationPhone: "0510-12345",
    complaintPhone: "12345",
    faq: [{ question: "可以网上办理吗？", answer: "可以网上申请，领取时到现场一次。" }],
    rights: ["依法获得办理结果"],
    obligations: ["如实提交材料"],
    remedies: { reconsideration: "向市人民政府申请行政复议", litigation: "向人民法院提起行政诉讼" },
    ...overrides,
  });
}
