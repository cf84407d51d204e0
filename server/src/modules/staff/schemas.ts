import { staffRoles } from "@tongban/core";
import { z } from "zod";

const Role = z.enum(staffRoles);
const RegionCode = z.string().regex(/^\d{6}(\d{6})?$/, "行政区划代码为6位或12位数字");

export const StaffMember = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    regionCode: z.string().nullable(),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    hasAuthenticator: z.boolean(),
    disabled: z.boolean(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "StaffMember" });
export type StaffMember = z.infer<typeof StaffMember>;

export const NewStaff = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9._-]{2,31}$/, "用户名为3–32位小写字母、数字或 . _ -，以字母开头"),
    displayName: z.string().trim().min(1).max(30),
    roles: z.array(Role).min(1, "至少分配一个角色"),
    regionCode: RegionCode,
    departmentId: z.uuid().nullable(),
  })
  .meta({ id: "NewStaff" });

export const StaffChanges = z
  .object({
    displayName: z.string().trim().min(1).max(30).optional(),
    roles: z.array(Role).min(1, "至少分配一个角色").optional(),
    regionCode: RegionCode.optional(),
    departmentId: z.uuid().nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .meta({ id: "StaffChanges" });
