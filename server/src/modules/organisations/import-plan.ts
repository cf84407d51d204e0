import { can } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { StoredOpeningHours } from "../../platform/db/tables-organisations.ts";
import { LocalDate } from "../calendar/schemas.ts";
import { type FileRow, type ParsedFile, type RowError, type SheetName, sheets } from "./import-format.ts";
import { parseNotesText, parseWeeklyText } from "./opening-hours.ts";
import {
  departmentViolations,
  isAbolished,
  type PlaceKind,
  patterns,
  placeKindFor,
  placeViolations,
  type RegionLevel,
  regionLevelOf,
  regionViolations,
  type Violation,
  type WindowKind,
  windowKindNames,
  windowKinds,
  windowViolations,
} from "./rules.ts";

interface RegionFacts {
  code: string;
  name: string;
  level: RegionLevel;
  valid_to: string | null;
}

/** What the file asks for, checked row by row; applied only when `errors` is empty. */
export interface ImportPlan {
  errors: RowError[];
  regions: {
    code: string;
    name: string;
    parentCode: string | null;
    validFrom: string | null;
    validTo: string | null;
    existing: boolean;
  }[];
  departments: {
    key: string;
    id: string | null;
    ref: string | null;
    name: string;
    kind: string;
    creditCode: string | null;
    regionCode: string;
  }[];
  places: {
    key: string;
    id: string | null;
    name: string;
    kind: PlaceKind;
    regionCode: string;
    address: string;
    phone: string | null;
    hours: StoredOpeningHours;
  }[];
  windows: {
    placeKey: string;
    id: string | null;
    number: string;
    name: string;
    kind: WindowKind;
    departmentKey: string | null;
    hours: StoredOpeningHours | null;
    isActive: boolean;
  }[];
}

const placeKey = (regionCode: string, name: string) => `${regionCode}|${name}`;

/** Checks one row's cells, collecting errors under the file's own column names. */
function rowChecker(file: ParsedFile, plan: ImportPlan, sheet: SheetName, row: FileRow) {
  let failed = false;
  // A row's errors are listed in column order, whatever order the checks ran in.
  const start = plan.errors.length;
  const positions: number[] = [];
  const fail = (key: string, message: string) => {
    failed = true;
    const position = sheets[sheet].columns.findIndex((c) => c.key === key);
    let at = positions.findIndex((p) => p > position);
    if (at < 0) at = positions.length;
    positions.splice(at, 0, position);
    plan.errors.splice(start + at, 0, {
      sheet: file.sheetLabel(sheet),
      row: row.row,
      column: file.columnLabel(sheet, key),
      message,
    });
  };
  return {
    cell: (key: string) => row.cells[key] ?? "",
    /** A required cell's text, or an error. */
    required(key: string, max = 200): string {
      const value = row.cells[key] ?? "";
      if (value === "") fail(key, `请填写“${file.columnLabel(sheet, key)}”`);
      else if (value.length > max) fail(key, `不能超过 ${max} 个字`);
      return value;
    },
    optionalDate(key: string): string | null {
      const value = row.cells[key] ?? "";
      if (value === "") return null;
      if (!LocalDate.safeParse(value).success) fail(key, "日期应为 YYYY-MM-DD 且真实存在");
      return value;
    },
    violations(list: Violation[], keyOf: (field: string) => string = (f) => f) {
      for (const v of list) fail(keyOf(v.field), v.message);
    },
    fail,
    get failed() {
      return failed;
    },
  };
}

/**
 * Checks every row of the file against the rules of the single-record use cases, the database and the
 * rest of the file (a window may name a place or department the same file adds), and the actor's scope.
 */
