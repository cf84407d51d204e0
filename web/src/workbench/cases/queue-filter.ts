import { type Channel, channels } from "../../cases/case-types.ts";

/** The workbench queues: one per step of the lifecycle, two by deadline, and everything in scope. */
export const queues = ["precheck", "review", "decide", "due-soon", "overdue", "all"] as const;
export type Queue = (typeof queues)[number];

/** What a queue page shows, as its address holds it (so a link or reload keeps the view). */
export interface QueueFilter {
  queue: Queue;
  item?: string;
  channel?: Channel;
  page: number;
}

const isQueue = (value: string | null): value is Queue => queues.some((queue) => queue === value);
const isChannel = (value: string | null): value is Channel => channels.some((channel) => channel === value);

/** The queue a role works in first: 预审 for window clerks, 审查 for reviewers, 决定 for decision makers. */
export function defaultQueue(roles: readonly string[]): Queue {
  if (roles.includes("window-clerk")) return "precheck";
  if (roles.includes("reviewer")) return "review";
  if (roles.includes("decision-maker")) return "decide";
  return "all";
}

/** Reads the filter from the address; unknown values fall back to the role's queue and page 1. */
export function parseQueueFilter(params: URLSearchParams, roles: readonly string[]): QueueFilter {
  const queue = params.get("queue");
  const channel = params.get("channel");
  const item = params.get("item")?.trim();
  const page = Number(params.get("page"));
  return {
    queue: isQueue(queue) ? queue : defaultQueue(roles),
    ...(item ? { item } : {}),
    ...(isChannel(channel) ? { channel } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Writes the filter back as search parameters, leaving out page 1. */
export function queueSearch(filter: QueueFilter): Record<string, string> {
  return {
    queue: filter.queue,
    ...(filter.item ? { item: filter.item } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.page > 1 ? { page: String(filter.page) } : {}),
  };
}
