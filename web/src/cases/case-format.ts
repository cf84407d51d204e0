import type { CaseEvent, CaseMaterial, ChecklistLine, NoticeItem } from "./api.ts";

/** What the file dialog offers; the server sniffs the content and has the last word. */
export const ACCEPT_UPLOADS = ".pdf,.jpg,.jpeg,.png,.ofd";
/** The server's limit per file, checked here too so nobody waits for a refused 50 MB upload. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A file size for people: bytes, KB or MB with one decimal. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The uploads of one material that still count (a corrected upload supersedes the earlier one). */
export function currentUploads(materials: readonly CaseMaterial[], materialId: string): CaseMaterial[] {
  return materials.filter((row) => row.materialId === materialId && !row.supersededAt);
}

/** The required materials of the checklist that have no current upload yet: submit waits for them. */
export function missingRequired(
  checklist: { materials: readonly ChecklistLine[] },
  materials: readonly CaseMaterial[],
): string[] {
  return checklist.materials
    .filter((material) => material.required && currentUploads(materials, material.id).length === 0)
    .map((material) => material.id);
}

/** The materials still owed under 容缺受理 and their due date, from the latest accept-pending event. */
export function owedMaterials(
  events: readonly CaseEvent[],
  pendingDueOn?: string | null,
): { items: NoticeItem[]; dueDate: string | null } | null {
  const event = [...events].reverse().find((candidate) => candidate.action === "accept-pending");
  if (!event) return null;
  // The server records the owed list as `items` (one shape with the correction notice's).
  const items = Array.isArray(event.details.items) ? (event.details.items as NoticeItem[]) : [];
  const dueDate = typeof event.details.dueDate === "string" ? event.details.dueDate : null;
  return { items, dueDate: pendingDueOn ?? dueDate };
}

/** An instant (UTC timestamp) as people in Wuxi read it: YYYY-MM-DD HH:mm in Asia/Shanghai. */
export function formatInstant(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** Calls `run` once `delayMs` passes without another call: autosave waits for a pause in typing. */
export function debounce<A extends unknown[]>(
  run: (...args: A) => void,
  delayMs: number,
): { call: (...args: A) => void; flush: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const fire = () => {
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) run(...args);
  };
  return {
    call: (...args: A) => {
      pending = args;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, delayMs);
    },
    flush: () => {
      if (timer !== undefined) clearTimeout(timer);
      fire();
    },
    cancel: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
