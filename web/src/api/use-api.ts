import { type DependencyList, useCallback, useEffect, useState } from "react";

/** The state of one read from the API. */
export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  /** Loads again, e.g. after a write changed what the server holds. */
  reload: () => void;
}

/** Runs `load` whenever `deps` change, dropping answers that arrive after the inputs moved on. */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the inputs of `load` in `deps`.
  useEffect(() => {
    const controller = new AbortController();
    setIsLoading(true);
    setError(undefined);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setIsLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setIsLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, isLoading, reload };
}
