// Numbers in the page's current language (zh-CN or en-US grouping and decimals).
import { lang } from './i18n.js';

export function locale() {
  return lang() === 'zh-CN' ? 'zh-CN' : 'en-US';
}
/** One formatter per locale and options: making an Intl.NumberFormat costs far more than using
 * one (a report renders thousands of numbers). */
const formatters = new Map();
function formatter(kind, options) {
  const key = `${locale()} ${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(), options);
    formatters.set(key, f);
  }
  return f;
}
/** Exactly `digits` decimals. */
export function fmt(n, digits = 0) {
  return formatter(`fixed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
/** Up to `max` decimals, no trailing zeros. */
export function fmtMax(n, max = 4) {
  return formatter(`max${max}`, { maximumFractionDigits: max }).format(n);
}
/** Compact notation (万 / K), for chart ticks. */
export function compact(n) {
  return formatter('compact', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