export async function planImport(tx: Tx, actor: Actor, file: ParsedFile, today: string): Promise<ImportPlan> {
  const plan: ImportPlan = {
    errors: [...file.errors],
    regions: [],
    departments: [],
    places: [],
    windows: [],
  };
  const manages = (regionCode: string) => can(actor, "organisation.manage", { regionCode });
  const scopeMessage = (regionCode: string) => `无权管理区划 ${regionCode} 的数据`;

  // Regions --------------------------------------------------------------------------------------
  const dbRegions = new Map((await tx.selectFrom("region").selectAll().execute()).map((r) => [r.code, r]));
  const fileRegions = new Map<string, RegionFacts>();
  for (const { cells } of file.rows.regions) {
    const level = regionLevelOf(cells.code ?? "");
    if (level && cells.code)
      fileRegions.set(cells.code, {
        code: cells.code,
        name: cells.name ?? "",
        level,
        valid_to: cells.validTo || null,
      });
  }
  const regionFacts = (code: string): RegionFacts | undefined => dbRegions.get(code) ?? fileRegions.get(code);
  const seenRegions = new Set<string>();
  for (const row of file.rows.regions) {
    const check = rowChecker(file, plan, "regions", row);
    const code = check.required("code", 12);
    const name = check.required("name", 50);
    const parentCode = check.cell("parentCode") || null;
    const validFrom = check.optionalDate("validFrom");
    const validTo = check.optionalDate("validTo");
    if (check.failed) continue;
    if (seenRegions.has(code)) {
      check.fail("code", `区划代码 ${code} 在文件中重复`);
      continue;
    }
    seenRegions.add(code);
    if (!manages(code)) {
      check.fail("code", scopeMessage(code));
      continue;
    }
    const existing = dbRegions.get(code);
    if (existing) {
      if (parentCode !== null && parentCode !== existing.parent_code) {
        check.fail(
          "parentCode",
          `区划 ${code} 已隶属于 ${existing.parent_code ?? "（无）"}，不能更改上级区划`,
        );
      }
      if (validFrom && validTo && validTo < validFrom) check.fail("validTo", "停用日期不能早于启用日期");
    } else {
      const parent = parentCode === null ? null : regionFacts(parentCode);
      check.violations(regionViolations({ code, parent, parentCode, validFrom, validTo, today }));
    }
    if (!check.failed) {
      plan.regions.push({
        code,
        name,
        parentCode: existing ? existing.parent_code : parentCode,
        validFrom,
        validTo,
        existing: !!existing,
      });
    }
  }

  // Departments ----------------------------------------------------------------------------------
  const dbDepartments = await tx.selectFrom("department").selectAll().execute();
  const seenDepartments = new Map<string, string>();
  for (const row of file.rows.departments) {
    const check = rowChecker(file, plan, "departments", row);
    const ref = check.cell("ref") || null;
    const name = check.required("name", 100);
    const kind = check.required("kind", 20);
    const creditCode = check.cell("creditCode").toUpperCase() || null;
    const regionCode = check.required("regionCode", 12);
    if (ref !== null && !patterns.departmentRef.test(ref))
      check.fail("ref", "标识只能包含小写字母、数字和连字符");
    if (check.failed) continue;
    const region = regionFacts(regionCode);
    if (!region) check.fail("regionCode", `区划 ${regionCode} 不存在`);
    else if (isAbolished(region, today))
      check.fail("regionCode", `${region.name}已于 ${region.valid_to} 停用`);
    check.violations(departmentViolations({ creditCode }));
    const existing = ref
      ? dbDepartments.find((d) => d.ref === ref)
      : creditCode
        ? dbDepartments.find((d) => d.credit_code === creditCode)
        : dbDepartments.find((d) => d.name === name && d.region_code === regionCode);
    if (!manages(regionCode) || (existing && !manages(existing.region_code))) {
      check.fail(
        "regionCode",
        scopeMessage(existing && !manages(existing.region_code) ? existing.region_code : regionCode),
      );
    }
    const holder = creditCode ? dbDepartments.find((d) => d.credit_code === creditCode) : undefined;
    if (holder && holder.id !== existing?.id)
      check.fail("creditCode", `统一社会信用代码已被“${holder.name}”使用`);
    const key = existing?.id ?? ref ?? creditCode ?? `${regionCode}|${name}`;
    for (const k of [key, ref, creditCode, name].filter((k): k is string => !!k)) {
      if (seenDepartments.has(k))
        check.fail(k === creditCode ? "creditCode" : "name", `与第 ${seenDepartments.get(k)} 行的部门重复`);
    }
    if (check.failed) continue;
    for (const k of [key, ref, creditCode, name].filter((k): k is string => !!k))
      seenDepartments.set(k, String(row.row));
    plan.departments.push({
      key,
      id: existing?.id ?? null,
      ref: existing?.ref ?? ref,
      name,
      kind,
      creditCode,
      regionCode,
    });
  }
  /** Finds a department by ref, credit code or full name, in the file first, then in the database. */
  const departmentKey = (text: string): string | undefined => {
    const inFile = plan.departments.find(
      (d) => d.ref === text || d.creditCode === text.toUpperCase() || d.name === text,
    );
    if (inFile) return inFile.key;
    return dbDepartments.find(
      (d) => d.ref === text || d.credit_code === text.toUpperCase() || d.name === text,
    )?.id;
  };

  // Places ---------------------------------------------------------------------------------------
  const dbPlaces = await tx.selectFrom("service_place").select(["id", "name", "region_code"]).execute();
  const dbPlaceByKey = new Map(dbPlaces.map((p) => [placeKey(p.region_code, p.name), p]));
  const seenPlaces = new Map<string, number>();
  for (const row of file.rows.places) {
    const check = rowChecker(file, plan, "places", row);
    const regionCode = check.required("regionCode", 12);
    const name = check.required("name", 100);
    const address = check.required("address", 200);
    const phone = check.cell("phone") || null;
    const hoursText = check.required("hours", 500);
    if (phone !== null && !patterns.phone.test(phone)) check.fail("phone", "电话号码格式不正确");
    const weekly = hoursText ? parseWeeklyText(hoursText) : undefined;
    if (weekly && "error" in weekly) check.fail("hours", weekly.error);
    if (!regionCode || !name) continue;
    const region = regionFacts(regionCode);
    check.violations(placeViolations({ name, kind: undefined, region, regionCode, today }));
    if (!manages(regionCode)) check.fail("regionCode", scopeMessage(regionCode));
    const key = placeKey(regionCode, name);
    if (seenPlaces.has(key)) check.fail("name", `与第 ${seenPlaces.get(key)} 行的场所重复`);
    if (check.failed || !region || !weekly || "error" in weekly) continue;
    seenPlaces.set(key, row.row);
    plan.places.push({
      key,
      id: dbPlaceByKey.get(key)?.id ?? null,
      name,
      kind: placeKindFor(region.level),
      regionCode,
      address,
      phone,
      hours: { periods: weekly.periods, notes: parseNotesText(check.cell("notes")) },
    });
  }

  // Windows --------------------------------------------------------------------------------------
  const dbWindows = await tx.selectFrom("service_window").select(["id", "place_id", "number"]).execute();
  const seenWindows = new Map<string, number>();
  for (const row of file.rows.windows) {
    const check = rowChecker(file, plan, "windows", row);
    const regionCode = check.required("regionCode", 12);
    const placeName = check.required("placeName", 100);
    const number = check.required("number", 20);
    const name = check.required("name", 50);
    const kindText = check.required("kind", 20);
    if (number && !patterns.windowNumber.test(number))
      check.fail("number", "窗口编号只能包含字母、数字和连字符");
    const kind = windowKinds.find((k) => k === kindText || windowKindNames[k] === kindText);
    if (kindText && !kind) check.fail("kind", `窗口类型应为：${Object.values(windowKindNames).join("、")}`);
    const departmentText = check.cell("department");
    const department = departmentText ? departmentKey(departmentText) : null;
    if (department === undefined) check.fail("department", `部门“${departmentText}”不存在`);
    const hoursText = check.cell("hours");
    const notes = parseNotesText(check.cell("notes"));
    const weekly = hoursText ? parseWeeklyText(hoursText) : null;
    if (weekly && "error" in weekly) check.fail("hours", weekly.error);
    if (!hoursText && notes.length > 0)
      check.fail("notes", "填写服务说明时须同时填写办公时间（空白办公时间表示与场所相同）");
    const activeText = check.cell("active");
    const isActive = ["", "是", "启用", "true", "1", "yes"].includes(activeText.toLowerCase());
    if (!isActive && !["否", "停用", "false", "0", "no"].includes(activeText.toLowerCase()))
      check.fail("active", "应为“是”或“否”");
    if (kind && department !== undefined) {
      check.violations(windowViolations({ kind, departmentId: department }), (f) =>
        f === "departmentId" ? "department" : f,
      );
    }
    if (!regionCode || !placeName) continue;
    const key = placeKey(regionCode, placeName);
    const inFile = plan.places.some((p) => p.key === key) || seenPlaces.has(key);
    const dbPlace = dbPlaceByKey.get(key);
    if (!inFile && (!dbPlace || !manages(dbPlace.region_code))) {
      check.fail("placeName", `场所“${placeName}”不存在（须在本文件的场所表或系统中）`);
    }
    const windowKey = `${key}|${number}`;
    if (number && seenWindows.has(windowKey)) {
      check.fail("number", `与第 ${seenWindows.get(windowKey)} 行的窗口编号重复`);
    }
    if (check.failed || !kind || department === undefined) continue;
    seenWindows.set(windowKey, row.row);
    const existing = dbPlace
      ? dbWindows.find((w) => w.place_id === dbPlace.id && w.number === number)
      : undefined;
    plan.windows.push({
      placeKey: key,
      id: existing?.id ?? null,
      number,
      name,
      kind,
      departmentKey: department,
      hours: weekly && !("error" in weekly) ? { periods: weekly.periods, notes } : null,
      isActive,
    });
  }
  return plan;
}
