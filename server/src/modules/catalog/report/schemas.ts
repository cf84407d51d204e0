import { z } from "zod";
import { Finding } from "../admin-schemas.ts";

/** The consistency report (一致性报告). */
export const CatalogReport = z
  .object({
    findings: z.array(Finding),
    departments: z.array(
      z.object({
        department: z.object({ id: z.uuid(), name: z.string() }),
        itemCount: z.number().int(),
        averageCompleteness: z.number().min(0).max(100),
        errorCount: z.number().int(),
        warningCount: z.number().int(),
      }),
    ),
    items: z.array(
      z.object({
        id: z.uuid(),
        ref: z.string(),
        name: z.string(),
        department: z.object({ id: z.uuid(), name: z.string() }).describe("The implementing department"),
        completeness: z.number().int().min(0).max(100),
        errorCount: z.number().int(),
        warningCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: "CatalogReport" });
