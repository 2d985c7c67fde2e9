// The rooftop-pv calculator page: builds a Scenario from the form on every input, calls the
// WebAssembly core, and renders the Report (or the ScenarioError next to its field).

import init, { calculate, presets, version } from './pkg/rooftop_pv.js';
import { t, setLang, lang, sourceText } from './i18n.js';
import { barChart } from './charts.js';

const $ = (id) => document.getElementById(id);

/** What the page shows before the user types anything (optional fields stay empty → core defaults). */
const INITIAL = {
  capacity: '1000',
  method: 'fullLoadHours',
  hours: '1200',
  mode: 'selfUseSurplus',
  kind: 'owner',
};
/** Example values shown as placeholders of required fields. */
const EXAMPLE_PLACEHOLDERS = { capacity: '1000', hours: '1200', ha: '1500', k: '0.80', discountPct: '15' };

const FACTOR_KEYS = ['coalKgce', 'co2Kg', 'so2G', 'noxG', 'dustG', 'waterKg'];
const EMISSION_ROWS = [
  { id: 'coal', total: 'coalT', factor: 'coalKgce' },
  { id: 'co2', total: 'co2T', factor: 'co2Kg' },
  { id: 'so2', total: 'so2T', factor: 'so2G' },
  { id: 'nox', total: 'noxT', factor: 'noxG' },
  { id: 'dust', total: 'dustT', factor: 'dustG' },
  { id: 'water', total: 'waterT', factor: 'waterKg' },
];

const state = {
  presets: null,
  report: null, // last good report
  scenario: null, // the scenario of `report`
  fieldErrors: [], // [{ el, core?: ScenarioError, key?: string }]
  generalError: null, // ScenarioError or { key, vars }
  example: null,
  exampleScenario: null, // JSON of the form's scenario right after loading the example
  exampleEdited: false,
};

// ---------------------------------------------------------------- numbers

function locale() {
  return lang() === 'zh-CN' ? 'zh-CN' : 'en-US';
}
function fmt(n, digits = 0) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
/** Up to `max` decimals, no trailing zeros. */
function fmtMax(n, max = 4) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: max }).format(n);
}
function compact(n) {
  return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}
function kwhSub(kwh) {
  return lang() === 'zh-CN' ? `${fmt(kwh / 1e4, 2)} 万kWh` : `${fmt(kwh / 1e3, 1)} MWh`;
}
function yuanSub(y) {
  return lang() === 'zh-CN' ? `${fmt(y / 1e4, 2)} 万元` : `${fmt(y / 1e6, 2)} million yuan`;
}

