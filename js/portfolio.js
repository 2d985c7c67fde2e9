// Portfolios of roofs (整县推进: a county's schools, factories, village roofs): a table with one roof a
// row → one scenario a row → one result row, and totals (kWh, kWp, investment, savings, coal, CO₂)
// overall and by any column (a township). Each row's problems are named by row and column while the
// other rows still compute. Plain JavaScript over the package's `calculate`: reading a table, mapping
// its cells to a scenario and summing results are no work for the WebAssembly core (and no bytes in
// it); the Node CLI (cli.mjs) and the page run the rows in worker pools and merge their parts with
// `mergePortfolios`.

import { ScenarioError, checkCount } from './api.js';

/** A table file larger than this is refused before it is read [bytes]. */
export const MAX_TABLE_BYTES = 25 * 1024 * 1024;

const number = 'number';
const text = 'text';

/** The columns a roof table may have: key, Chinese and English header, kind, and for choices the
 * scenario value with its Chinese spellings. Headers match ignoring case, spaces, brackets and units. */
export const ROOF_COLUMNS = [
  { key: 'name', zh: '名称', en: 'name', kind: text, example: ['第一中学', '机械厂', '村委会'] },
  { key: 'township', zh: '乡镇', en: 'township', kind: text, example: ['城关镇', '城关镇', '下团堡乡'] },
  { key: 'stationId', zh: '气象站', en: 'station', kind: text, example: ['534870', '大同', ''] },
  { key: 'latitude', zh: '纬度', en: 'latitude', kind: number, example: ['', '', '39.33'] },
  { key: 'longitude', zh: '经度', en: 'longitude', kind: number, example: ['', '', '112.43'] },
  { key: 'capacityKwp', zh: '装机容量(kWp)', en: 'capacityKwp', kind: number, example: ['200', '', ''] },
  {
    key: 'roofType', zh: '屋顶类型', en: 'roofType', kind: 'choice', example: ['', '彩钢瓦', '混凝土平屋面'],
    choices: { colorSteel: ['彩钢瓦', '彩钢'], concreteFlat: ['混凝土平屋面', '混凝土', '平屋面'], tile: ['瓦屋面', '瓦'] },
  },
  { key: 'roofAreaM2', zh: '屋顶面积(m²)', en: 'roofAreaM2', kind: number, example: ['', '4000', '1200'] },
  { key: 'tiltDeg', zh: '倾角(°)', en: 'tiltDeg', kind: number, example: ['20', '', ''] },
  { key: 'azimuthDeg', zh: '方位角(°)', en: 'azimuthDeg', kind: number, example: ['180', '', ''] },
  { key: 'fullLoadHours', zh: '利用小时数(h)', en: 'fullLoadHours', kind: number, example: ['', '', ''] },
  {
    key: 'usageMode', zh: '消纳模式', en: 'usageMode', kind: 'choice', example: ['全额上网', '自发自用余电上网', '全部自发自用'],
    choices: {
      fullExport: ['全额上网'],
      selfUseSurplus: ['自发自用余电上网', '自发自用、余电上网', '自发自用'],
      fullSelfUse: ['全部自发自用', '全部自用'],
    },
  },
  { key: 'selfUseSharePct', zh: '自用比例(%)', en: 'selfUseSharePct', kind: number, example: ['', '70', ''] },
  { key: 'annualLoadKwh', zh: '年用电量(kWh)', en: 'annualLoadKwh', kind: number, example: ['', '', '300000'] },
  {
    key: 'loadProfile', zh: '负荷类型', en: 'loadProfile', kind: 'choice', example: ['', '', '商业'],
    choices: {
      factoryOneShift: ['单班制工厂', '单班'],
      factoryTwoShift: ['两班制工厂', '两班'],
      factoryThreeShift: ['三班制工厂', '三班'],
      commercial: ['商业', '商业楼宇'],
      household: ['居民', '户用'],
    },
  },
  { key: 'gridPriceYuanKwh', zh: '电价(元/kWh)', en: 'gridPriceYuanKwh', kind: number, example: ['0.55', '0.55', ''] },
  { key: 'timeOfUsePreset', zh: '分时电价', en: 'timeOfUsePreset', kind: text, example: ['', '', 'shanxi-ci-2026'] },
  {
    key: 'ownership', zh: '投资模式', en: 'ownership', kind: 'choice', example: ['自投', '合同能源管理', '自投'],
    choices: { owner: ['自投', '业主自投'], thirdParty: ['合同能源管理', 'emc'] },
  },
  { key: 'discountPct', zh: '电价折扣(%)', en: 'discountPct', kind: number, example: ['', '15', ''] },
  { key: 'capexYuanPerW', zh: '单位造价(元/W)', en: 'capexYuanPerW', kind: number, example: ['3.0', '', ''] },
  { key: 'province', zh: '省份', en: 'province', kind: text, example: ['shanxi', 'shanxi', 'shanxi'] },
  { key: 'emissionsPreset', zh: '排放因子', en: 'emissionsPreset', kind: text, example: ['', '', ''] },
];

