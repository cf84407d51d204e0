/** Where an application came in (the cases.channel column). */
export const channels = ["web", "mobile", "window", "hotline", "kiosk", "api"] as const;
export type Channel = (typeof channels)[number];

/** One legal clock as the server computes it with the core's caseClock. */
export type { ClockResult } from "@tongban/core";