/** Parses what the user typed: accepts full-width digits, thousands separators and spaces. */
export function parseNumber(raw) {
  let s = String(raw ?? '').normalize('NFKC');
  s = s.replace(/[\s,_']/g, '').replace(/[−–]/g, '-').replace(/。/g, '.');
  if (s === '') return { empty: true };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { bad: true };
  return { value: Number(s) };
}

// ---------------------------------------------------------------- static text

function applyStaticText() {
  document.documentElement.lang = lang();
  document.title = `${t('app.title')} · rooftop-pv`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  for (const el of document.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  $('footer-about').textContent = t('footer.about', { v: version() });
  $('version').textContent = `rooftop-pv ${version()}`;
  fillFactorSetOptions();
  fillTariffOptions();
  updateShareHint();
  updatePlaceholders();
  updateSources();
  renderExampleDesc();
}

// ---------------------------------------------------------------- form controls

function controlValue(name) {
  if (name === 'kind') return document.querySelector('input[name="kind"]:checked').value;
  return $(name).value;
}

/** Shows only the fields that apply to the chosen options (`data-when="mode=a,b;kind=owner"`). */
function applyVisibility() {
  for (const el of document.querySelectorAll('[data-when]')) {
    const ok = el.dataset.when.split(';').every((cond) => {
      const [name, values] = cond.split('=');
      return values.split(',').includes(controlValue(name));
    });
    el.hidden = !ok;
  }
}

function isShown(el) {
  return !el.closest('[hidden]');
}

function presetName(p) {
  return lang() === 'zh-CN' ? p.nameZh : p.nameEn;
}

function fillFactorSetOptions() {
  const sel = $('factorSet');
  const value = sel.value || state.presets.defaultEmissionFactors;
  sel.replaceChildren(
    ...state.presets.emissionFactors.map((p) => new Option(presetName(p), p.id)),
    new Option(t('opt.custom'), 'custom'),
  );
  sel.value = value;
}

function fillTariffOptions() {
  for (const sel of [$('grid-preset'), $('export-preset')]) {
    const value = sel.value;
    const opts = [new Option(t('tariff.pickNone'), '')];
    for (const p of state.presets.tariffs.filter((x) => x.kind === sel.dataset.kind)) {
      const mark = p.confirmed ? '' : ` · ${t('em.unconfirmed')}`;
      opts.push(new Option(`${presetName(p)} · ${fmtMax(p.valueYuanKwh)} ${t('unit.yuanKwh')}${mark}`, p.id));
    }
    sel.replaceChildren(...opts);
    sel.value = value;
  }
}

function updateShareHint() {
  const mode = $('mode').value;
  $('share-hint').textContent = mode === 'fullExport' ? '' : t(`hint.share.${mode}`);
}

/** Placeholders: the core default of an optional field (from the last report), an example otherwise. */
function updatePlaceholders() {
  const as = state.report?.assumptions ?? {};
  const def = state.presets.emissionFactors.find((p) => p.id === state.presets.defaultEmissionFactors);
  for (const input of document.querySelectorAll('input[data-field]')) {
    const key = input.dataset.default;
    const d = key ? (as[key] ?? state.defaults?.[key]) : undefined;
    if (d !== undefined) input.placeholder = t('form.placeholderDefault', { v: fmtMax(d) });
    else if (EXAMPLE_PLACEHOLDERS[input.id]) input.placeholder = t('form.placeholderExample', { v: EXAMPLE_PLACEHOLDERS[input.id] });
    else if (input.dataset.factor) input.placeholder = t('form.placeholderExample', { v: fmtMax(def.factors[input.dataset.factor]) });
  }
}

function colon() {
  return lang() === 'zh-CN' ? '：' : ': ';
}

/** A <details> naming a source: summary "issuer (year) [to confirm]", then the document and note. */
function sourceDetails(src, confirmed, prefixKey = 'tariff.source') {
  const d = document.createElement('details');
  d.className = 'src';
  const s = document.createElement('summary');
  s.append(`${t(prefixKey)}${colon()}`, sourceText(src, 'issuer', lang()));
  s.append(` (${src.dataYear})`);
  if (confirmed === false) s.append(' ', badge());
  d.append(s);
  const doc = document.createElement('p');
  doc.textContent = sourceText(src, 'document', lang());
  d.append(doc);
  if (src.note) {
    const n = document.createElement('p');
    n.className = 'muted';
    n.textContent = sourceText(src, 'note', lang());
    d.append(n);
  }
  return d;
}

function badge() {
  const b = document.createElement('span');
  b.className = 'badge';
  b.textContent = t('em.unconfirmed');
  b.title = t('em.unconfirmedTitle');
  return b;
}

/** The source under each price field and under the factor-set choice. */
function updateSources() {
  for (const [inputId, selId, kind, defKey, defId] of [
    ['grid', 'grid-preset', 'gridPrice', 'gridPriceYuanKwh', state.presets.defaultGridPrice],
    ['export', 'export-preset', 'exportPrice', 'exportPriceYuanKwh', state.presets.defaultExportPrice],
  ]) {
    const input = $(inputId);
    const sel = $(selId);
    const box = $(`${inputId}-source`);
    const list = state.presets.tariffs.filter((p) => p.kind === kind);
    const parsed = parseNumber(input.value);
    let chosen = list.find((p) => p.id === sel.value);
    if (parsed.empty) {
      sel.value = '';
      const def = state.defaults?.[defKey];
      const p = list.find((x) => x.id === defId);
      box.replaceChildren();
      if (def !== undefined) {
        const line = document.createElement('span');
        line.textContent = t('tariff.defaultSource', { v: fmtMax(def) });
        box.append(line);
        if (p) box.append(sourceDetails(p.source, p.confirmed));
      }
      continue;
    }
    if (!chosen || chosen.valueYuanKwh !== parsed.value) {
      chosen = list.find((p) => p.valueYuanKwh === parsed.value);
      sel.value = chosen ? chosen.id : '';
    }
    box.replaceChildren(...(chosen ? [sourceDetails(chosen.source, chosen.confirmed)] : []));
  }

  const fs = $('factorSet').value;
  const set = state.presets.emissionFactors.find((p) => p.id === fs);
  const box = $('factorSet-source');
  box.replaceChildren();
  if (set) {
    const anyUnconfirmed = set.factors.valueSources?.some((v) => !v.confirmed);
    box.append(sourceDetails(set.factors.source, anyUnconfirmed ? false : undefined));
  }
}

// ---------------------------------------------------------------- scenario

/**
 * Reads the visible fields into a Scenario. Empty optional fields are left out so that the core's
 * defaults apply; text that is not a number is reported here, before the core sees it.
 */
function buildScenario() {
  const local = [];
  const num = (id) => {
    const el = $(id);
    if (!isShown(el)) return undefined;
    const r = parseNumber(el.value);
    if (r.bad) {
      local.push({ el, key: 'err.badNumber' });
      return undefined;
    }
    if (r.value !== undefined && el.dataset.integer !== undefined && !Number.isInteger(r.value)) {
      local.push({ el, key: 'err.integer' });
      return undefined;
    }
    return r.value;
  };
  const put = (obj, key, value) => {
    if (value !== undefined) obj[key] = value;
    return obj;
  };
  const nonEmpty = (obj) => (Object.keys(obj).length ? obj : undefined);

  const s = {};
  s.system = put({}, 'capacityKwp', num('capacity'));
  const method = $('method').value;
  s.resource = { method };
  if (method === 'fullLoadHours') put(s.resource, 'hours', num('hours'));
  else {
    put(s.resource, 'horizontalIrradiationKwhM2', num('ha'));
    put(s.resource, 'k', num('k'));
  }
  const life = {};
  put(life, 'years', num('years'));
  put(life, 'firstYearDegradationPct', num('firstDeg'));
  put(life, 'annualDegradationPct', num('annualDeg'));
  put(s, 'lifetime', nonEmpty(life));

  const mode = $('mode').value;
  s.usage = put({ mode }, 'selfUseSharePct', num('share'));

  const tariff = {};
  put(tariff, 'gridPriceYuanKwh', num('grid'));
  put(tariff, 'exportPriceYuanKwh', num('export'));
  put(tariff, 'escalationPct', num('escalation'));
  put(s, 'tariff', nonEmpty(tariff));

  const kind = controlValue('kind');
  s.ownership = { kind };
  if (kind === 'owner') {
    put(s.ownership, 'capexYuanPerW', num('capex'));
    put(s.ownership, 'omYuanPerKwpYear', num('om'));
    put(s.ownership, 'discountRatePct', num('discountRate'));
  } else {
    put(s.ownership, 'discountPct', num('discountPct'));
    put(s.ownership, 'roofRentYuanYear', num('roofRent'));
  }

  const fs = $('factorSet').value;
  if (fs === 'custom') {
    const f = {};
    for (const k of FACTOR_KEYS) put(f, k, num(k));
    s.emissions = { factors: f };
  } else {
    s.emissions = { preset: fs };
  }
  return { scenario: s, local };
}

// ---------------------------------------------------------------- errors

function fieldElement(path) {
  if (!path) return null;
  const el = document.querySelector(`[data-field="${CSS.escape(path)}"]`);
  return el && isShown(el) ? el : null;
}

/** The label of the field at `path`, if the page has one. */
function fieldLabel(path) {
  const el = document.querySelector(`[data-field="${CSS.escape(path)}"]`);
  return el?.dataset.label ? t(el.dataset.label) : null;
}

/** The core's message in the current language, with JSON paths replaced by the field labels. */
function coreMessage(err) {
  let msg = lang() === 'zh-CN' ? err.messageZh || err.message : err.message;
  if (err.code === 'invalid_json' || err.code === 'invalid_type') {
    // The core's text for a wrong type is a serde message; say it plainly instead.
    return t('err.invalidValue');
  }
  const paths = new Set(msg.match(/\b[a-z]+(?:\.[A-Za-z0-9]+)+\b/g) ?? []);
  for (const p of paths) {
    const label = fieldLabel(p);
    if (label) msg = msg.split(p).join(`“${label}”`);
  }
  return msg;
}

function errorText(e) {
  return e.core ? coreMessage(e.core) : t(e.key, e.vars);
}

function clearErrors() {
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of document.querySelectorAll('.field.invalid')) el.classList.remove('invalid');
  for (const el of document.querySelectorAll('p.error')) {
    el.hidden = true;
    el.textContent = '';
  }
}

function renderErrors() {
  clearErrors();
  for (const e of state.fieldErrors) {
    const field = e.el.closest('.field');
    e.el.setAttribute('aria-invalid', 'true');
    field?.classList.add('invalid');
    const p = field?.querySelector('p.error');
    if (p) {
      p.textContent = errorText(e);
      p.hidden = false;
    }
  }
  const box = $('general-error');
  if (state.generalError) {
    const e = state.generalError;
    box.textContent = `${t('res.generalError')}${colon()}${e.core ? coreMessage(e.core) : t(e.key, e.vars)}`;
    box.hidden = false;
  } else {
    box.hidden = true;
    box.textContent = '';
  }
  const stale = (state.fieldErrors.length > 0 || state.generalError !== null) && state.report !== null;
  $('stale').hidden = !stale;
  $('mobile-summary').classList.toggle('is-stale', stale);
  $('results-body').classList.toggle('is-stale', stale);
  $('results-body').setAttribute('aria-disabled', String(stale));
}

// ---------------------------------------------------------------- calculate

function recalc() {
  applyVisibility();
  updateShareHint();
  const { scenario, local } = buildScenario();
  state.fieldErrors = [];
  state.generalError = null;
  if (local.length) {
    state.fieldErrors = local;
  } else {
    try {
      const report = calculate(scenario);
      state.report = report;
      state.scenario = scenario;
    } catch (err) {
      if (err && err.name === 'ScenarioError') {
        const el = fieldElement(err.field);
        if (el) state.fieldErrors = [{ el, core: err }];
        else state.generalError = { core: err };
      } else {
        // Not a scenario error: a bug. Show it, and let the console have it too.
        state.generalError = { key: 'res.engineError', vars: { msg: String(err) } };
        throw err;
      }
    }
  }
  renderErrors();
  renderReport();
  updatePlaceholders();
  updateSources();
}

// ---------------------------------------------------------------- results

function setNum(id, text, raw) {
  const el = $(id);
  el.textContent = text;
  if (raw === undefined || raw === null) el.removeAttribute('data-value');
  else el.dataset.value = String(raw);
}

function renderReport() {
  const r = state.report;
  $('loading').hidden = true;
  if (!r) {
    $('results-body').hidden = true;
    return;
  }
  $('results-body').hidden = false;
  $('mobile-summary').hidden = false;
  const zh = lang() === 'zh-CN';
  const e = r.energy;
  const m = r.money;
  const a = r.assumptions;
  const owner = a.ownership === 'owner';

  setNum('annual-kwh', fmt(e.annualKwh), e.annualKwh);
  $('annual-kwh-sub').textContent = kwhSub(e.annualKwh);
  setNum('lifetime-kwh', fmt(e.lifetimeKwh), e.lifetimeKwh);
  $('lifetime-kwh-sub').textContent = `${kwhSub(e.lifetimeKwh)} · ${t('kpi.lifetimeKwhSub', { n: a.lifetimeYears })}`;
  setNum('specific-yield', fmt(e.specificYieldKwhPerKwp, 1), e.specificYieldKwhPerKwp);
  $('specific-yield-sub').textContent = t('kpi.yieldSub');

  setNum('first-year-savings', fmt(m.firstYearSavingsYuan), m.firstYearSavingsYuan);
  $('first-year-savings-sub').textContent = `${yuanSub(m.firstYearSavingsYuan)} · ${t(owner ? 'kpi.firstSavings.owner' : 'kpi.firstSavings.thirdParty')}`;
  setNum('lifetime-savings', fmt(m.lifetimeSavingsYuan), m.lifetimeSavingsYuan);
  $('lifetime-savings-sub').textContent = `${yuanSub(m.lifetimeSavingsYuan)} · ${t('kpi.lifetimeSavingsSub')}`;

  for (const el of document.querySelectorAll('[data-owner-only]')) el.hidden = !owner;
  $('emc-note').hidden = owner;
  if (owner) {
    const inv = m.byYear.find((y) => y.year === 0)?.costsYuan ?? 0;
    setNum('investment', fmt(inv), inv);
    $('investment-sub').textContent = `${yuanSub(inv)} · ${fmtMax(a.capexYuanPerW, 3)} ${t('u.capex')}`;
    if (m.paybackYears !== undefined) {
      setNum('payback', fmt(m.paybackYears, 1), m.paybackYears);
      $('payback-unit').hidden = false;
      $('payback-sub').textContent = '';
    } else {
      setNum('payback', '—', null);
      $('payback-unit').hidden = true;
      $('payback-sub').textContent = t('kpi.paybackNever');
    }
    setNum('npv', fmt(m.npvYuan), m.npvYuan);
    $('npv').classList.toggle('negative', m.npvYuan < 0);
    $('npv-sub').textContent = `${yuanSub(m.npvYuan)} · ${t('kpi.npvSub', { r: fmtMax(a.discountRatePct) })}`;
    if (m.irrPct !== undefined) {
      setNum('irr', fmt(m.irrPct, 1), m.irrPct);
      $('irr-unit').hidden = false;
      $('irr-sub').textContent = '';
    } else {
      setNum('irr', '—', null);
      $('irr-unit').hidden = true;
      $('irr-sub').textContent = t('kpi.irrNone');
    }
    if (m.lcoeYuanKwh !== undefined) {
      setNum('lcoe', fmt(m.lcoeYuanKwh, 3), m.lcoeYuanKwh);
      $('lcoe-sub').textContent = t('kpi.lcoeSub', { r: fmtMax(a.discountRatePct) });
    } else {
      setNum('lcoe', '—', null);
      $('lcoe-sub').textContent = '';
    }
  }

  $('ms-kwh').textContent = `${fmt(e.annualKwh)} kWh`;
  $('ms-yuan').textContent = `${fmt(m.firstYearSavingsYuan)} ${t('unit.yuan')}`;
  renderUsage(r);
  renderEmissions(r);
  renderMonthly(r);
  renderCashFlow(r);
  renderWarnings(r, zh);
  renderAssumptions(r);
}

function renderUsage(r) {
  const u = r.usage;
  const total = u.selfUsedKwh + u.exportedKwh + u.curtailedKwh || 1;
  const parts = [
    ['selfUsed', u.selfUsedKwh],
    ['exported', u.exportedKwh],
    ['curtailed', u.curtailedKwh],
  ];
  const bar = $('split-bar');
  bar.replaceChildren();
  const legend = $('split-legend');
  legend.replaceChildren();
  for (const [key, kwh] of parts) {
    const pct = (kwh / total) * 100;
    if (kwh > 0) {
      const seg = document.createElement('span');
      seg.className = `seg seg-${key}`;
      seg.style.width = `${pct}%`;
      bar.append(seg);
    }
    const li = document.createElement('li');
    li.innerHTML = `<span class="swatch seg-${key}"></span>`;
    const label = document.createElement('span');
    label.textContent = t(`usage.${key}`);
    const val = document.createElement('span');
    val.className = 'num';
    val.dataset.testid = `usage-${key}`;
    val.dataset.value = String(kwh);
    val.textContent = `${fmt(kwh)} kWh · ${fmt(pct, 1)}%`;
    li.append(label, val);
    legend.append(li);
  }
}

function factorUnit(key) {
  return t(`u.${key}`);
}

function renderEmissions(r) {
  const em = r.emissions;
  const vs = em.factors.valueSources ?? [];
  const body = $('em-body');
  body.replaceChildren();
  for (const row of EMISSION_ROWS) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t(`em.${row.id}`);
    const src = vs.find((v) => v.quantity === row.factor);
    const factorText = `${fmtMax(em.factors[row.factor], 4)} ${factorUnit(row.factor)}`;
    const unconfirmed = () => {
      const b = badge();
      if (src.source.note) b.title = `${t('em.unconfirmedTitle')}${colon()}${sourceText(src.source, 'note', lang())}`;
      return b;
    };
    // On narrow cards the factor goes under the item name instead of in its own column.
    const inline = document.createElement('span');
    inline.className = 'factor-inline';
    inline.textContent = factorText;
    if (src && !src.confirmed) inline.append(' ', unconfirmed());
    th.append(inline);
    const fcell = document.createElement('td');
    fcell.className = 'num-col factor-cell factor-col';
    fcell.textContent = factorText;
    if (src && !src.confirmed) fcell.append(' ', unconfirmed());
    tr.append(th, fcell);
    for (const period of ['annual', 'lifetime']) {
      const td = document.createElement('td');
      td.className = 'num-col';
      const span = document.createElement('span');
      const v = em[period][row.total];
      const text = v.toFixed(2);
      span.textContent = text;
      span.dataset.value = text;
      span.dataset.testid = `${row.id}-${period}`;
      td.append(span);
      tr.append(td);
    }
    body.append(tr);
  }

  const box = $('factor-source');
  box.replaceChildren();
  const set = em.preset ? state.presets.emissionFactors.find((p) => p.id === em.preset) : null;
  const title = document.createElement('p');
  title.className = 'fs-title';
  const strong = document.createElement('strong');
  strong.textContent = `${t('em.source')}${colon()}`;
  const name = document.createElement('span');
  name.dataset.testid = 'factor-set-name';
  name.textContent = set ? presetName(set) : t('em.custom');
  title.append(strong, name);
  box.append(title);
  const src = em.factors.source;
  if (src) {
    const dl = document.createElement('dl');
    dl.className = 'fs-meta';
    const add = (k, v) => {
      const dt = document.createElement('dt');
      dt.textContent = t(k);
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    };
    add('em.issuer', sourceText(src, 'issuer', lang()));
    add('em.document', sourceText(src, 'document', lang()));
    add('em.dataYear', String(src.dataYear));
    if (src.note) add('em.note', sourceText(src, 'note', lang()));
    box.append(dl);
  }
  if (vs.some((v) => !v.confirmed)) {
    const p = document.createElement('p');
    p.className = 'muted small';
    p.append(badge(), ' ', t('em.unconfirmedNote'));
    box.append(p);
  }
  if (vs.length) {
    const d = document.createElement('details');
    const s = document.createElement('summary');
    s.textContent = t('em.valueSources');
    d.append(s);
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const table = document.createElement('table');
    table.className = 'vs-table';
    const head = document.createElement('tr');
    for (const k of ['em.item', 'em.issuer', 'em.document', 'em.dataYear', 'em.note']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t(k);
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    for (const row of EMISSION_ROWS) {
      const v = vs.find((x) => x.quantity === row.factor);
      if (!v) continue;
      const tr = document.createElement('tr');
      const cells = [
        t(`f.${row.factor}`),
        sourceText(v.source, 'issuer', lang()),
        sourceText(v.source, 'document', lang()),
        String(v.source.dataYear),
        sourceText(v.source, 'note', lang()),
      ];
      cells.forEach((c, i) => {
        const td = document.createElement('td');
        td.textContent = c;
        if (i === 0 && !v.confirmed) td.append(' ', badge());
        tr.append(td);
      });
      tbody.append(tr);
    }
    table.append(thead, tbody);
    wrap.append(table);
    d.append(wrap);
    box.append(d);
  }
}

/** The width the chart will be shown at (its card's content box). */
function chartWidth(id) {
  return $(id).clientWidth || 640;
}

/** Charts are drawn at their shown size: redraw them when the results column changes width. */
function watchChartWidth() {
  let last = 0;
  let pending = false;
  new ResizeObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const w = $('monthly-chart').clientWidth;
      if (!state.report || Math.abs(w - last) < 2) return;
      last = w;
      renderMonthly(state.report);
      renderCashFlow(state.report);
    });
  }).observe($('results'));
}

