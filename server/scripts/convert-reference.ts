// Converts the shared catalog reference into Tongban's own demo seed (server/seed/*.json).
// Run: npm exec -- node server/scripts/convert-reference.ts /work/shared/data/catalog-reference.json
// The output is deterministic (same input, same bytes) and is committed; the project never reads
// ../shared at run time. Demo data only: 无锡 is the demo city because one policy document is its own.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  computeCitizenIdCheck,
  computeCreditCodeCheck,
  computeOrganizationCodeCheck,
  validateCitizenId,
  validateCreditCode,
} from "../../core/src/index.ts";
import { Audience, buildItems, Ref, ReferenceItem } from "./convert-items.ts";

// Strict objects: a field the reference adds later fails the run instead of being dropped silently.
const Reference = z.object({
  schema: z.literal("tongban-catalog-reference/1"),
  about: z.string(),
  departments: z.array(z.strictObject({ ref: Ref, name: z.string(), kind: z.string() })),
  licenseTypes: z.array(
    z.strictObject({
      ref: Ref,
      name: z.string(),
      issuerDept: Ref,
      holder: z.enum(["自然人", "法人"]),
      validity: z.string(),
      fields: z.array(z.string()),
    }),
  ),
  items: z.array(ReferenceItem),
  bundles: z.array(
    z.strictObject({ ref: Ref, name: z.string(), audience: Audience, items: z.array(Ref), note: z.string() }),
  ),
});
type Reference = z.infer<typeof Reference>;

const CITY = { code: "320200", name: "无锡市" };
const LIANGXI = "320213";

// ---------- regions ----------

type Level = "province" | "city" | "county" | "township" | "village";
type Region = { code: string; name: string; level: Level; parentCode: string | null };

// County-level codes are GB/T 2260; township codes are the 12-digit 统计用区划 of 国家统计局 (2023).
// Village-level names and codes are illustrative, except 华西村 (华士镇).
const REGION_ROWS: [string, string, Level, string | null][] = [
  ["320000", "江苏省", "province", null],
  ["320200", "无锡市", "city", "320000"],
  ["320205", "锡山区", "county", "320200"],
  ["320206", "惠山区", "county", "320200"],
  ["320211", "滨湖区", "county", "320200"],
  ["320213", "梁溪区", "county", "320200"],
  ["320214", "新吴区", "county", "320200"],
  ["320281", "江阴市", "county", "320200"],
  ["320282", "宜兴市", "county", "320200"],
  ["320213021000", "崇安寺街道", "township", "320213"],
  ["320213022000", "清名桥街道", "township", "320213"],
  ["320213025000", "广益街道", "township", "320213"],
  ["320214050000", "旺庄街道", "township", "320214"],
  ["320214051000", "硕放街道", "township", "320214"],
  ["320281107000", "华士镇", "township", "320281"],
  ["320213021001", "中山路社区", "village", "320213021000"],
  ["320213021002", "健康路社区", "village", "320213021000"],
  ["320213022001", "南长街社区", "village", "320213022000"],
  ["320214051001", "硕放社区", "village", "320214051000"],
  ["320281107201", "华西村", "village", "320281107000"],
];

function buildRegions(): Region[] {
  const regions = REGION_ROWS.map(([code, name, level, parentCode]) => ({ code, name, level, parentCode }));
  const seen = new Set<string>();
  for (const region of regions) {
    if (region.parentCode !== null && !seen.has(region.parentCode)) {
      throw new Error(`Region ${region.code} comes before its parent ${region.parentCode}`);
    }
    seen.add(region.code);
  }
  return regions;
}

// ---------- departments ----------

type Department = {
  ref: string;
  name: string;
  fullName: string;
  kind: string;
  regionCode: string;
  creditCode: string;
};

