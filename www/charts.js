// Small inline-SVG charts (no library): bars with an optional line, a zero line and y-axis ticks.

const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Round step for about `n` ticks over [lo, hi]. */
function niceStep(lo, hi, n) {
  const raw = (hi - lo) / Math.max(1, n);
  if (!(raw > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

/**
 * Bar chart as an <svg>.
 * @param {object} o
 * @param {number[]} o.values bar heights
 * @param {string[]} o.labels one per bar (shown every `labelEvery`)
 * @param {number[]} [o.line] optional line values (same length)
 * @param {(v:number)=>string} o.tick formats y-axis ticks
 * @param {(i:number)=>string} o.title tooltip of bar i
 * @param {string} o.ariaLabel
 * @param {number} [o.width] drawing width [px]; the SVG is drawn at the size it is shown so text stays legible
 * @param {number} [o.height]
 * @param {number} [o.minLabelGap] least space [px] between two x-axis labels
 * @param {{values:number[], tick:(v:number)=>string, max?:number}} [o.line2] a line on its own scale, ticks on the
 *   right; `max` (e.g. 100 for a state of charge in %) is the highest value it can take: no tick above it
 * @param {{values:number[], cls:string}[]} [o.lines] more lines on the bars' scale, without dots (class `line <cls>`)
 */
export function barChart(o) {
  const W = Math.max(240, Math.round(o.width ?? 640));
  const H = o.height ?? (W < 480 ? 200 : 240);
  const padL = W < 480 ? 48 : 60;
  const padR = o.line2 ? (W < 480 ? 36 : 44) : 12;
  const padT = 12;
  const padB = 28;
  const all = o.values.concat(o.line ?? [], ...(o.lines ?? []).map((l) => l.values), [0]);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(lo, hi, 5);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const y = (v) => padT + ((hi - v) / (hi - lo)) * (H - padT - padB);
  const n = o.values.length;
  const slot = (W - padL - padR) / n;
  const barW = Math.max(1, slot * 0.7);
  const x = (i) => padL + i * slot + (slot - barW) / 2;

  const svg = el('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart',
    role: 'img',
    'aria-label': o.ariaLabel,
    preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(el('title', {}, o.ariaLabel));

  const grid = el('g', { class: 'grid' });
  for (let v = lo; v <= hi + step / 2; v += step) {
    const yy = y(v);
    grid.append(el('line', { x1: padL, x2: W - padR, y1: yy, y2: yy, class: Math.abs(v) < step / 2 ? 'zero' : '' }));
    grid.append(el('text', { x: padL - 6, y: yy + 4, 'text-anchor': 'end' }, o.tick(Math.abs(v) < step / 2 ? 0 : v)));
  }
  svg.append(grid);

  const bars = el('g', { class: 'bars' });
  o.values.forEach((v, i) => {
    const y0 = y(0);
    const yv = y(v);
    const r = el('rect', {
      x: x(i),
      y: Math.min(y0, yv),
      width: barW,
      height: Math.max(0.5, Math.abs(yv - y0)),
      class: v < 0 ? 'neg' : 'pos',
    });
    r.append(el('title', {}, o.title(i)));
    bars.append(r);
  });
  svg.append(bars);

  const every = Math.max(1, Math.ceil((o.minLabelGap ?? 28) / slot));
  const labels = el('g', { class: 'labels' });
  o.labels.forEach((l, i) => {
    if (i % every !== 0) return;
    labels.append(el('text', { x: x(i) + barW / 2, y: H - padB + 16, 'text-anchor': 'middle' }, l));
  });
  svg.append(labels);

  if (o.line) {
    const pts = o.line.map((v, i) => `${(x(i) + barW / 2).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    svg.append(el('polyline', { points: pts, class: 'line' }));
    o.line.forEach((v, i) => {
      const c = el('circle', { cx: x(i) + barW / 2, cy: y(v), r: 2.5, class: 'dot' });
      bars.append(c);
    });
  }

  for (const l of o.lines ?? []) {
    const pts = l.values.map((v, i) => `${(x(i) + barW / 2).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    svg.append(el('polyline', { points: pts, class: `line ${l.cls}` }));
  }

  if (o.line2) {
    // Its own scale from 0 (at the left axis' 0) with as many steps above it as the left axis, so
    // that the grid lines serve both; niceStep gives the least round step that reaches the maximum.
    const steps = Math.max(1, Math.round(hi / step));
    const max2 = Math.max(...o.line2.values, 0) || 1;
    const step2 = niceStep(0, max2, steps);
    const hi2 = step2 * steps;
    const y2 = (v) => y(0) - (v / hi2) * (y(0) - y(hi));
    const axis = el('g', { class: 'grid axis2' });
    const top = Math.min(hi2, o.line2.max ?? hi2);
    for (let v = 0; v <= top + step2 / 2; v += step2) {
      axis.append(el('text', { x: W - padR + 6, y: y2(v) + 4, 'text-anchor': 'start' }, o.line2.tick(v)));
    }
    svg.append(axis);
    const pts = o.line2.values.map((v, i) => `${(x(i) + barW / 2).toFixed(1)},${y2(v).toFixed(1)}`).join(' ');
    const g = el('g', { class: 'line2' });
    g.append(el('polyline', { points: pts, class: 'line line2' }));
    o.line2.values.forEach((v, i) => {
      const c = el('circle', { cx: x(i) + barW / 2, cy: y2(v), r: 3, class: 'dot dot2' });
      if (o.line2.title) c.append(el('title', {}, o.line2.title(i)));
      g.append(c);
    });
    svg.append(g);
  }
  return svg;
}

/** Colour of a share 0…1 of the heat map's maximum: pale grey-blue → amber → deep orange-brown. */
function heatColour(f) {
  const stops = [
    [0, [238, 242, 247]],
    [0.35, [253, 224, 138]],
    [0.7, [245, 158, 11]],
    [1, [146, 64, 14]],
  ];
  let i = 1;
  while (i < stops.length - 1 && f > stops[i][0]) i++;
  const [f0, c0] = stops[i - 1];
  const [f1, c1] = stops[i];
  const u = Math.min(1, Math.max(0, (f - f0) / (f1 - f0)));
  return `rgb(${c0.map((c, k) => Math.round(c + (c1[k] - c) * u)).join(',')})`;
}

/**
 * Heat map of hourly values, day of the year across and hour of the day down, as a <figure> with a
 * <canvas> (365 × 24 cells are too many for SVG elements) and a colour legend.
 * @param {object} o
 * @param {ArrayLike<number>} o.values one per row of the weather file
 * @param {number} o.stepMinutes minutes per value
 * @param {number} o.width drawing width [px]
 * @param {string[]} o.monthLabels 12 month names
 * @param {(h:number)=>string} o.hourLabel label of an hour tick
 * @param {(v:number)=>string} o.tick formats the legend's values
 * @param {string} o.legend legend title
 * @param {string} o.ariaLabel
 * @param {(day:number, hour:number, v:number)=>string} o.cellTitle tooltip of a cell
 */
export function heatMap(o) {
  const perHour = Math.max(1, Math.round(60 / o.stepMinutes));
  const days = Math.max(1, Math.ceil(o.values.length / (perHour * 24)));
  const grid = new Float64Array(days * 24);
  for (let i = 0; i < o.values.length; i++) {
    const hourIndex = Math.floor(i / perHour);
    grid[hourIndex] += o.values[i];
  }
  let max = 0;
  for (const v of grid) max = Math.max(max, v);
  const W = Math.max(240, Math.round(o.width));
  const padL = 34;
  const padR = 6;
  const padT = 4;
  const padB = 20;
  const cellH = W < 480 ? 5 : 7;
  const H = padT + 24 * cellH + padB;
  const cellW = (W - padL - padR) / days;

  const fig = document.createElement('figure');
  fig.className = 'heatmap';
  const canvas = document.createElement('canvas');
  const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  canvas.width = Math.round(W * dpr);
  canvas.height = Math.round(H * dpr);
  canvas.style.width = `${W}px`;
  canvas.style.height = `${H}px`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', o.ariaLabel);
  const ctx = canvas.getContext('2d');
  ctx.scale(dpr, dpr);
  for (let d = 0; d < days; d++) {
    for (let h = 0; h < 24; h++) {
      ctx.fillStyle = heatColour(max > 0 ? grid[d * 24 + h] / max : 0);
      // a hair wider than the cell so that no seams show between columns
      ctx.fillRect(padL + d * cellW, padT + h * cellH, cellW + 0.6, cellH);
    }
  }
  const styles = getComputedStyle(document.body);
  ctx.fillStyle = '#6b7280';
  ctx.font = `11px ${styles.fontFamily}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  for (const h of [0, 6, 12, 18]) ctx.fillText(o.hourLabel(h), padL - 4, padT + (h + 0.5) * cellH);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const monthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const every = cellW * 30 < 34 ? 2 : 1;
  monthStarts.forEach((start, m) => {
    if (start >= days) return;
    ctx.fillStyle = '#d1d5db';
    ctx.fillRect(padL + start * cellW, padT + 24 * cellH, 1, 4);
    if (m % every === 0) {
      ctx.fillStyle = '#6b7280';
      ctx.fillText(o.monthLabels[m], padL + (start + 15) * cellW, padT + 24 * cellH + 5);
    }
  });
  canvas.addEventListener('mousemove', (e) => {
    const r = canvas.getBoundingClientRect();
    const d = Math.floor((e.clientX - r.left - padL) / cellW);
    const h = Math.floor((e.clientY - r.top - padT) / cellH);
    canvas.title = d >= 0 && d < days && h >= 0 && h < 24 ? o.cellTitle(d, h, grid[d * 24 + h]) : '';
  });
  fig.append(canvas);

  const cap = document.createElement('figcaption');
  cap.className = 'heat-legend';
  const title = document.createElement('span');
  title.textContent = o.legend;
  const lo = document.createElement('span');
  lo.className = 'num';
  lo.textContent = o.tick(0);
  const ramp = document.createElement('span');
  ramp.className = 'heat-ramp';
  ramp.style.background = `linear-gradient(90deg, ${[0, 0.35, 0.7, 1].map(heatColour).join(', ')})`;
  const hi = document.createElement('span');
  hi.className = 'num';
  hi.textContent = o.tick(max);
  cap.append(title, lo, ramp, hi);
  fig.append(cap);
  fig.dataset.max = String(max);
  return fig;
}