function renderMonthly(r) {
  const months = t('months');
  const values = r.energy.monthlyKwh;
  $('monthly-chart').replaceChildren(
    barChart({
      values,
      width: chartWidth('monthly-chart'),
      minLabelGap: lang() === 'zh-CN' ? 30 : 26,
      labels: months,
      tick: compact,
      title: (i) => `${months[i]}: ${fmt(values[i])} kWh`,
      ariaLabel: t('monthly.title'),
    }),
  );
}

function renderCashFlow(r) {
  const rows = r.money.byYear;
  const owner = r.assumptions.ownership === 'owner';
  const values = rows.map((y) => (owner ? y.netCashFlowYuan : y.savingsYuan));
  let acc = 0;
  const cumulative = values.map((v) => (acc += v));
  $('cash-chart').replaceChildren(
    barChart({
      values,
      line: cumulative,
      width: chartWidth('cash-chart'),
      labels: rows.map((y) => String(y.year)),
      tick: compact,
      title: (i) =>
        `${t('yearN', { n: rows[i].year })}: ${fmt(values[i])} ${t('unit.yuan')} · ` +
        `${t(owner ? 'cash.cumulative' : 'cash.cumulativeSavings')} ${fmt(cumulative[i])} ${t('unit.yuan')}`,
      ariaLabel: t('cash.title'),
    }),
  );
  const legend = $('cash-legend');
  legend.replaceChildren();
  for (const [cls, key] of [
    ['pos', owner ? 'cash.net' : 'cash.savings'],
    ...(owner ? [['neg', 'cash.investment']] : []),
    ['line', owner ? 'cash.cumulative' : 'cash.cumulativeSavings'],
  ]) {
    const s = document.createElement('span');
    s.innerHTML = `<i class="lg lg-${cls}"></i>`;
    s.append(`${t(key)} (${t('unit.yuan')})`);
    legend.append(s);
  }

  const body = $('cash-body');
  body.replaceChildren();
  let cum = 0;
  for (const y of rows) {
    cum += y.netCashFlowYuan;
    const tr = document.createElement('tr');
    for (const [i, v] of [y.year, y.generationKwh, y.savingsYuan, y.costsYuan, y.netCashFlowYuan, cum].entries()) {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) td.scope = 'row';
      else td.className = 'num-col';
      td.textContent = i === 0 ? String(v) : fmt(v);
      if (i >= 4 && v < 0) td.classList.add('negative');
      tr.append(td);
    }
    body.append(tr);
  }
}

