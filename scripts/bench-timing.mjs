// Shared by the Node benchmarks: times `fn` n times after a warm-up [ms]: wall-clock quantiles, and
// the median CPU time of the process per call (`process.cpuUsage`, every thread: on a shared machine
// the wall time also counts the waits for a core, which the CPU time does not).
// The warm-up lasts `warm` calls and at least `warmMs` [ms], as criterion's warm-up time: V8 moves a
// WebAssembly function to optimised code only after it has run for a while, so a function run once
// per call (reading the scenario, the money, the report) can still be in baseline code after a few
// dozen calls. (Before 2026-12-08 the fresh weather-file calls had 20 warm-up calls, ~0.1 s: the
// Datong EPW, timed first in the process, measured 2.61 ms against 2.51-2.56 ms after hundreds of
// calls, issue 10.)
export function timeCalls(fn, n, warm = Math.ceil(n / 10), warmMs = 1000) {
  const times = [];
  const cpu = [];
  const start = process.hrtime.bigint();
  let warmed = 0;
  while (warmed < warm || Number(process.hrtime.bigint() - start) / 1e6 < warmMs) {
    fn();
    warmed++;
  }
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    const t1 = process.hrtime.bigint();
    const c = process.cpuUsage(c0);
    times.push(Number(t1 - t0) / 1e6);
    cpu.push((c.user + c.system) / 1e3);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (q) => times[Math.floor(q * (times.length - 1))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), cpuMedian: cpu[Math.floor(0.5 * (cpu.length - 1))], n };
}
