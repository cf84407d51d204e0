import { z } from "zod";

export const LibraryFile = z.object({
  fileId: z.uuid().describe("The file's row; pass it to the reuse endpoint"),
  caseId: z.uuid(),
  caseNumber: z.string().nullable().describe("Null while that case is still a draft"),
  itemName: z.string(),
  materialId: z.string(),
  materialName: z.string().describe("The material it was given for, in that case's item version"),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  lastUsedAt: z.string(),
});
export const MaterialLibrary = z.object({ items: z.array(LibraryFile) });

export const ReuseParams = z.object({ id: z.uuid(), materialId: z.string().min(1).max(40) });
export const ReuseRequest = z.object({ fileId: z.uuid() });

export const ReassignTargets = z.object({
  items: z.array(
    z.object({
      kind: z.enum(["place", "department"]),
      id: z.uuid(),
      name: z.string(),
      regionCode: z.string(),
    }),
  ),
});
