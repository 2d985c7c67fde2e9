// A generated county (整县推进) roof table for tests and benchmarks: schools, factories, village
// roofs in 12 townships on the built-in stations of northern Shanxi, by capacity or by roof area and
// type, every usage mode and both ownerships, reproducible from a seed. As rows of cells, CSV or a
// minimal .xlsx (the five parts a reader needs, zipped with fflate 0.8.3).
//   node scripts/roofs.mjs N out.csv|out.xlsx [seed]
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';

export const HEADER = ['名称', '乡镇', '气象站', '装机容量(kWp)', '屋顶类型', '屋顶面积(m²)', '倾角(°)', '消纳模式',
  '自用比例(%)', '电价(元/kWh)', '投资模式', '电价折扣(%)'];
const TOWNS = ['城关镇', '下团堡乡', '南榆林乡', '贾庄乡', '滋润乡', '沙塄河乡', '神头镇', '利民镇', '窑子头乡', '北旺庄', '张蔡庄乡', '阳方口镇'];
const STATIONS = ['534870', '536730', '537720', '538630'];
const KINDS = ['学校', '厂房', '村委会', '卫生院', '仓库', '车间'];
const MODES = ['全额上网', '自发自用余电上网', '全部自发自用'];

/** mulberry32: a small seeded generator [0, 1). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` roofs as rows of cells, the header first. */
export function generateRoofs(n, seed = 14) {
  const r = random(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const rows = [HEADER];
  for (let i = 0; i < n; i++) {
    const byArea = r() < 0.5;
    const mode = pick(MODES);
    const emc = r() < 0.3;
    rows.push([
      `${pick(KINDS)}${String(i + 1).padStart(6, '0')}`,
      pick(TOWNS),
      pick(STATIONS),
      byArea ? '' : String(Math.round(20 + r() * 980)),
      byArea ? pick(['彩钢瓦', '混凝土平屋面', '瓦屋面']) : '',
      byArea ? String(Math.round(300 + r() * 9700)) : '',
      byArea ? '' : String(Math.round(5 + r() * 25)),
      mode,
      mode === '自发自用余电上网' ? String(Math.round(40 + r() * 55)) : '',
      String((0.45 + r() * 0.25).toFixed(3)),
      emc ? '合同能源管理' : '自投',
      emc ? String(Math.round(5 + r() * 20)) : '',
    ]);
  }
  return rows;
}

const ROOF_TYPES = { 彩钢瓦: 'colorSteel', 混凝土平屋面: 'concreteFlat', 瓦屋面: 'tile' };
const USAGE_MODES = { 全额上网: 'fullExport', 自发自用余电上网: 'selfUseSurplus', 全部自发自用: 'fullSelfUse' };

/** The scenario of a generated row, written out here from the generator's own meaning of its cells
 * (independent of the package's table reader): what a single calculate() call gets. */
export function scenarioOf(row) {
  const [, , station, kwp, type, area, tilt, mode, share, price, ownership, discount] = row;
  const system = kwp
    ? { capacityKwp: Number(kwp), planes: [{ tiltDeg: Number(tilt), azimuthDeg: 180, shareOfCapacity: 1 }] }
    : { roof: { type: ROOF_TYPES[type], areaM2: Number(area) } };
  const usage = { mode: USAGE_MODES[mode] };
  if (share) usage.selfUseSharePct = Number(share);
  return {
    system,
    resource: { method: 'station', stationId: station },
    usage,
    tariff: { gridPriceYuanKwh: Number(price) },
    ownership: ownership === '合同能源管理' ? { kind: 'thirdParty', discountPct: Number(discount) } : { kind: 'owner' },
  };
}

/** Totals of single `calculate` calls on the generated `rows` (no header), the reference that the
 * portfolio's totals must equal: kWp, kWh, investment, year-1 savings, coal and CO₂ of year 1. */
export function singleCallTotals(calculate, rows) {
  const sums = { capacityKwp: 0, annualKwh: 0, investmentYuan: 0, firstYearSavingsYuan: 0, coalT: 0, co2T: 0 };
  for (const row of rows) {
    const r = calculate(scenarioOf(row));
    sums.capacityKwp += r.assumptions.capacityKwp;
    sums.annualKwh += r.energy.annualKwh;
    sums.investmentYuan += r.money.investmentYuan ?? r.money.investor.investmentYuan;
    sums.firstYearSavingsYuan += r.money.firstYearSavingsYuan;
    sums.coalT += r.emissions.annual.coalT;
    sums.co2T += r.emissions.annual.co2T;
  }
  return sums;
}

const csvCell = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const toCsv = (rows) => `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (i) => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** The rows as an .xlsx: numbers as numeric cells, the rest as inline strings. */
export function toXlsx(rows) {
  const cell = (v, c, r) => {
    const ref = `${column(c)}${r + 1}`;
    if (v === '') return '';
    if (r > 0 && /^-?\d+(\.\d+)?$/.test(v)) return `<c r="${ref}"><v>${v}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`;
  };
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, c, r)).join('')}</row>`).join('')}</sheetData></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="roofs" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [n, out, seed] = process.argv.slice(2);
  const rows = generateRoofs(Number(n), seed === undefined ? 14 : Number(seed));
  writeFileSync(out, /\.xlsx$/i.test(out) ? toXlsx(rows) : toCsv(rows));
  console.error(`${out}: ${n} roofs`);
}