/** The scenario paths of the core's errors and the column each comes from (the longest prefix wins). */
const FIELD_COLUMNS = [
  ['site.latitude', 'latitude'], ['site.longitude', 'longitude'], ['site', 'latitude'],
  ['system.capacityKwp', 'capacityKwp'], ['system.roof.type', 'roofType'], ['system.roof.tiltDeg', 'tiltDeg'],
  ['system.roof.azimuthDeg', 'azimuthDeg'], ['system.roof', 'roofAreaM2'], ['system.planes', 'tiltDeg'],
  ['system.planes[0].azimuthDeg', 'azimuthDeg'], ['system', 'capacityKwp'],
  ['resource.hours', 'fullLoadHours'], ['resource.stationId', 'stationId'], ['resource', 'stationId'],
  ['usage.mode', 'usageMode'], ['usage.selfUseSharePct', 'selfUseSharePct'], ['usage.load.annualKwh', 'annualLoadKwh'],
  ['usage.load', 'loadProfile'], ['usage', 'usageMode'],
  ['tariff.gridPriceYuanKwh', 'gridPriceYuanKwh'], ['tariff.timeOfUsePreset', 'timeOfUsePreset'], ['tariff', 'gridPriceYuanKwh'],
  ['ownership.kind', 'ownership'], ['ownership.discountPct', 'discountPct'], ['ownership.capexYuanPerW', 'capexYuanPerW'],
  ['ownership.investor.capexYuanPerW', 'capexYuanPerW'], ['ownership', 'ownership'],
  ['project.province', 'province'], ['project', 'province'], ['emissions', 'emissionsPreset'],
].sort((a, b) => b[0].length - a[0].length);

/** The sums of a portfolio, overall and per group. */
const TOTAL_KEYS = ['capacityKwp', 'annualKwh', 'selfUsedKwh', 'exportedKwh', 'investmentYuan', 'firstYearSavingsYuan',
  'lifetimeSavingsYuan', 'coalT', 'co2T'];

/** A cell as text: strings, numbers, booleans and dates as such; anything else (a spreadsheet
 * reader gives no other kinds) as empty. */
const str = (v) => (typeof v === 'string' ? v : ['number', 'bigint', 'boolean'].includes(typeof v) ? String(v)
  : v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : '');

/** A header as compared: lower case without spaces, brackets, units' punctuation; ² as 2. */
const fold = (h) => str(h).replace(/^\uFEFF/, '').toLowerCase().replace(/²/g, '2')
  .replace(/[\s()（）[\]【】{}/%°·:：_-]/g, '');

const byHeader = new Map();
for (const c of ROOF_COLUMNS) {
  for (const h of [c.key, c.zh, c.en]) byHeader.set(fold(h), c);
}

const tableError = (code, field, en, zh) => new ScenarioError(code, field, en, zh);

/** Cells of a CSV text (RFC 4180: quotes, doubled quotes, CRLF or LF; comma, semicolon or tab as
 * the header line has most of). A table is a few columns of plain cells: this parser is the whole
 * need, not worth a dependency. */
