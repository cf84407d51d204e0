/** Who is acting: a signed-in account, the platform itself, or an anonymous visitor. */
export interface Actor {
  kind: "staff" | "citizen" | "company" | "system" | "anonymous";
  id: string | null;
  username: string | null;
  displayName: string;
  roles: readonly string[];
  regionCode: string | null;
  departmentId: string | null;
  /** The service place a staff member works at; at a township or village place it narrows their scope. */
  placeId?: string | null;
  /** The company an authorised agent (经办人) is acting for, when not themselves. */
  actingFor?: { id: string; name: string } | null;
}

/** The platform acting on its own (seeding, timers, jobs). */
export const systemActor: Actor = {
  kind: "system",
  id: null,
  username: null,
  displayName: "系统",
  roles: [],
  regionCode: null,
  departmentId: null,
};

/** A visitor with no session. */
export const anonymousActor: Actor = { ...systemActor, kind: "anonymous", displayName: "访客" };
