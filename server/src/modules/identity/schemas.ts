import { rules } from "@tongban/core";
import { z } from "zod";

export const Mobile = z.string().regex(/^1[3-9]\d{9}$/, "手机号码格式不正确");
const Code = z.string().regex(/^\d{6}$/, "验证码为6位数字");
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD");

export const LoginRequest = z
  .union([
    z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
    z.object({ mobile: Mobile, code: Code }),
  ])
  .meta({
    id: "LoginRequest",
    description: "Password (username, mobile or 统一社会信用代码) or an SMS code",
  });

export const CodeRequest = z
  .object({ mobile: Mobile, purpose: z.enum(["register", "login"]) })
  .meta({ id: "CodeRequest" });

export const TotpCode = z.object({ code: Code });

export const Enrolment = z
  .object({ secret: z.string(), uri: z.string().describe("otpauth:// URI for an authenticator app") })
  .meta({ id: "TotpEnrolment" });

export const Registration = z
  .object({
    mobile: Mobile,
    code: Code,
    displayName: z.string().trim().min(1).max(30),
    password: z
      .string()
      .min(8, "密码至少8位")
      .max(128)
      .regex(/[A-Za-z]/, "密码须包含字母")
      .regex(/\d/, "密码须包含数字"),
  })
  .meta({ id: "Registration" });

export const RealNameRequest = z
  .object({ name: z.string().trim().min(1).max(30), citizenId: z.string().trim().min(15).max(18) })
  .meta({ id: "RealNameRequest" });

export const SessionUser = z
  .object({
    id: z.uuid(),
    username: z.string().nullable(),
    displayName: z.string(),
    kind: z.enum(["staff", "citizen", "company"]),
    roles: z.array(z.string()),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    regionCode: z.string().nullable(),
    realNameLevel: z.number().int(),
    legalName: z.string().nullable(),
    mobileMasked: z.string().nullable(),
    citizenIdMasked: z.string().nullable(),
    creditCode: z.string().nullable(),
  })
  .meta({ id: "SessionUser" });
export type SessionUser = z.infer<typeof SessionUser>;

const actions = Object.keys(rules) as [keyof typeof rules, ...(keyof typeof rules)[]];

export const SessionResponse = z
  .object({
    stage: z.enum(["active", "mfa", "enrol"]),
    user: SessionUser.nullable().describe("Null until the sign-in is complete"),
    actingFor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    companies: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        creditCode: z.string().nullable(),
        scope: z.array(z.string()),
        validTo: z.string(),
      }),
    ),
    representedCompanies: z
      .array(z.object({ id: z.uuid(), name: z.string(), creditCode: z.string().nullable() }))
      .describe(
        "Companies whose agents this user manages: the company account itself, or as legal representative",
      ),
    abilities: z
      .partialRecord(z.enum(actions), z.boolean())
      .describe("What the user may do, computed by the server"),
  })
  .meta({ id: "Session" });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const AgentGrantRequest = z
  .object({
    agentMobile: Mobile,
    scope: z.array(z.string().max(100)).max(200),
    validFrom: LocalDate,
    validTo: LocalDate,
  })
  .meta({ id: "AgentGrantRequest" });

export const AgentGrant = z
  .object({
    id: z.uuid(),
    agentName: z.string(),
    agentMobile: z.string().nullable(),
    scope: z.array(z.string()),
    validFrom: z.string(),
    validTo: z.string(),
    revoked: z.boolean(),
  })
  .meta({ id: "AgentGrant" });

export const AuthorisationRequest = z
  .object({
    agentMobile: Mobile,
    itemRef: z.string().min(1).max(100),
    purpose: z.string().trim().min(1).max(200),
    validFrom: LocalDate,
    validTo: LocalDate,
  })
  .meta({ id: "AuthorisationRequest" });

export const Authorisation = z
  .object({
    id: z.uuid(),
    direction: z.enum(["given", "received"]),
    grantorName: z.string(),
    agentName: z.string(),
    agentMobile: z.string().nullable(),
    itemRef: z.string().nullable(),
    itemName: z.string().nullable(),
    purpose: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    revoked: z.boolean(),
  })
  .meta({ id: "Authorisation" });