export function parseCsv(source) {
  const s = source.replace(/^\uFEFF/, '');
  const firstLine = s.slice(0, s.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best, ',');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/**
 * Reads a roof table: CSV text (or its bytes, UTF-8), or rows of cells with the header first (as a
 * spreadsheet reader gives them). Refuses a file above `MAX_TABLE_BYTES` before reading it, a table
 * without the required columns, and names every duplicate name; cells are checked per row later.
 * @returns {{ columns: { header: string, key: string | null }[], rows: { row: number, cells: unknown[] }[],
 *   errors: RowError[] }}
 */
export function readRoofTable(input, options = {}) {
  const maxBytes = options.maxBytes ?? MAX_TABLE_BYTES;
  let cells;
  if (Array.isArray(input)) {
    if (!input.every(Array.isArray)) {
      throw tableError('invalid_type', 'table', 'rows of cells must be arrays (the header first)', '单元格行须为数组（第一行为列名）');
    }
    cells = input.filter((r) => r.some((c) => str(c).trim() !== ''));
  } else {
    const bytes = typeof input === 'string' ? input.length : input?.byteLength;
    if (typeof bytes !== 'number') {
      throw tableError('invalid_type', 'table', 'the roof table must be CSV text, its bytes, or rows of cells',
        '屋顶表须为 CSV 文本、其字节或单元格行');
    }
    if (bytes > maxBytes) {
      const mb = (n) => (n / 1024 / 1024).toFixed(1);
      throw tableError('table_too_large', 'table',
        `the roof table is ${mb(bytes)} MB, above the limit of ${mb(maxBytes)} MB: split it into several files`,
        `屋顶表大小为 ${mb(bytes)} MB，超过 ${mb(maxBytes)} MB 的上限：请拆分为多个文件`);
    }
    const source = typeof input === 'string' ? input : new TextDecoder().decode(input);
    cells = parseCsv(source);
  }
  if (cells.length === 0) {
    throw tableError('table_format', 'table', 'the roof table is empty: the first row must name the columns',
      '屋顶表为空：第一行须为列名');
  }
  const columns = cells[0].map((h) => ({ header: str(h).trim(), key: byHeader.get(fold(h))?.key ?? null }));
  const has = (k) => columns.some((c) => c.key === k);
  const missing = [];
  if (!has('name')) missing.push(['name', '名称']);
  if (!has('capacityKwp') && !has('roofAreaM2')) missing.push(['capacityKwp or roofAreaM2', '装机容量(kWp) 或 屋顶面积(m²)']);
  if (!has('stationId') && !(has('latitude') && has('longitude')) && !has('fullLoadHours')) {
    missing.push(['station, or latitude and longitude, or fullLoadHours', '气象站，或 纬度 与 经度，或 利用小时数']);
  }
  if (missing.length) {
    throw tableError('missing_field', missing[0][0],
      `the roof table lacks required columns: ${missing.map((m) => m[0]).join('; ')} (see the template)`,
      `屋顶表缺少必需的列：${missing.map((m) => m[1]).join('；')}（请参照模板）`);
  }
  const nameAt = columns.findIndex((c) => c.key === 'name');
  const seen = new Map();
  const errors = [];
  const rows = [];
  cells.slice(1).forEach((r, i) => {
    const row = i + 2; // the file's line (the header is line 1)
    rows.push({ row, cells: r });
    const name = str(r[nameAt]).trim();
    if (name && seen.has(name)) {
      errors.push({ row, column: columns[nameAt].header, code: 'conflict',
        message: `duplicate name "${name}" (first in row ${seen.get(name)}): names must be unique`,
        messageZh: `名称“${name}”重复（首次出现在第 ${seen.get(name)} 行）：名称须唯一` });
    } else if (name) seen.set(name, row);
  });
  return { columns, rows, errors };
}

/** One row's error: the file's row number, the column header, the code and messages. */
const rowError = (row, column, code, message, messageZh) => ({ row, column, code, message, messageZh });

/** The value of a cell of column `c` from `raw`, or throws a row error. */
function cellValue(c, raw, row, header) {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') {
    if (c.kind === number) {
      if (!Number.isFinite(raw)) throw rowError(row, header, 'not_finite', `${header}: not a finite number`, `${header}：不是有限数值`);
      return raw;
    }
    return String(raw);
  }
  const s = str(raw).trim();
  if (s === '') return undefined;
  if (c.kind === number) {
    const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
    const v = Number(plain);
    if (plain === '' || !Number.isFinite(v)) {
      throw rowError(row, header, 'invalid_type', `${header}: "${s}" is not a number`, `${header}：“${s}”不是数值`);
    }
    return v;
  }
  if (c.kind === 'choice') {
    const f = fold(s);
    for (const [value, spellings] of Object.entries(c.choices)) {
      if (fold(value) === f || spellings.some((x) => fold(x) === f)) return value;
    }
    const all = Object.entries(c.choices).map(([v, z]) => `${v} (${z[0]})`).join(', ');
    throw rowError(row, header, 'unknown_variant', `${header}: "${s}" is not one of ${all}`,
      `${header}：“${s}”不是可选值之一：${all}`);
  }
  return s;
}

