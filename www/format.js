// Numbers in the page's current language (zh-CN or en-US grouping and decimals).
import { lang } from './i18n.js';

export function locale() {
  return lang() === 'zh-CN' ? 'zh-CN' : 'en-US';
}
/** Exactly `digits` decimals. */
export function fmt(n, digits = 0) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
/** Up to `max` decimals, no trailing zeros. */
export function fmtMax(n, max = 4) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: max }).format(n);
}
/** Compact notation (万 / K), for chart ticks. */
export function compact(n) {
  return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