function renderWarnings(r, zh) {
  const ul = $('warnings');
  ul.replaceChildren();
  for (const w of r.warnings) {
    const li = document.createElement('li');
    li.dataset.code = w.code;
    li.textContent = zh ? w.messageZh : w.message;
    ul.append(li);
  }
  $('warnings-card').hidden = r.warnings.length === 0;
}

function renderAssumptions(r) {
  const a = r.assumptions;
  const s = state.scenario;
  const given = {
    lifetimeYears: s.lifetime?.years,
    firstYearDegradationPct: s.lifetime?.firstYearDegradationPct,
    annualDegradationPct: s.lifetime?.annualDegradationPct,
    selfUseSharePct: s.usage?.selfUseSharePct,
    gridPriceYuanKwh: s.tariff?.gridPriceYuanKwh,
    exportPriceYuanKwh: s.tariff?.exportPriceYuanKwh,
    escalationPct: s.tariff?.escalationPct,
    capexYuanPerW: s.ownership?.capexYuanPerW,
    omYuanPerKwpYear: s.ownership?.omYuanPerKwpYear,
    discountRatePct: s.ownership?.discountRatePct,
    roofRentYuanYear: s.ownership?.roofRentYuanYear,
  };
  const items = [
    ['as.capacity', `${fmtMax(a.capacityKwp)} kWp`],
    ['as.method', t(`opt.${a.resourceMethod}`)],
    ['as.years', `${a.lifetimeYears} ${t('u.years')}`, 'lifetimeYears'],
    ['as.firstDeg', `${fmtMax(a.firstYearDegradationPct)} %`, 'firstYearDegradationPct'],
    ['as.annualDeg', `${fmtMax(a.annualDegradationPct)} ${t('u.annualDeg')}`, 'annualDegradationPct'],
    ['as.mode', t(`opt.${a.usageMode}`)],
    ...(a.usageMode === 'fullExport' ? [] : [['as.share', `${fmtMax(a.selfUseSharePct)} %`, 'selfUseSharePct']]),
    ...(a.usageMode === 'fullExport' ? [] : [['as.grid', `${fmtMax(a.gridPriceYuanKwh)} ${t('unit.yuanKwh')}`, 'gridPriceYuanKwh']]),
    ...(a.usageMode === 'fullSelfUse' || a.ownership !== 'owner'
      ? []
      : [['as.export', `${fmtMax(a.exportPriceYuanKwh)} ${t('unit.yuanKwh')}`, 'exportPriceYuanKwh']]),
    ['as.escalation', `${fmtMax(a.escalationPct)} ${t('u.escalation')}`, 'escalationPct'],
    ['as.kind', t(`opt.${a.ownership}`)],
  ];
  if (a.ownership === 'owner') {
    items.push(
      ['as.capex', `${fmtMax(a.capexYuanPerW)} ${t('u.capex')}`, 'capexYuanPerW'],
      ['as.om', `${fmtMax(a.omYuanPerKwpYear)} ${t('u.om')}`, 'omYuanPerKwpYear'],
      ['as.discountRate', `${fmtMax(a.discountRatePct)} ${t('u.discountRate')}`, 'discountRatePct'],
    );
  } else {
    items.push(
      ['as.discountPct', `${fmtMax(a.discountPct)} %`],
      ['as.roofRent', `${fmt(a.roofRentYuanYear)} ${t('u.roofRent')}`, 'roofRentYuanYear'],
    );
  }
  const set = r.emissions.preset ? state.presets.emissionFactors.find((p) => p.id === r.emissions.preset) : null;
  items.push(['as.factors', set ? presetName(set) : t('em.custom'), undefined, 'wide']);

  const dl = $('assumptions');
  dl.replaceChildren();
  for (const [key, value, defKey, cls] of items) {
    const div = document.createElement('div');
    if (cls) div.className = cls;
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (defKey && given[defKey] === undefined) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = t('as.default');
      dd.append(' ', tag);
    }
    div.append(dt, dd);
    dl.append(div);
  }
}

