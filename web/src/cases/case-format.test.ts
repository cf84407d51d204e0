import type { Checklist } from "@tongban/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaseEvent, CaseMaterial } from "./api.ts";
import {
  currentUploads,
  debounce,
  formatInstant,
  formatSize,
  missingRequired,
  owedMaterials,
} from "./case-format.ts";

const upload = (id: string, materialId: string, supersededAt: string | null = null): CaseMaterial => ({
  id,
  materialId,
  name: `${id}.pdf`,
  mediaType: "application/pdf",
  size: 100,
  sha256: "0".repeat(64),
  uploadedAt: "2026-03-02T01:00:00Z",
  supersededAt,
});

const material = (id: string, required: boolean) =>
  ({ id, name: id, required, addedBy: null }) as unknown as Checklist["materials"][number];

describe("formatSize", () => {
  it("shows bytes, kilobytes and megabytes", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(2048)).toBe("2.0 KB");
    expect(formatSize(5 * 1024 * 1024 + 200_000)).toBe("5.2 MB");
  });
});

describe("uploads against the checklist", () => {
  const materials = [upload("a1", "m1", "2026-03-03T00:00:00Z"), upload("a2", "m1"), upload("b1", "m3")];
  const checklist: Checklist = {
    materials: [material("m1", true), material("m2", true), material("m3", false)],
    conditions: [],
    unanswered: [],
  };

  it("counts only uploads that no correction superseded", () => {
    expect(currentUploads(materials, "m1").map((m) => m.id)).toEqual(["a2"]);
    expect(currentUploads(materials, "m2")).toEqual([]);
  });

  it("names the required materials still missing, not the optional ones", () => {
    expect(missingRequired(checklist, materials)).toEqual(["m2"]);
    expect(missingRequired(checklist, [...materials, upload("c", "m2")])).toEqual([]);
  });
});

describe("owedMaterials", () => {
  const event = (action: string, details: Record<string, unknown>): CaseEvent => ({
    id: 1,
    action,
    actionName: action,
    fromStatus: null,
    toStatus: "submitted",
    actor: null,
    onBehalfOfId: null,
    channel: "web",
    comment: null,
    details,
    at: "2026-03-02T01:00:00Z",
  });

  it("reads the owed materials and due date of the latest 容缺 acceptance", () => {
    const items = [{ materialId: "m2", name: "租赁合同", problem: "容缺后补" }];
    expect(
      owedMaterials([event("submit", {}), event("accept-pending", { items, dueDate: "2026-03-20" })]),
    ).toEqual({ items, dueDate: "2026-03-20" });
    expect(owedMaterials([event("accept-pending", { items })], "2026-03-21")?.dueDate).toBe("2026-03-21");
    expect(owedMaterials([event("submit", {})])).toBeNull();
  });
});

describe("formatInstant", () => {
  it("shows an instant in Asia/Shanghai time", () => {
    expect(formatInstant("2026-03-02T17:05:00Z")).toBe("2026-03-03 01:05");
  });
});

describe("debounce", () => {
  afterEach(() => vi.useRealTimers());

  it("runs once with the last arguments after a pause, and flush runs at once", () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const saver = debounce(run, 800);
    saver.call(1);
    saver.call(2);
    vi.advanceTimersByTime(799);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledExactlyOnceWith(2);
    saver.call(3);
    saver.flush();
    expect(run).toHaveBeenLastCalledWith(3);
    saver.flush();
    expect(run).toHaveBeenCalledTimes(2);
    saver.call(4);
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
