import { validateCitizenId, validateCreditCode } from "@tongban/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { Problem } from "../../platform/http/problem.ts";

const reasons = ["format", "checksum", "birthdate", "region", "charset", "length"] as const;

const ValidateQuery = z.object({
  type: z.enum(["citizen-id", "credit-code"]),
  value: z.string().max(64),
});

const ValidateResponse = z
  .object({ valid: z.boolean(), reason: z.enum(reasons).optional() })
  .meta({ id: "IdentifierValidation" });

/** Public validators for 公民身份号码 (GB 11643) and 统一社会信用代码 (GB 32100). */
export function identifierRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/identifiers/validate",
    {
      schema: {
        tags: ["identifiers"],
        summary: "Validate a 公民身份号码 or 统一社会信用代码",
        querystring: ValidateQuery,
        response: { 200: ValidateResponse, 400: Problem },
      },
    },
    async (request) => {
      const { type, value } = request.query;
      const result = type === "citizen-id" ? validateCitizenId(value) : validateCreditCode(value);
      return result.valid ? { valid: true } : { valid: false, reason: result.reason };
    },
  );
}