// ---------------------------------------------------------------- examples

function clearForm() {
  for (const input of document.querySelectorAll('#form input:not([type="radio"])')) input.value = '';
  $('method').value = INITIAL.method;
  $('mode').value = INITIAL.mode;
  $(`kind-${INITIAL.kind}`).checked = true;
  $('factorSet').value = state.presets.defaultEmissionFactors;
  $('grid-preset').value = '';
  $('export-preset').value = '';
}

function resetForm() {
  clearForm();
  $('capacity').value = INITIAL.capacity;
  $('hours').value = INITIAL.hours;
  state.example = null;
  renderExampleDesc();
}

function setField(id, v) {
  if (v !== undefined && v !== null) $(id).value = String(v);
}

/** Fills the form from a Scenario (as the presets give it). */
function fillForm(s) {
  clearForm();
  setField('capacity', s.system?.capacityKwp);
  const r = s.resource ?? {};
  $('method').value = r.method ?? 'fullLoadHours';
  setField('hours', r.hours);
  setField('ha', r.horizontalIrradiationKwhM2);
  setField('k', r.k);
  setField('years', s.lifetime?.years);
  setField('firstDeg', s.lifetime?.firstYearDegradationPct);
  setField('annualDeg', s.lifetime?.annualDegradationPct);
  if (s.usage) {
    $('mode').value = s.usage.mode;
    setField('share', s.usage.selfUseSharePct);
  }
  setField('grid', s.tariff?.gridPriceYuanKwh);
  setField('export', s.tariff?.exportPriceYuanKwh);
  setField('escalation', s.tariff?.escalationPct);
  const o = s.ownership ?? { kind: 'owner' };
  $(`kind-${o.kind}`).checked = true;
  setField('capex', o.capexYuanPerW);
  setField('om', o.omYuanPerKwpYear);
  setField('discountRate', o.discountRatePct);
  setField('discountPct', o.discountPct);
  setField('roofRent', o.roofRentYuanYear);
  if (s.emissions?.factors) {
    $('factorSet').value = 'custom';
    for (const k of FACTOR_KEYS) setField(k, s.emissions.factors[k]);
  } else {
    $('factorSet').value = s.emissions?.preset ?? state.presets.defaultEmissionFactors;
  }
}