/** Memoised station look-ups, shared by the rows of a table. */
function stationFinder(core) {
  const byText = new Map();
  const byPlace = new Map();
  return {
    byText(q) {
      if (!byText.has(q)) {
        byText.set(q, /^\d{6}$/.test(q) ? q : core.findStations(q)[0]?.id ?? null);
      }
      return byText.get(q);
    },
    near(lat, lon) {
      const k = `${lat},${lon}`;
      if (!byPlace.has(k)) byPlace.set(k, core.nearestStation(lat, lon)?.station.id ?? null);
      return byPlace.get(k);
    },
  };
}

/** A row's values by column key, and the extra columns by header. */
function rowValues(table, r) {
  const values = {};
  const extra = {};
  table.columns.forEach((col, i) => {
    const c = ROOF_COLUMNS.find((x) => x.key === col.key);
    if (c) {
      const v = cellValue(c, r.cells[i], r.row, col.header);
      if (v !== undefined) values[c.key] = v;
    } else if (col.header) extra[col.header] = str(r.cells[i]);
  });
  return { values, extra };
}

/** The scenario of one row's values (`base`: a partial scenario every row starts from). */
function rowScenario(v, row, header, stations) {
  const s = {};
  if (v.latitude !== undefined || v.longitude !== undefined) {
    if (v.latitude === undefined || v.longitude === undefined) {
      const k = v.latitude === undefined ? 'latitude' : 'longitude';
      throw rowError(row, header(k), 'missing_field', 'latitude and longitude go together', '纬度与经度须同时给出');
    }
    s.site = { latitude: v.latitude, longitude: v.longitude };
  }
  if (v.roofAreaM2 !== undefined) {
    if (v.capacityKwp !== undefined) {
      throw rowError(row, header('roofAreaM2'), 'conflict', 'give the capacity or the roof area, not both',
        '装机容量与屋顶面积只能给出其一');
    }
    if (v.roofType === undefined) {
      throw rowError(row, header('roofType'), 'missing_field', 'a roof area needs its roof type', '给出屋顶面积时须给出屋顶类型');
    }
    s.system = { roof: { type: v.roofType, areaM2: v.roofAreaM2 } };
    if (v.tiltDeg !== undefined) s.system.roof.tiltDeg = v.tiltDeg;
    if (v.azimuthDeg !== undefined) s.system.roof.azimuthDeg = v.azimuthDeg;
  } else if (v.capacityKwp !== undefined) {
    s.system = { capacityKwp: v.capacityKwp };
    if (v.tiltDeg !== undefined || v.azimuthDeg !== undefined) {
      s.system.planes = [{ tiltDeg: v.tiltDeg ?? 20, azimuthDeg: v.azimuthDeg ?? 180, shareOfCapacity: 1 }];
    }
  } else {
    throw rowError(row, header('capacityKwp'), 'missing_field', 'the capacity or the roof area (with its type) is required',
      '须给出装机容量，或屋顶面积及屋顶类型');
  }
  if (v.fullLoadHours !== undefined) s.resource = { method: 'fullLoadHours', hours: v.fullLoadHours };
  else {
    let id = null;
    if (v.stationId !== undefined) {
      id = stations.byText(v.stationId);
      if (!id) {
        throw rowError(row, header('stationId'), 'unknown_station', `no built-in station matches "${v.stationId}"`,
          `没有与“${v.stationId}”匹配的内置气象站`);
      }
    } else if (s.site) id = stations.near(s.site.latitude, s.site.longitude);
    if (!id) {
      throw rowError(row, header('stationId'), 'missing_field', 'a station, coordinates or full-load hours are required',
        '须给出气象站、经纬度或利用小时数');
    }
    s.resource = { method: 'station', stationId: id };
  }
  const usage = {};
  if (v.usageMode !== undefined) usage.mode = v.usageMode;
  if (v.selfUseSharePct !== undefined) usage.selfUseSharePct = v.selfUseSharePct;
  if (v.annualLoadKwh !== undefined) {
    usage.load = { kind: 'typical', profile: v.loadProfile ?? 'factoryTwoShift', annualKwh: v.annualLoadKwh };
  }
  if (Object.keys(usage).length) s.usage = { mode: 'selfUseSurplus', ...usage };
  const tariff = {};
  if (v.gridPriceYuanKwh !== undefined) tariff.gridPriceYuanKwh = v.gridPriceYuanKwh;
  if (v.timeOfUsePreset !== undefined) tariff.timeOfUsePreset = v.timeOfUsePreset;
  if (Object.keys(tariff).length) s.tariff = tariff;
  if (v.ownership === 'thirdParty' || v.discountPct !== undefined) {
    s.ownership = { kind: 'thirdParty', discountPct: v.discountPct ?? 10 };
    if (v.ownership === 'owner') {
      throw rowError(row, header('discountPct'), 'conflict', 'a discount applies to third-party ownership (合同能源管理) only',
        '电价折扣仅适用于合同能源管理');
    }
    if (v.capexYuanPerW !== undefined) s.ownership.investor = { capexYuanPerW: v.capexYuanPerW };
  } else if (v.ownership === 'owner' || v.capexYuanPerW !== undefined) {
    s.ownership = { kind: 'owner' };
    if (v.capexYuanPerW !== undefined) s.ownership.capexYuanPerW = v.capexYuanPerW;
  }
  if (v.province !== undefined) s.project = { province: v.province };
  if (v.emissionsPreset !== undefined) s.emissions = { preset: v.emissionsPreset };
  return s;
}

