import { type Action, can } from "@tongban/core";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError } from "../api/client.ts";
import {
  type Abilities,
  deleteAllSessions,
  deleteSession,
  getSession,
  type SessionInfo,
  type SessionUser,
} from "./api.ts";

/** The signed-in user (or null), the session around them, and the ways to change it. */
export interface Session {
  /** The signed-in user; null for a visitor and while a staff sign-in waits for its second factor. */
  user: SessionUser | null;
  /** The whole session as the server last presented it (also a pending one), or null for a visitor. */
  info: SessionInfo | null;
  /** What the server says the user may do. */
  abilities: Abilities;
  /** True until the first answer about the current session arrives. */
  isLoading: boolean;
  /** Takes a session the server answered with (a sign-in step, registration, real-name, acting-for). */
  accept: (info: SessionInfo) => void;
  /** Asks the server again, e.g. after a change that affects the session's companies. */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  /** True after the person signed out here: protected pages then send them home, not to the login page. */
  signedOut: boolean;
  /** Ends every session of the account, on every device. */
  signOutEverywhere: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

const noAbilities: Abilities = {};

/** Holds the session for the whole app, asking the server once at start. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [signedOut, setSignedOut] = useState(false);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setInfo(await getSession(signal));
    } catch (error) {
      if (signal?.aborted) return;
      // 401 simply means a visitor; any other failure also leaves the public portal usable.
      if (!(error instanceof ApiError)) console.warn("session check failed", error);
      setInfo(null);
    }
    setIsLoading(false);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const refresh = useCallback(() => load(), [load]);

  const signOut = useCallback(async () => {
    await deleteSession();
    setSignedOut(true);
    setInfo(null);
  }, []);

  const signOutEverywhere = useCallback(async () => {
    await deleteAllSessions();
    setSignedOut(true);
    setInfo(null);
  }, []);

  const value = useMemo<Session>(
    () => ({
      user: info?.stage === "active" ? info.user : null,
      info,
      abilities: info?.stage === "active" ? info.abilities : noAbilities,
      isLoading,
      accept: (next: SessionInfo) => {
        setSignedOut(false);
        setInfo(next);
      },
      refresh,
      signOut,
      signedOut,
      signOutEverywhere,
    }),
    [info, isLoading, refresh, signOut, signedOut, signOutEverywhere],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session; only inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** Whether the server allows the signed-in user an action (from the session's abilities). */
export function hasAbility(abilities: Abilities, action: Action): boolean {
  return abilities[action] === true;
}

// The predicates below take the user alone so that route guards stay one-liners; the core's `can()` is
// the same table the server computes `abilities` from, so both always agree.

/** Whether the user may use the staff workbench. */
export function isStaff(user: SessionUser | null): boolean {
  return user ? can(user, "workbench.use") : false;
}

/** Whether the user administers the platform itself (publishing calendars, inspecting jobs). */
export function isSystemAdmin(user: SessionUser | null): boolean {
  return user ? can(user, "calendar.publish") : false;
}

/** Actions that each open a part of the admin area. */
const adminActions: Action[] = [
  "calendar.publish",
  "organisation.manage",
  "outbox.read",
  "audit.verify",
  "oidc-client.manage",
  "jobs.inspect",
];

/** Whether the user administers anything: the admin area shows the parts their abilities allow. */
export function isAdministrator(user: SessionUser | null): boolean {
  return user ? adminActions.some((action) => can(user, action)) : false;
}

/** Whether the user applies for services as a person or a company (the personal space is theirs). */
export function isApplicant(user: SessionUser | null): boolean {
  return user?.kind === "citizen" || user?.kind === "company";
}