function loadExample(id) {
  const ex = state.presets.scenarios.find((x) => x.id === id);
  if (!ex) return;
  fillForm(ex.scenario);
  state.example = ex;
  state.exampleEdited = false;
  applyVisibility();
  state.exampleScenario = JSON.stringify(buildScenario().scenario);
  renderExampleDesc();
  recalc();
}

function renderExampleDesc() {
  const ex = state.example;
  $('example-desc').hidden = !ex;
  for (const b of document.querySelectorAll('[data-example]')) {
    b.setAttribute('aria-pressed', String(ex?.id === b.dataset.example));
  }
  if (!ex) return;
  const zh = lang() === 'zh-CN';
  $('example-name').textContent = zh ? ex.nameZh : ex.nameEn;
  $('example-text').textContent = zh ? ex.descriptionZh : ex.descriptionEn;
  $('example-edited').hidden = !state.exampleEdited;
}

// ---------------------------------------------------------------- wiring

function onUserInput(e) {
  const target = e.target;
  if (target.matches('#grid-preset, #export-preset')) {
    const p = state.presets.tariffs.find((x) => x.id === target.value);
    if (p) $(target.dataset.target).value = String(p.valueYuanKwh);
  }
  if (target.id === 'factorSet' && target.value === 'custom') {
    // Start the custom factors from the set that was chosen before, so only the differences need typing.
    const prev = state.presets.emissionFactors.find((p) => p.id === state.report?.emissions.preset);
    if (prev && FACTOR_KEYS.every((k) => $(k).value === '')) {
      for (const k of FACTOR_KEYS) $(k).value = String(prev.factors[k]);
    }
  }
  recalc();
  if (state.example) {
    applyVisibility();
    const edited = JSON.stringify(buildScenario().scenario) !== state.exampleScenario;
    if (edited !== state.exampleEdited) {
      state.exampleEdited = edited;
      renderExampleDesc();
    }
  }
}