/** The column header a scenario path comes from. */
function columnOf(field, header) {
  const hit = FIELD_COLUMNS.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`));
  return hit ? header(hit[1]) : '';
}

/** The result row of a report. */
function resultRow(row, name, extra, report) {
  const m = report.money;
  return {
    row,
    name,
    ...extra,
    stationId: report.station?.station.id ?? '',
    capacityKwp: report.assumptions.capacityKwp,
    modules: report.sizing?.modules ?? null,
    tiltDeg: report.assumptions.layout?.planes?.[0]?.tiltDeg ?? report.sizing?.tiltDeg ?? null,
    annualKwh: report.energy.annualKwh,
    specificYieldKwhPerKwp: report.energy.specificYieldKwhPerKwp,
    selfUsedKwh: report.usage.selfUsedKwh,
    exportedKwh: report.usage.exportedKwh,
    investmentYuan: m.investmentYuan ?? m.investor?.investmentYuan ?? 0,
    firstYearSavingsYuan: m.firstYearSavingsYuan,
    lifetimeSavingsYuan: m.lifetimeSavingsYuan,
    npvYuan: m.npvYuan ?? m.investor?.npvYuan ?? null,
    irrPct: m.irrPct ?? m.investor?.irrPct ?? null,
    paybackYears: m.paybackYears ?? null,
    coalT: report.emissions.annual.coalT,
    co2T: report.emissions.annual.co2T,
    warnings: report.warnings.length,
  };
}

const zeroTotals = () => Object.fromEntries([['roofs', 0], ...TOTAL_KEYS.map((k) => [k, 0])]);
function addTo(t, r) {
  t.roofs += 1;
  for (const k of TOTAL_KEYS) t[k] += r[k];
}

/** Totals of result rows, overall and by the value of column `groupBy` (a header or a key). */
export function summarizePortfolio(results, groupBy) {
  const totals = zeroTotals();
  const groups = new Map();
  for (const r of results) {
    addTo(totals, r);
    if (groupBy) {
      const key = str(r[groupBy]);
      if (!groups.has(key)) groups.set(key, zeroTotals());
      addTo(groups.get(key), r);
    }
  }
  return { totals, groups: [...groups].map(([group, t]) => ({ group, ...t })) };
}

/** The grouping column: the one asked for (by header or key), else the township column if any. */
function groupColumn(table, groupBy) {
  const headerOf = (k) => table.columns.find((c) => c.key === k)?.header;
  if (groupBy) {
    const col = table.columns.find((c) => c.header === groupBy || c.key === groupBy);
    if (!col) {
      throw tableError('missing_field', 'groupBy', `groupBy: the table has no column "${groupBy}"`, `groupBy：表中没有“${groupBy}”列`);
    }
    return col.key && col.key !== 'name' ? col.key : col.header;
  }
  return headerOf('township') ? 'township' : undefined;
}

/**
 * Calculates every roof of a table (see {@link readRoofTable}; CSV text or rows of cells are read
 * first) with `core.calculate`: result rows, the rows' errors by row and column, totals and groups.
 * `options.onProgress(done, total)` is called every `options.progressEvery` rows (default 100).
 */
export function portfolioWith(core, input, options = {}) {
  const table = isRead(input) ? input : readRoofTable(input, options);
  const groupBy = groupColumn(table, options.groupBy);
  const headerOf = (k) => table.columns.find((c) => c.key === k)?.header ?? k;
  const errors = [...(table.errors ?? [])];
  const skip = new Set(errors.map((e) => e.row));
  const stations = stationFinder(core);
  const results = [];
  const every = options.progressEvery ?? 100;
  const total = table.rows.length;
  table.rows.forEach((r, i) => {
    if (options.onProgress && i % every === 0) options.onProgress(i, total);
    if (skip.has(r.row)) return;
    let name = '';
    try {
      const { values, extra } = rowValues(table, r);
      name = values.name ?? '';
      if (!name) throw rowError(r.row, headerOf('name'), 'missing_field', 'every roof needs a name', '每个屋顶都须有名称');
      const scenario = rowScenario(values, r.row, headerOf, stations);
      const forRow = { ...extra };
      if (values.township !== undefined) forRow.township = values.township;
      if (groupBy && !(groupBy in forRow)) forRow[groupBy] = values[groupBy] ?? '';
      try {
        results.push(resultRow(r.row, name, forRow, core.calculate(scenario)));
      } catch (e) {
        if (!(e instanceof Error && e.name === 'ScenarioError')) throw e;
        throw rowError(r.row, columnOf(e.field, headerOf), e.code, e.message, e.messageZh);
      }
    } catch (e) {
      if (e && typeof e.row === 'number') errors.push({ ...e, name });
      else throw e;
    }
  });
  if (options.onProgress) options.onProgress(total, total);
  errors.sort((a, b) => a.row - b.row);
  return { results, errors, groupBy: groupBy ?? null, ...summarizePortfolio(results, groupBy) };
}

/** One portfolio from the parts that workers computed over slices of one table. */
export function mergePortfolios(parts) {
  const results = parts.flatMap((p) => p.results).sort((a, b) => a.row - b.row);
  const errors = parts.flatMap((p) => p.errors).sort((a, b) => a.row - b.row);
  const groupBy = parts.find((p) => p.groupBy)?.groupBy ?? null;
  return { results, errors, groupBy, ...summarizePortfolio(results, groupBy ?? undefined) };
}

/** A slice of a table's rows (for a worker), keeping the header and the duplicate-name errors. */
export function sliceRoofTable(table, start, end) {
  const rows = table.rows.slice(start, end);
  const first = rows[0]?.row ?? 0;
  const last = rows.at(-1)?.row ?? -1;
  return { columns: table.columns, rows, errors: table.errors.filter((e) => e.row >= first && e.row <= last) };
}

const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(Math.round(v * 1e4) / 1e4) : str(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvText = (rows) => `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** The template of a roof table in Chinese (`zh`, default) or English: the header and three examples. */
export function roofTableTemplate(lang = 'zh') {
  const header = ROOF_COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh));
  const examples = [0, 1, 2].map((i) => ROOF_COLUMNS.map((c) => {
    const v = c.example[i];
    if (lang !== 'en' || !c.choices || !v) return v;
    return Object.entries(c.choices).find(([, z]) => z.includes(v))?.[0] ?? v;
  }));
  if (lang === 'en') {
    const names = ['No. 1 Middle School', 'Machinery plant', 'Village committee'];
    const towns = ['Chengguan', 'Chengguan', 'Xiatuanbao'];
    examples.forEach((r, i) => {
      r[0] = names[i];
      r[1] = towns[i];
      if (r[2] === '大同') r[2] = 'Datong';
    });
  }
  return csvText([header, ...examples]);
}

