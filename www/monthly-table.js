// The monthly values as a table (results card and CSV download), and the calendar of a
// 365-day year.

import { t } from './i18n.js';
import { fmt } from './format.js';
import { $ } from './state.js';

const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The monthly values as a table: generation, plane-of-array irradiation (hourly methods), share of the year. */
export function renderMonthlyTable(kwh, poa) {
  const { head, rows, foot } = monthlyRows(kwh, poa, fmt);
  const th = (text, cls, scope = 'col') => {
    const el = document.createElement('th');
    el.scope = scope;
    if (cls) el.className = cls;
    el.textContent = text;
    return el;
  };
  $('monthly-head').replaceChildren(...head.map((h, i) => th(h, i ? 'num-col' : '')));
  const tr = (cells) => {
    const row = document.createElement('tr');
    row.append(th(cells[0], '', 'row'));
    for (const c of cells.slice(1)) {
      const td = document.createElement('td');
      td.className = 'num-col';
      td.textContent = c;
      row.append(td);
    }
    return row;
  };
  $('monthly-body').replaceChildren(...rows.map(tr));
  $('monthly-foot').replaceChildren(...tr(foot).children);
}

/** Header, 12 rows and the year's total of the monthly table, numbers written by `num(v, digits)`. */
export function monthlyRows(kwh, poa, num) {
  const months = t('months');
  const total = kwh.reduce((a, b) => a + b, 0);
  const head = [t('mt.month'), t('mt.kwh'), ...(poa ? [t('mt.poa')] : []), t('mt.share')];
  const row = (name, k, p) => [name, num(k, 0), ...(poa ? [num(p, 1)] : []), num(total ? (100 * k) / total : 0, 1)];
  return {
    head,
    rows: kwh.map((k, i) => row(months[i], k, poa?.[i])),
    foot: row(t('mt.total'), total, poa?.reduce((a, b) => a + b, 0)),
  };
}

/** Day of the year (0-based, 365-day year) → [month 1–12, day 1–31]. */
export function monthDay(d) {
  let m = 11;
  while (m > 0 && MONTH_STARTS[m] > d) m--;
  return [m + 1, d - MONTH_STARTS[m] + 1];
}

