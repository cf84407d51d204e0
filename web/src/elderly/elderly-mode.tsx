import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

const STORAGE_KEY = "tongban.elderly";
const HTML_CLASS = "elderly";

interface ElderlyMode {
  isElderly: boolean;
  setElderly: (on: boolean) => void;
}

const ElderlyModeContext = createContext<ElderlyMode | null>(null);

/** Reads the remembered 长辈版 choice; used before the first render so large type never flashes small. */
export function storedElderlyMode(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

/** Marks <html> so the stylesheet can enlarge type, targets and contrast everywhere, not only inside AntD. */
export function applyElderlyClass(on: boolean): void {
  document.documentElement.classList.toggle(HTML_CLASS, on);
}

/** Holds the 长辈版 (elderly mode) switch for the whole app and remembers it across visits. */
export function ElderlyModeProvider({ children }: { children: ReactNode }) {
  const [isElderly, setIsElderly] = useState(storedElderlyMode);

  useEffect(() => applyElderlyClass(isElderly), [isElderly]);

  const setElderly = useCallback((on: boolean) => {
    setIsElderly(on);
    try {
      localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
    } catch {
      // Not remembered, but the mode still applies to this visit.
    }
  }, []);

  const value = useMemo(() => ({ isElderly, setElderly }), [isElderly, setElderly]);
  return <ElderlyModeContext.Provider value={value}>{children}</ElderlyModeContext.Provider>;
}

/** The 长辈版 state; only inside ElderlyModeProvider. */
export function useElderlyMode(): ElderlyMode {
  const mode = useContext(ElderlyModeContext);
  if (!mode) throw new Error("useElderlyMode outside ElderlyModeProvider");
  return mode;
}
