import { createRequire } from "node:module";

// autocannon ships no type declarations (and @types/autocannon is not installed), so the part of
// its programmatic API the bench uses is described here and the CommonJS module loaded with require.
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p99: number; max: number };
}

interface AutocannonInstance {
  stop(): void;
}

type Autocannon = (
  options: AutocannonOptions,
  done: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as Autocannon;

/** One measured run against one URL. */
export interface LoadResult {
  url: string;
  seconds: number;
  connections: number;
  requestsPerSecond: number;
  totalRequests: number;
  latencyMs: { mean: number; p50: number; p99: number; max: number };
  /** Socket errors plus timeouts: requests that never got an answer. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

let current: AutocannonInstance | undefined;

/** Stops the load run in progress, if any (Ctrl-C), so the process can clean up and exit. */
export function stopLoad(): void {
  current?.stop();
}

/** Drives `url` with `connections` keep-alive connections for `seconds`, from this process. */
export function runLoad(url: string, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    current = autocannon({ url, connections, duration: seconds }, (err, result) => {
      current = undefined;
      if (err) {
        reject(err);
        return;
      }
      resolve({
        url,
        seconds: result.duration,
        connections,
        // The mean of the per-second samples: what autocannon itself reports as Req/Sec.
        requestsPerSecond: result.requests.average,
        totalRequests: result.requests.total,
        latencyMs: {
          mean: result.latency.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
        },
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        statusCodes: Object.fromEntries(
          Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]),
        ),
      });
    });
  });
}
