import { z } from "zod";

const Sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256")
  .describe("SHA-256 of the file's bytes");

/** What an upload returns and a guide stores (ItemContent's FileRef). */
export const CatalogFileRef = z.object({ name: z.string(), sha256: Sha256 }).meta({ id: "CatalogFileRef" });

export const UploadQuery = z.object({
  name: z
    .string()
    .min(1)
    .max(255)
    .describe(
      "The file's name with its extension (.pdf .doc .docx .xls .xlsx .jpg .jpeg .png), e.g. 申请表.pdf",
    ),
});

export const FileParams = z.object({ sha256: Sha256 });

export const DownloadQuery = z.object({
  name: z
    .string()
    .max(255)
    .optional()
    .describe(
      "The name to save the file under, as the guide names it; its extension must match the file's type",
    ),
});

/** A download's bytes; the schema only documents them. */
export const FileBytes = z.string().meta({ format: "binary", description: "The file's bytes" });

/** An upload's raw bytes: documented as binary, checked by the use case (type and size). */
export const UploadBody = z.unknown().meta({ format: "binary", description: "The file's bytes" });
