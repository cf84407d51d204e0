import { api } from "../api/client.ts";
import type { CaseMaterial } from "./api.ts";

/** One file of an applicant's material library (材料库): the latest use of one distinct content. */
export interface LibraryFile {
  fileId: string;
  caseId: string;
  /** Null while that case is still a draft. */
  caseNumber: string | null;
  itemName: string;
  materialId: string;
  materialName: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  lastUsedAt: string;
}

/** The signed-in applicant's material library (or the company's they act for). */
export function listMyLibrary(signal?: AbortSignal): Promise<{ items: LibraryFile[] }> {
  return api("/api/account/materials", { signal });
}

/** The library of a case's applicant, for the window clerk filing it for them (and the applicant). */
export function listCaseLibrary(caseId: string, signal?: AbortSignal): Promise<{ items: LibraryFile[] }> {
  return api(`/api/cases/${encodeURIComponent(caseId)}/library`, { signal });
}

/** Attaches a library file to one material of the case (the same stored bytes, recorded like an upload). */
export function reuseMaterial(caseId: string, materialId: string, fileId: string): Promise<CaseMaterial> {
  return api(`/api/cases/${encodeURIComponent(caseId)}/materials/${encodeURIComponent(materialId)}/reuse`, {
    method: "POST",
    body: { fileId },
  });
}

/**
 * The library in the order the picker shows it: files given for a material of the same name first
 * (居民身份证 for 居民身份证), then the rest, each group newest first as the server sends them.
 */
export function orderForMaterial(files: readonly LibraryFile[], materialName: string): LibraryFile[] {
  const same = files.filter((f) => f.materialName === materialName);
  return [...same, ...files.filter((f) => f.materialName !== materialName)];
}