// GB 32100 登记管理部门码 + 机构类别码: 11 机关 (default), 12 事业单位, 13 群众团体, 91 企业.
const CATEGORY: Readonly<Record<string, string>> = {
  "dept-budongchan": "12",
  "dept-gongjijin": "12",
  "dept-canlian": "13",
  "dept-gongshui": "91",
  "dept-gongdian": "91",
  "dept-ranqi": "91",
};
const FULL_NAME: Readonly<Record<string, string>> = {
  "dept-shuiwu": "国家税务总局无锡市税务局",
  "dept-haiguan": "无锡海关",
};
const SERVICE_OFFICES = [
  {
    ref: "dept-zwfw",
    name: "政务服务管理办公室",
    fullName: "无锡市政务服务管理办公室",
    regionCode: CITY.code,
  },
  // The 梁溪区 office employs the demo window clerk, so the clerk's region and department agree.
  {
    ref: "dept-liangxi-zwfw",
    name: "梁溪区政务服务管理办公室",
    fullName: "无锡市梁溪区政务服务管理办公室",
    regionCode: LIANGXI,
  },
];

/** A synthetic, valid 统一社会信用代码 whose body also passes the GB 11714 inner check. */
function creditCode(prefix: string, regionCode: string, body6: string): string {
  const body8 = (prefix.startsWith("9") ? "MA" : "MB") + body6;
  const first17 = prefix + regionCode + body8 + computeOrganizationCodeCheck(body8);
  const code = first17 + computeCreditCodeCheck(first17);
  const result = validateCreditCode(code);
  if (!result.valid || result.warnings.length > 0)
    throw new Error(`Generated a doubtful credit code ${code}`);
  return code;
}

function buildDepartments(reference: Reference): Department[] {
  const rows = [
    ...reference.departments.map((d) => ({
      ...d,
      fullName: FULL_NAME[d.ref] ?? CITY.name + d.name,
      regionCode: CITY.code,
    })),
    ...SERVICE_OFFICES.filter((o) => !reference.departments.some((d) => d.ref === o.ref)).map((o) => ({
      ...o,
      kind: "政务服务",
    })),
  ];
  return rows.map((row, index) => ({
    ref: row.ref,
    name: row.name,
    fullName: row.fullName,
    kind: row.kind,
    regionCode: row.regionCode,
    creditCode: creditCode(
      CATEGORY[row.ref] ?? "11",
      row.regionCode,
      `32${String(index + 1).padStart(4, "0")}`,
    ),
  }));
}

// ---------- accounts ----------

// Shared by every demo account; the server hashes it at seed time. Never use it outside a demo.
const DEMO_PASSWORD = "Tongban@2026";

const STAFF = [
  ["admin", "赵磊", "系统管理员", ["system-admin"], CITY.code, "dept-zwfw"],
  ["clerk", "李敏", "梁溪区政务服务中心综合窗口受理员", ["window-clerk"], LIANGXI, "dept-liangxi-zwfw"],
  // The city centre's window takes in (and pre-checks online applications for) the city departments' items.
  ["window", "王芳", "市民中心综合窗口受理员", ["window-clerk"], CITY.code, "dept-zwfw"],
  ["reviewer", "孙伟", "市场监督管理局审批科审核员", ["reviewer"], CITY.code, "dept-shichang"],
  ["chief", "周强", "市场监督管理局驻市民中心首席代表", ["decision-maker"], CITY.code, "dept-shichang"],
  // 公安局's items charge fees (工本费): one reviewer and decision maker there, so payments can be shown.
  ["police", "何军", "公安局驻市民中心审批员", ["reviewer", "decision-maker"], CITY.code, "dept-gongan"],
  ["editor", "钱芳", "政务服务管理办公室事项管理员", ["catalog-editor"], CITY.code, "dept-zwfw"],
  ["legal", "吴静", "司法局合法性审查员", ["legality-reviewer"], CITY.code, "dept-sifa"],
  ["supervisor", "郑涛", "政务服务管理办公室电子监察员", ["supervisor"], CITY.code, "dept-zwfw"],
  ["steward", "冯婷", "政务服务管理办公室数据管理员", ["data-steward"], CITY.code, "dept-zwfw"],
] as const;

// Synthetic people, not real persons. Region codes are where a 户口 was registered when the number
// was issued: 320202 (崇安区, merged into 梁溪区 in 2015) stays valid (GB 11643 §4).
const CITIZENS = [
  { displayName: "陈晓明", region: "320202", birth: "19850312", sequence: "013", mobile: "13800510001" },
  { displayName: "周丽华", region: "320281", birth: "19920708", sequence: "028", mobile: "13800510002" },
  { displayName: "吴思远", region: "320211", birth: "20011123", sequence: "051", mobile: "13800510003" },
];