const RESULT_COLUMNS = [
  ['row', '行号'], ['name', '名称'], ['stationId', '气象站'], ['capacityKwp', '装机容量(kWp)'], ['modules', '组件数'],
  ['tiltDeg', '倾角(°)'], ['annualKwh', '首年发电量(kWh)'], ['specificYieldKwhPerKwp', '等效利用小时数(h)'],
  ['selfUsedKwh', '自用电量(kWh)'], ['exportedKwh', '上网电量(kWh)'], ['investmentYuan', '投资(元)'],
  ['firstYearSavingsYuan', '首年收益(元)'], ['lifetimeSavingsYuan', '全生命周期收益(元)'], ['npvYuan', '净现值(元)'],
  ['irrPct', '内部收益率(%)'], ['paybackYears', '回收期(年)'], ['coalT', '节约标煤(t/年)'], ['co2T', '减排CO₂(t/年)'],
  ['warnings', '提示数'],
];

/** CSV files (UTF-8 with BOM, for Excel) of a portfolio: `results` (one row a roof, then the rows
 * in error), and `totals` (overall and by group), headers in Chinese (`zh`, default) or English. */
export function portfolioCsv(portfolio, lang = 'zh') {
  const head = (pair) => (lang === 'en' ? pair[0] : pair[1]);
  const extra = [...new Set(portfolio.results.flatMap((r) => Object.keys(r)))]
    .filter((k) => !RESULT_COLUMNS.some(([c]) => c === k));
  const resultRows = [
    [...RESULT_COLUMNS.map(head), ...extra, lang === 'en' ? 'error' : '错误'],
    ...portfolio.results.map((r) => [...RESULT_COLUMNS.map(([k]) => r[k]), ...extra.map((k) => r[k]), '']),
    ...portfolio.errors.map((e) => [e.row, e.name ?? '', ...RESULT_COLUMNS.slice(2).map(() => ''), ...extra.map(() => ''),
      `${e.column ? `${e.column}: ` : ''}${lang === 'en' ? e.message : e.messageZh} [${e.code}]`]),
  ];
  const totalColumns = [['group', '分组'], ['roofs', '屋顶数'], ['capacityKwp', '装机容量(kWp)'], ['annualKwh', '首年发电量(kWh)'],
    ['selfUsedKwh', '自用电量(kWh)'], ['exportedKwh', '上网电量(kWh)'], ['investmentYuan', '投资(元)'],
    ['firstYearSavingsYuan', '首年收益(元)'], ['lifetimeSavingsYuan', '全生命周期收益(元)'], ['coalT', '节约标煤(t/年)'],
    ['co2T', '减排CO₂(t/年)']];
  const all = lang === 'en' ? 'all' : '合计';
  const totals = [
    totalColumns.map(head),
    [all, ...totalColumns.slice(1).map(([k]) => portfolio.totals[k])],
    ...portfolio.groups.map((g) => totalColumns.map(([k]) => g[k])),
  ];
  return { results: csvText(resultRows), totals: csvText(totals) };
}

const kindOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v);
function check(name, field, ok, v, what, whatZh) {
  if (ok(v)) return;
  throw new ScenarioError('invalid_type', field, `${name}(): ${field} must be ${what}, got ${kindOf(v)}`,
    `${name}()：${field} 须为${whatZh}，实际为 ${kindOf(v)}`);
}
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A table as readRoofTable() returns it. */
const isRead = (v) => isObject(v) && Array.isArray(v.columns) && Array.isArray(v.rows) && Array.isArray(v.errors)
  && v.columns.every((c) => isObject(c) && typeof c.header === 'string' && (c.key === null || typeof c.key === 'string'))
  && v.rows.every((r) => isObject(r) && Number.isInteger(r.row) && Array.isArray(r.cells))
  && v.errors.every((e) => isObject(e) && Number.isInteger(e.row));
const isTable = (v) => typeof v === 'string' || v instanceof Uint8Array || v instanceof ArrayBuffer || Array.isArray(v) || isRead(v);
const isOptions = (v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));
const isLang = (v) => v === undefined || typeof v === 'string';
const isPortfolio = (v) => isObject(v) && Array.isArray(v.results) && Array.isArray(v.errors)
  && v.results.every((r) => isObject(r) && Number.isInteger(r.row) && TOTAL_KEYS.every((k) => Number.isFinite(r[k])))
  && v.errors.every((e) => isObject(e) && Number.isInteger(e.row));
