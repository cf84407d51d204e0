import { isWithinRegion, localDateOf, regionPrefix, validateCreditCode } from "@tongban/core";

/** The five levels of the region tree, top down. */
export const regionLevels = ["province", "city", "county", "township", "village"] as const;
export type RegionLevel = (typeof regionLevels)[number];

export const regionLevelNames: Record<RegionLevel, string> = {
  province: "省级",
  city: "地市级",
  county: "县级",
  township: "乡镇（街道）级",
  village: "村（社区）级",
};

/** Place kinds; a place's kind follows its region's level. */
export const placeKinds = ["service-centre", "convenience-centre", "convenience-station"] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** Window kinds (000 articles 28–32): the code names; the UI's labels come from i18n. */
export const windowKinds = ["general", "specialised", "cross-province", "assisted", "fallback"] as const;
export type WindowKind = (typeof windowKinds)[number];

/** The Chinese names of window kinds, as spreadsheets and messages use them. */
export const windowKindNames: Record<WindowKind, string> = {
  general: "综合受理",
  specialised: "专业",
  "cross-province": "跨省通办",
  assisted: "帮办代办",
  fallback: "办不成事反映",
};

/**
 * The standard name suffix of each place kind. 国发〔2022〕5号 and the local plans (000 article 24)
 * name places "行政区域名称 + 政务服务中心" at county level and above, "乡镇（街道）名称 + 便民服务中心"
 * and "村（社区）名称 + 便民服务站".
 */
export const placeNameSuffixes: Record<PlaceKind, string> = {
  "service-centre": "政务服务中心",
  "convenience-centre": "便民服务中心",
  "convenience-station": "便民服务站",
};

/** Formats shared by the API schemas and the import: phone numbers, window numbers, department refs. */
export const patterns = {
  phone: /^[0-9+\-() 转]{5,40}$/,
  windowNumber: /^[0-9A-Za-z-]{1,20}$/,
  departmentRef: /^[a-z0-9][a-z0-9-]{1,62}$/,
};

/** A broken rule: which field, a stable code and a Chinese message. */
export interface Violation {
  field: string;
  code: string;
  message: string;
}

/**
 * The level a region code's structure states (GB/T 2260 for 6 digits, 国家统计局 统计用区划 for 12):
 * xx0000 province, xxxx00 city, other 6-digit county; 12 digits add a township group and a village
 * group, where 000 in the village group names the township itself. Undefined when the code is malformed.
 */
export function regionLevelOf(code: string): RegionLevel | undefined {
  if (/^\d{6}$/.test(code)) {
    if (code.startsWith("00")) return undefined;
    if (code.endsWith("0000")) return "province";
    if (code.endsWith("00")) return "city";
    return "county";
  }
  if (/^\d{12}$/.test(code)) {
    const above = regionLevelOf(code.slice(0, 6));
    // County-level codes are written with 6 digits; a few cities (东莞, 中山) have townships directly.
    if (code.slice(6, 9) === "000" || (above !== "county" && above !== "city")) return undefined;
    return code.endsWith("000") ? "township" : "village";
  }
  return undefined;
}

/** The place kind a region of this level gets. */
export function placeKindFor(level: RegionLevel): PlaceKind {
  if (level === "township") return "convenience-centre";
  if (level === "village") return "convenience-station";
  return "service-centre";
}

/** True when a local date lies after the region's last valid day. */
export function isAbolished(region: { valid_to: string | null }, today: string): boolean {
  return region.valid_to !== null && region.valid_to < today;
}

/** The region rules: a well-formed code, a parent one level or more above whose prefix the code extends. */
export function regionViolations(input: {
  code: string;
  parent: { code: string; level: RegionLevel; valid_to: string | null } | null | undefined;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  today: string;
}): Violation[] {
  const level = regionLevelOf(input.code);
  if (!level) {
    return [
      {
        field: "code",
        code: "REGION_CODE_MALFORMED",
        message: "区划代码应为 6 位（县级及以上，GB/T 2260）或 12 位（乡镇、村级，统计用区划代码）",
      },
    ];
  }
  const violations: Violation[] = [];
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    violations.push({ field: "validTo", code: "REGION_PERIOD_INVALID", message: "停用日期不能早于启用日期" });
  }
  if (input.parentCode === null) {
    if (level !== "province") {
      violations.push({
        field: "parentCode",
        code: "REGION_PARENT_REQUIRED",
        message: "省级以下区划须指定上级区划",
      });
    }
    return violations;
  }
  const parent = input.parent;
  if (!parent) {
    violations.push({
      field: "parentCode",
      code: "REGION_PARENT_NOT_FOUND",
      message: `上级区划 ${input.parentCode} 不存在`,
    });
    return violations;
  }
  if (regionLevels.indexOf(parent.level) >= regionLevels.indexOf(level)) {
    violations.push({
      field: "parentCode",
      code: "REGION_PARENT_LEVEL",
      message: `${regionLevelNames[level]}区划不能隶属于${regionLevelNames[parent.level]}区划`,
    });
  } else if (!isWithinRegion(input.code, parent.code)) {
    violations.push({
      field: "code",
      code: "REGION_CODE_OUTSIDE_PARENT",
      message: `区划代码 ${input.code} 应以上级区划的前缀 ${regionPrefix(parent.code)} 开头`,
    });
  }
  if (isAbolished(parent, input.today)) {
    violations.push({
      field: "parentCode",
      code: "REGION_PARENT_ABOLISHED",
      message: `上级区划已于 ${parent.valid_to} 停用`,
    });
  }
  return violations;
}