function buildAccounts(departments: Department[]) {
  const staff = STAFF.map(([username, displayName, title, roles, regionCode, departmentRef]) => {
    if (!departments.some((d) => d.ref === departmentRef)) throw new Error(`No department ${departmentRef}`);
    return { username, displayName, kind: "staff", title, roles: [...roles], regionCode, departmentRef };
  });
  const citizens = CITIZENS.map((person) => {
    const first17 = person.region + person.birth + person.sequence;
    const citizenId = first17 + computeCitizenIdCheck(first17);
    if (!validateCitizenId(citizenId, { strict: true, today: "2026-01-01" }).valid) {
      throw new Error(`Generated an invalid citizen ID for ${person.displayName}`);
    }
    const { displayName, mobile } = person;
    return { username: mobile, displayName, kind: "citizen", citizenId, mobile };
  });
  const companyCode = creditCode("91", LIANGXI, "2TB001");
  const company = {
    username: companyCode,
    displayName: "无锡通办示范科技有限公司",
    kind: "company",
    creditCode: companyCode,
    legalRepresentativeUsername: citizens[0]?.username ?? null,
  };
  return { demoPassword: DEMO_PASSWORD, accounts: [...staff, ...citizens, company] };
}

// ---------- refs and output ----------

function checkReferences(reference: Reference): void {
  const departments = new Set(reference.departments.map((d) => d.ref));
  const licences = new Set(reference.licenseTypes.map((l) => l.ref));
  const items = new Set(reference.items.map((i) => i.ref));
  const all = [...departments, ...licences, ...items, ...reference.bundles.map((b) => b.ref)];
  if (new Set(all).size !== all.length) throw new Error("A ref is used twice");
  for (const licence of reference.licenseTypes) {
    if (!departments.has(licence.issuerDept)) throw new Error(`Unknown issuer ${licence.issuerDept}`);
  }
  for (const item of reference.items) {
    for (const material of item.materials) {
      if (material.sourceLicense !== null && !licences.has(material.sourceLicense)) {
        throw new Error(`Unknown licence type ${material.sourceLicense} in ${item.ref}`);
      }
    }
  }
  for (const bundle of reference.bundles) {
    for (const ref of bundle.items)
      if (!items.has(ref)) throw new Error(`Unknown item ${ref} in ${bundle.ref}`);
  }
}

function writeJson(directory: string, name: string, data: unknown): void {
  writeFileSync(join(directory, name), `${JSON.stringify(data, null, 2)}\n`);
}

/** Reads the reference, checks it and writes every seed file. */
function convert(inputPath: string, outputDirectory: string): void {
  const parsed = Reference.safeParse(JSON.parse(readFileSync(inputPath, "utf8")));
  if (!parsed.success)
    throw new Error(`The reference does not match its schema:\n${z.prettifyError(parsed.error)}`);
  const reference = parsed.data;
  checkReferences(reference);
  const departments = buildDepartments(reference);
  writeJson(outputDirectory, "regions.json", buildRegions());
  writeJson(outputDirectory, "departments.json", departments);
  writeJson(outputDirectory, "items.json", buildItems(reference.items, departments));
  writeJson(
    outputDirectory,
    "licence-types.json",
    reference.licenseTypes.map((l) => ({
      ref: l.ref,
      name: l.name,
      issuerDepartmentRef: l.issuerDept,
      holder: l.holder,
      validity: l.validity,
      fields: l.fields,
    })),
  );
  writeJson(
    outputDirectory,
    "bundles.json",
    reference.bundles.map((b) => ({
      ref: b.ref,
      name: b.name,
      audience: b.audience,
      itemRefs: b.items,
      note: b.note,
    })),
  );
  writeJson(outputDirectory, "accounts.json", buildAccounts(departments));
}

const inputPath = process.argv[2];
if (inputPath === undefined) {
  console.error("Usage: node server/scripts/convert-reference.ts <catalog-reference.json>");
  process.exit(2);
}
convert(inputPath, join(import.meta.dirname, "..", "seed"));