function switchLanguage(l) {
  setLang(l);
  try {
    localStorage.setItem('rooftop-pv.lang', lang());
  } catch {
    // storage may be disabled; the choice then lasts for this visit only
  }
  $('lang').value = lang();
  applyStaticText();
  renderErrors();
  renderReport();
}

function initialLanguage() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q) return q === 'en' ? 'en' : 'zh-CN';
  try {
    return localStorage.getItem('rooftop-pv.lang') ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

async function main() {
  setLang(initialLanguage());
  $('lang').value = lang();
  try {
    await init();
  } catch (err) {
    $('loading').hidden = true;
    const box = $('general-error');
    box.textContent = t('res.engineError', { msg: String(err) });
    box.hidden = false;
    throw err;
  }
  state.presets = presets();
  // The core's defaults, read from a report of a minimal scenario of each ownership kind.
  const base = { system: { capacityKwp: 1 }, resource: { method: 'fullLoadHours', hours: 1000 } };
  state.defaults = {
    ...calculate({ ...base, ownership: { kind: 'thirdParty', discountPct: 0 } }).assumptions,
    ...calculate(base).assumptions,
  };

  fillFactorSetOptions();
  fillTariffOptions();
  resetForm();
  applyStaticText();
  recalc();

  const form = $('form');
  form.addEventListener('input', onUserInput);
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const b of document.querySelectorAll('[data-example]')) {
    b.addEventListener('click', () => loadExample(b.dataset.example));
  }
  $('reset').addEventListener('click', () => {
    resetForm();
    recalc();
  });
  $('example-close').addEventListener('click', () => {
    state.example = null;
    renderExampleDesc();
  });
  $('lang').addEventListener('change', () => switchLanguage($('lang').value));
  $('print').addEventListener('click', () => window.print());
  watchChartWidth();
  document.body.dataset.ready = 'true';
}

main();
