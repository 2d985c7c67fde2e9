// Shared by the Node benchmarks: times `fn` n times after `warm` warm-up calls [ms].
export function timeCalls(fn, n, warm = Math.ceil(n / 10)) {
  const times = [];
  for (let i = 0; i < warm + n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    const t1 = process.hrtime.bigint();
    if (i >= warm) times.push(Number(t1 - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.floor(q * (times.length - 1))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), n };
}
