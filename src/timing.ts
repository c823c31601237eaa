// `ORGC_TIMING=1`: how long each stage and each rule took, on stderr — for people with large orgs
// and for the benchmarks. Costs nothing when the variable is unset.
const enabled = typeof process !== 'undefined' && !!process.env.ORGC_TIMING;
const laps: Array<[string, number]> = [];
/** When the current run of a watch began (`startRun`); undefined for a process that runs once. */
let runStart: number | undefined;

/** Now, noting on the first call how long Node and the bundle took to get there. */
function lapStart(): number {
  const start = performance.now();
  if (laps.length === 0 && runStart === undefined) laps.push(['start', start]);
  return start;
}

/** A watch's next run begins: its timings are its own (`--watch`, cli/watch.ts). */
export function startRun(): void {
  laps.length = 0;
  runStart = performance.now();
}

export function timed<T>(label: string, work: () => T): T {
  if (!enabled) return work();
  const start = lapStart();
  try {
    return work();
  } finally {
    laps.push([label, performance.now() - start]);
  }
}

export async function timedAsync<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const start = lapStart();
  try {
    return await work();
  } finally {
    laps.push([label, performance.now() - start]);
  }
}

export function printTimings(write: (s: string) => void): void {
  if (!enabled || laps.length === 0) return;
  laps.push(runStart === undefined ? ['total (since Node started)', performance.now()] : ['total (this run)', performance.now() - runStart]);
  const width = Math.max(...laps.map(([l]) => l.length));
  write(`${laps.map(([l, ms]) => `${l.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms`).join('\n')}\n`);
}