const isSummed = (v) => isPortfolio(v) && isObject(v.totals) && Array.isArray(v.groups) && v.groups.every(isObject);
function checkLang(name, lang) {
  check(name, 'lang', isLang, lang, "'zh' or 'en'", "'zh' 或 'en'");
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') {
    throw new ScenarioError('unknown_variant', 'lang', `${name}(): lang must be 'zh' or 'en', got '${lang}'`,
      `${name}()：lang 须为 'zh' 或 'en'，实际为 '${lang}'`);
  }
}
const TABLE = ['CSV text, its bytes, rows of cells or a table from readRoofTable()', 'CSV 文本、其字节、单元格行或 readRoofTable() 的结果'];

/** The portfolio functions of the package over its bound core (`calculate`, `findStations`,
 * `nearestStation`), each checking its arguments as the core's functions do. */
export function bindPortfolio(core) {
  return {
    calculatePortfolio(...args) {
      checkCount('calculatePortfolio', args, 1, 2);
      check('calculatePortfolio', 'table', isTable, args[0], ...TABLE);
      check('calculatePortfolio', 'options', isOptions, args[1], 'an object or undefined', '对象或 undefined');
      return portfolioWith(core, args[0], args[1] ?? {});
    },
    readRoofTable(...args) {
      checkCount('readRoofTable', args, 1, 2);
      check('readRoofTable', 'table', (v) => isTable(v) && !isRead(v), args[0], ...TABLE);
      check('readRoofTable', 'options', isOptions, args[1], 'an object or undefined', '对象或 undefined');
      return readRoofTable(args[0], args[1] ?? {});
    },
    sliceRoofTable(...args) {
      checkCount('sliceRoofTable', args, 3, 3);
      check('sliceRoofTable', 'table', isRead, args[0], 'a table from readRoofTable()', 'readRoofTable() 的结果');
      check('sliceRoofTable', 'start', Number.isInteger, args[1], 'an integer', '整数');
      check('sliceRoofTable', 'end', Number.isInteger, args[2], 'an integer', '整数');
      return sliceRoofTable(args[0], args[1], args[2]);
    },
    mergePortfolios(...args) {
      checkCount('mergePortfolios', args, 1, 1);
      check('mergePortfolios', 'parts', (v) => Array.isArray(v) && v.every(isPortfolio), args[0],
        'an array of calculatePortfolio() results', 'calculatePortfolio() 结果的数组');
      return mergePortfolios(args[0]);
    },
    roofTableTemplate(...args) {
      checkCount('roofTableTemplate', args, 0, 1);
      checkLang('roofTableTemplate', args[0]);
      return roofTableTemplate(args[0]);
    },
    portfolioCsv(...args) {
      checkCount('portfolioCsv', args, 1, 2);
      check('portfolioCsv', 'portfolio', isSummed, args[0], 'a calculatePortfolio() result', 'calculatePortfolio() 的结果');
      checkLang('portfolioCsv', args[1]);
      return portfolioCsv(args[0], args[1]);
    },
  };
}
