// The 2025 rules on the page: province, commissioning date, project category and voltage
// (`project`), and the Document 136 export price (`tariff.export`), with the provinces' sources.

import { t, lang } from './i18n.js';
import { fmtMax } from './format.js';

const $ = (id) => document.getElementById(id);
const ui = { presets: null, sourceDetails: null };

const name = (p) => (lang() === 'zh-CN' ? p.nameZh : p.nameEn);

/** Fills the province list from presets().provinces. */
export function setupRulesUi({ presets }) {
  ui.presets = presets;
  $('province').addEventListener('change', updateProvince);
}

/** Texts that follow the language; `sourceDetails(source, confirmed)` renders a source. */
export function translateRulesUi(sourceDetails) {
  ui.sourceDetails = sourceDetails;
  const sel = $('province');
  const value = sel.value;
  sel.replaceChildren(
    new Option(t('opt.noProvince'), ''),
    ...ui.presets.provinces.map((p) => new Option(name(p), p.id)),
  );
  sel.value = value;
  updateProvince();
}

/** The province's published figures as placeholders, and their sources under the fields. */
function updateProvince() {
  const p = ui.presets.provinces.find((x) => x.id === $('province').value);
  const m = p?.newMechanism;
  $('mechPrice').placeholder = m?.priceYuanKwh !== undefined ? String(m.priceYuanKwh) : '';
  $('mechShare').placeholder = m?.sharePct !== undefined ? String(m.sharePct) : '';
  $('mechTerm').placeholder = m?.termYears !== undefined ? String(m.termYears) : '';
  const box = $('province-source');
  box.replaceChildren();
  if (!p || !ui.sourceDetails) return;
  if (m) box.append(ui.sourceDetails(m.source, m.confirmed));
  const min = p.minimumSelfUse;
  if (min) {
    const line = document.createElement('span');
    line.className = 'min-self-use';
    line.dataset.testid = 'min-self-use';
    line.textContent = t('rules.minSelfUse', { s: fmtMax(min.sharePct), d: min.date });
    box.append(line, ' ', ui.sourceDetails(min.source, min.confirmed));
  }
}

/** Adds `project` and `tariff.export` to the scenario `s` from the fields. */
export function readRules(s, num) {
  const project = {};
  if ($('province').value) project.province = $('province').value;
  if ($('commissioning').value) project.commissioningDate = $('commissioning').value;
  if ($('category').value) project.category = $('category').value;
  const kv = num('voltageKv');
  if (kv !== undefined) project.connectionVoltageKv = kv;
  if (Object.keys(project).length) s.project = project;
  if ($('exportRule').value !== 'document136' || $('exportRule').closest('[hidden]')) return;
  const e = {};
  for (const [id, key] of [['mechPrice', 'mechanismPriceYuanKwh'], ['mechShare', 'mechanismSharePct'],
    ['mechTerm', 'mechanismTermYears'], ['marketPrice', 'marketPriceYuanKwh']]) {
    const v = num(id);
    if (v !== undefined) e[key] = v;
  }
  s.tariff = { ...(s.tariff ?? {}), export: e };
  delete s.tariff.exportPriceYuanKwh;
}

/** Back to no project and the fixed export price. */
export function clearRules() {
  $('province').value = '';
  $('category').value = '';
  $('exportRule').value = 'fixed';
  updateProvince();
}

/** Fills the fields from a scenario. */
export function fillRules(s) {
  const p = s.project ?? {};
  $('province').value = p.province ?? '';
  $('commissioning').value = p.commissioningDate ?? '';
  $('category').value = p.category ?? '';
  $('voltageKv').value = p.connectionVoltageKv ?? '';
  const e = s.tariff?.export;
  $('exportRule').value = e ? 'document136' : 'fixed';
  if (e) {
    $('mechPrice').value = e.mechanismPriceYuanKwh ?? '';
    $('mechShare').value = e.mechanismSharePct ?? '';
    $('mechTerm').value = e.mechanismTermYears ?? '';
    $('marketPrice').value = e.marketPriceYuanKwh ?? '';
  }
  updateProvince();
}

/** The assumption rows: the category (stated or inferred) and the rule that priced the exports. */
export function rulesAssumptions(r) {
  const a = r.assumptions;
  const rows = [];
  if (a.project.category) {
    const c = t(`opt.${a.project.category}`);
    rows.push(['as.category', a.project.categoryInferred ? t('as.categoryInferred', { c }) : c, undefined, 'wide']);
  }
  if (a.usageMode === 'fullSelfUse') return rows;
  const ep = r.money.exportPricing;
  const p = fmtMax(ep.firstYearPriceYuanKwh);
  let value;
  if (ep.rule === 'fixed') {
    value = t('as.rule.fixed', { p });
  } else {
    const m = ep.mechanismPriceYuanKwh !== undefined
      ? t('as.rule.mechanism', {
        mp: fmtMax(ep.mechanismPriceYuanKwh), s: fmtMax(ep.mechanismSharePct), y: ep.mechanismTermYears,
        a: fmtMax(ep.afterTermPriceYuanKwh ?? ep.marketCapturePriceYuanKwh),
      })
      : t('as.rule.market');
    value = t(`as.rule.${ep.rule}`, { p, m });
  }
  rows.push(['as.exportRule', value, undefined, 'wide']);
  return rows;
}
