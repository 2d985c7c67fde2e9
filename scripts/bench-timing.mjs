// Shared by the Node benchmarks: times `fn` n times after `warm` warm-up calls [ms]: wall-clock
// quantiles, and the median CPU time of the process per call (`process.cpuUsage`, every thread:
// on a shared machine the wall time also counts the waits for a core, which the CPU time does not).
export function timeCalls(fn, n, warm = Math.ceil(n / 10)) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < warm + n; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    const t1 = process.hrtime.bigint();
    const c = process.cpuUsage(c0);
    if (i >= warm) {
      times.push(Number(t1 - t0) / 1e6);
      cpu.push((c.user + c.system) / 1e3);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (q) => times[Math.floor(q * (times.length - 1))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), cpuMedian: cpu[Math.floor(0.5 * (cpu.length - 1))], n };
}