/** The place rules: an existing, current region, and the standard name and kind for its level. */
export function placeViolations(input: {
  name: string;
  kind: PlaceKind | undefined;
  region: { code: string; name: string; level: RegionLevel; valid_to: string | null } | undefined;
  regionCode: string;
  today: string;
}): Violation[] {
  const region = input.region;
  if (!region) {
    return [{ field: "regionCode", code: "REGION_NOT_FOUND", message: `区划 ${input.regionCode} 不存在` }];
  }
  const violations: Violation[] = [];
  if (isAbolished(region, input.today)) {
    violations.push({
      field: "regionCode",
      code: "REGION_ABOLISHED",
      message: `${region.name}已于 ${region.valid_to} 停用，不能在其下设置场所`,
    });
  }
  const expected = placeKindFor(region.level);
  const suffix = placeNameSuffixes[expected];
  if (input.kind !== undefined && input.kind !== expected) {
    violations.push({
      field: "kind",
      code: "PLACE_KIND_MISMATCH",
      message: `${regionLevelNames[region.level]}区划的场所应为“${suffix}”`,
    });
  }
  if (!input.name.endsWith(suffix) || input.name.length === suffix.length) {
    violations.push({
      field: "name",
      code: "PLACE_NAME_NOT_STANDARD",
      message: `${regionLevelNames[region.level]}场所应统一命名为“名称+${suffix}”，例如“${region.name}${suffix}”`,
    });
  }
  return violations;
}

/** The window rule: a specialised (专业) window serves one department. */
export function windowViolations(input: { kind: WindowKind; departmentId: string | null }): Violation[] {
  if (input.kind === "specialised" && !input.departmentId) {
    return [{ field: "departmentId", code: "WINDOW_DEPARTMENT_REQUIRED", message: "专业窗口须指定所属部门" }];
  }
  return [];
}

/** The department rule: a valid 统一社会信用代码 (GB 32100) when one is given. */
export function departmentViolations(input: { creditCode: string | null }): Violation[] {
  if (input.creditCode === null) return [];
  const result = validateCreditCode(input.creditCode);
  if (result.valid) return [];
  const reasons: Record<string, string> = {
    format: "格式不正确",
    checksum: "校验码不正确",
    charset: "含有不允许使用的字符",
    length: "长度应为 18 位",
    region: "登记管理机关行政区划码不正确",
  };
  return [
    {
      field: "creditCode",
      code: "DEPARTMENT_CREDIT_CODE_INVALID",
      message: `统一社会信用代码无效：${reasons[result.reason] ?? result.reason}`,
    },
  ];
}

/**
 * The delegation rules (委托受理, 000 article 44): the item's own department, at county level or above,
 * delegates to a township or village place inside its region.
 */
export function delegationViolations(input: {
  item: { department_id: string };
  department: { id: string; name: string; region_code: string; level: RegionLevel };
  place: { name: string; kind: PlaceKind; region_code: string };
  validFrom: string;
  validTo: string | null;
}): Violation[] {
  const violations: Violation[] = [];
  if (input.department.id !== input.item.department_id) {
    violations.push({
      field: "departmentId",
      code: "DELEGATION_NOT_ITEM_DEPARTMENT",
      message: "只有事项的实施部门可以委托受理该事项",
    });
  }
  if (input.department.level === "township" || input.department.level === "village") {
    violations.push({
      field: "departmentId",
      code: "DELEGATION_DEPARTMENT_LEVEL",
      message: "委托受理应由县级及以上部门委托",
    });
  }
  if (input.place.kind === "service-centre") {
    violations.push({
      field: "placeId",
      code: "DELEGATION_PLACE_LEVEL",
      message: "委托受理只能委托给乡镇（街道）便民服务中心或村（社区）便民服务站",
    });
  } else if (!isWithinRegion(input.place.region_code, input.department.region_code)) {
    violations.push({
      field: "placeId",
      code: "DELEGATION_OUTSIDE_REGION",
      message: `${input.place.name}不在${input.department.name}的辖区内`,
    });
  }
  if (input.validTo !== null && input.validTo < input.validFrom) {
    violations.push({
      field: "validTo",
      code: "DELEGATION_PERIOD_INVALID",
      message: "委托截止日期不能早于开始日期",
    });
  }
  return violations;
}

/** Today's local date in Asia/Shanghai, where the platform's legal dates live. */
export function todayInShanghai(now = new Date()): string {
  return localDateOf(now);
}
