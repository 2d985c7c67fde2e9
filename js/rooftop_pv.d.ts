// Types of the rooftop-pv package (written by hand to match src/scenario.rs and src/report.rs).
// Units are in the names: Kwp = kWp, Kwh = kWh, Pct = percent, Yuan = CNY, M2 = m², T = tonnes.

/** What {@link init} accepts (wasm-bindgen's `InitInput`): the URL of `rooftop_pv_bg.wasm`, a
 * `fetch` response, its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
/** What {@link initSync} accepts (wasm-bindgen's `SyncInitInput`): the bytes of `rooftop_pv_bg.wasm`
 * or a compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;
/** The instantiated module's exports (wasm-bindgen's `InitOutput`); the package's functions are the
 * way to use it. */
export interface InitOutput {
  /** the module's linear memory */
  readonly memory: WebAssembly.Memory;
}

/** Loads the WebAssembly module once (later calls return the same exports). Browsers and bundlers
 * must await it before any other call; without an argument it fetches `rooftop_pv_bg.wasm` beside
 * the package's JS (`new URL(…, import.meta.url)`), else pass `{ module_or_path }`, e.g. the URL of
 * the file a bundler emitted. In Node it resolves at once (the module is loaded on import). */
export default function init(
  module_or_path?: {
    /** where or what the WebAssembly module is (see {@link InitInput}) */
    module_or_path: InitInput | Promise<InitInput>;
  } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
/** Instantiates the WebAssembly module synchronously from its bytes or a compiled module (browser
 * build; in Node it returns the already loaded module). */
export function initSync(module?: {
  /** the bytes of rooftop_pv_bg.wasm or a compiled module */
  module: SyncInitInput;
} | SyncInitInput): InitOutput;

/** Computes a report; throws {@link ScenarioError} for an invalid scenario (never traps). */
export function calculate(scenario: Scenario): Report;
/** Emission factor sets, prices and example scenarios, each with its source. */
export function presets(): Presets;
/** The package version. */
export function version(): string;
/** Reads a weather file (EPW, TMY3, TMY2, SAM/PSM3 CSV, PVGIS CSV/JSON) and summarises it; throws {@link ScenarioError}.
 * `text`: the file as a string, or its bytes as read ({@link FileText}). */
export function parseWeather(text: FileText, options?: WeatherOptions | null): WeatherSummary;
/** The battery sizing sweep: the scenario's `storage` (required) resized to every power × duration of `grid`,
 * with the NPV, IRR and payback of adding it to the PV (at most 100 points); throws {@link ScenarioError}. */
export function sweepStorage(scenario: Scenario, grid: SweepGrid): SweepPoint[];

/** The grid of {@link sweepStorage}. */
export interface SweepGrid {
  /** battery powers [kW], each > 0 */
  powersKw: number[];
  /** hours of storage at full power [h], each > 0 */
  durationsH: number[];
}
/** One point of {@link sweepStorage}. */
export interface SweepPoint {
  /** [kW] */
  powerKw: number;
  /** hours at full power [h] */
  durationH: number;
  /** nameplate energy = power × duration [kWh] */
  energyKwh: number;
  /** the battery added to the PV */
  returns: Returns;
}

/** A file's content: a string, or its bytes as read (`Uint8Array`, a Node `Buffer`, `ArrayBuffer` —
 * e.g. `await file.arrayBuffer()`), in any encoding: UTF-8 is read as it is, other bytes (GBK station
 * names) become U+FFFD, which changes nothing in the numbers. Bytes skip a string conversion; a string
 * is encoded with `TextEncoder.encodeInto` straight into WebAssembly memory. */
export type FileText = string | Uint8Array | ArrayBuffer;

/** What fits on a roof: modules, kWp, tilt, ground coverage ratio, and for rows on a flat roof the
 * pitch of GB 50797's winter-solstice 9:00–15:00 rule with the sun it came from; throws
 * {@link ScenarioError} (a roof smaller than one module, setbacks larger than the roof…). */
export function sizeRoof(input: RoofSizingInput): RoofSizing;

/** {@link sizeRoof}'s input. */
export interface RoofSizingInput {
  /** the roof */
  roof: Roof;
  /** the site's latitude [°], needed for rows (`concreteFlat`) */
  latitudeDeg?: number;
}

/** `colorSteel` 彩钢瓦 (modules flush on clamps), `concreteFlat` 混凝土平屋面 (tilted rows on racks),
 * `tile` 瓦屋面 (flush on hooks). */
export type RoofType = 'colorSteel' | 'concreteFlat' | 'tile';

/** A roof: its area (taken as a square) or its outline, its type, setbacks, and the module. */
export interface Roof {
  /** the kind of roof */
  type: RoofType;
  /** roof surface area [m²] (sized as a square); or give eastWestM and northSouthM */
  areaM2?: number;
  /** outline: east–west extent [m] (rows run this way) */
  eastWestM?: number;
  /** outline: north–south extent [m] (rows are stacked this way) */
  northSouthM?: number;
  /** clear strip along every edge or parapet [m], default 1 (an assumption to confirm against fire-safety rules) */
  setbackM?: number;
  /** rows only: height of the parapet on the sunny side [m], default 0; the first row stays out of its winter shadow */
  parapetHeightM?: number;
  /** flush: the roof's pitch (default colour steel 5°, tile 25°); rows: the racks' tilt (default 20°) [°] */
  tiltDeg?: number;
  /** [°] the modules face: 0 north, 90 east, 180 south (default) */
  azimuthDeg?: number;
  /** the module, default 550 W, 2.256 × 1.133 m */
  module?: RoofModule;
  /** flush: default the one that holds more; rows: default landscape */
  moduleOrientation?: 'portrait' | 'landscape';
  /** rows only: modules up the slope of one row, 1–6, default 2 */
  modulesUp?: number;
}

/** A PV module. */
export interface RoofModule {
  /** nameplate power at STC [W] */
  powerW: number;
  /** long side [m] */
  lengthM: number;
  /** short side [m] */
  widthM: number;
}

/** What fits on a roof. */
export interface RoofSizing {
  /** the kind of roof */
  roofType: RoofType;
  /** `given` outline, or `squareFromArea` */
  outline: 'given' | 'squareFromArea';
  /** the outline used: east–west [m] */
  eastWestM: number;
  /** the outline used: north–south [m] */
  northSouthM: number;
  /** roof area [m²] */
  roofAreaM2: number;
  /** area inside the setbacks [m²] */
  usableAreaM2: number;
  /** the setback used [m] */
  setbackM: number;
  /** the module used */
  module: RoofModule;
  /** how the modules lie */
  moduleOrientation: 'portrait' | 'landscape';
  /** number of modules */
  modules: number;
  /** modules × power [kWp] */
  capacityKwp: number;
  /** tilt of the modules [°] */
  tiltDeg: number;
  /** azimuth of the modules [°] */
  azimuthDeg: number;
  /** rows: slope length / row pitch (PVWatts GCR for row self-shading) [-] */
  groundCoverageRatio?: number;
  /** module area / roof area [-] */
  roofCoverage: number;
  /** capacity / roof area [W/m²] */
  powerDensityWM2: number;
  /** rows on a flat roof: their count and the winter-solstice figures of their pitch */
  rows?: RoofRows;
  /** the roof type's typical investment, with its source (to confirm) */
  capex: TypicalCapex;
}

/** Rows on a flat roof, spaced by GB 50797-2012 §7.2.2 (item 2, as quoted second-hand: to confirm): no
 * row shading 9:00–15:00 true solar time, held on the winter solstice. D = L·cos β + L·sin β·cos γ / tan α,
 * sin α = sin φ sin δ + cos φ cos δ cos ω (ω = −45°, δ = −23.45°), cos γ = (sin α sin φ − sin δ)/(cos α cos φ). */
export interface RoofRows {
  /** number of rows */
  count: number;
  /** modules in one row */
  modulesPerRow: number;
  /** modules up the slope */
  modulesUp: number;
  /** slope length of a row L [m] */
  slopeLengthM: number;
  /** latitude φ the sun was taken at [°] */
  latitudeDeg: number;
  /** declination δ on the winter solstice [°] (−23.45) */
  solsticeDeclinationDeg: number;
  /** solar altitude α at 9:00 true solar time [°] */
  solarAltitudeDeg: number;
  /** solar azimuth γ from due south at 9:00 [°] */
  solarAzimuthFromSouthDeg: number;
  /** H = L · sin β [m] */
  rowHeightM: number;
  /** H · cos γ / tan α [m] */
  shadowReachM: number;
  /** D, between the feet of successive rows [m] */
  rowPitchM: number;
  /** clear strip in front of the first row: the setback or the parapet's shadow, whichever is longer [m] */
  frontClearanceM: number;
}

/** A typical investment and its source. */
export interface TypicalCapex {
  /** [yuan/W] of DC capacity */
  yuanPerW: number;
  /** false while still to confirm */
  confirmed: boolean;
  /** where it comes from */
  source: Source;
}

/** A roof table: CSV text (or its UTF-8 bytes), rows of cells with the header first (what a
 * spreadsheet reader gives), or a table from {@link readRoofTable}. */
export type RoofTableInput = string | Uint8Array | ArrayBuffer | unknown[][] | RoofTable;

/** Calculates every roof of a table (one roof a row; headers in Chinese or English, see
 * {@link roofTableTemplate}): one result row per roof, each bad row's error by row and column (the
 * other rows still compute), totals and totals by group. Throws {@link ScenarioError} for a table
 * that cannot be read (too large, required columns missing). */
export function calculatePortfolio(table: RoofTableInput, options?: PortfolioOptions | null): Portfolio;
/** Reads a roof table: its columns, rows and duplicate names; refuses a file above `maxBytes`
 * (default 25 MB) before reading it, and a table without the required columns. */
export function readRoofTable(table: string | Uint8Array | ArrayBuffer | unknown[][], options?: {
  /** refuse text above this size [bytes], default 25 MB */
  maxBytes?: number;
} | null): RoofTable;
/** Rows `start`…`end − 1` of a table (for a worker), with their duplicate-name errors. */
export function sliceRoofTable(table: RoofTable, start: number, end: number): RoofTable;
/** One portfolio from the parts that workers computed over slices of one table. */
export function mergePortfolios(parts: Portfolio[]): Portfolio;
/** The roof table's template as CSV (UTF-8 with BOM): the header and three example rows, in Chinese (default) or English. */
export function roofTableTemplate(lang?: 'zh' | 'en'): string;
/** A portfolio as two CSV files (UTF-8 with BOM): the results (rows in error last) and the totals. */
export function portfolioCsv(portfolio: Portfolio, lang?: 'zh' | 'en'): {
  /** one row a roof, then the rows in error */
  results: string;
  /** overall, then by group */
  totals: string;
};

/** {@link calculatePortfolio}'s options. */
export interface PortfolioOptions {
  /** the column to total by (its header or key), default the township column (乡镇) if any */
  groupBy?: string;
  /** called with (rows done, rows) every `progressEvery` rows and at the end */
  onProgress?: (done: number, total: number) => void;
  /** rows between progress calls, default 100 */
  progressEvery?: number;
  /** refuse text above this size [bytes], default 25 MB */
  maxBytes?: number;
}

/** A roof table as read. */
export interface RoofTable {
  /** the header: as written, and the known column it is (null: an extra column, kept for grouping) */
  columns: {
    /** as written */
    header: string;
    /** the known column (see the template), or null */
    key: string | null;
  }[];
  /** the data rows */
  rows: {
    /** the file's row number (the header is row 1) */
    row: number;
    /** the cells, as read */
    cells: unknown[];
  }[];
  /** errors found in reading (duplicate names) */
  errors: PortfolioError[];
}

/** One row's problem. */
export interface PortfolioError {
  /** the file's row number (the header is row 1) */
  row: number;
  /** the column's header as written ('' for the row as a whole) */
  column: string;
  /** the roof's name, when it has one */
  name?: string;
  /** a {@link ErrorCode} */
  code: string;
  /** in English */
  message: string;
  /** in Chinese */
  messageZh: string;
}

/** The sums over a set of roofs. */
export interface PortfolioTotals {
  /** roofs computed */
  roofs: number;
  /** [kWp] */
  capacityKwp: number;
  /** year 1 [kWh] */
  annualKwh: number;
  /** year 1 [kWh] */
  selfUsedKwh: number;
  /** year 1 [kWh] */
  exportedKwh: number;
  /** owners' and EMC investors' investment [yuan] */
  investmentYuan: number;
  /** year 1 savings of owners and EMC hosts [yuan] */
  firstYearSavingsYuan: number;
  /** the same over the lifetime [yuan] */
  lifetimeSavingsYuan: number;
  /** avoided standard coal in year 1 [t] */
  coalT: number;
  /** avoided CO₂ in year 1 [t] */
  co2T: number;
}

/** A calculated portfolio. */
export interface Portfolio {
  /** one row per roof computed, in the table's order */
  results: PortfolioRow[];
  /** the rows not computed, with row and column */
  errors: PortfolioError[];
  /** the grouping column, or null */
  groupBy: string | null;
  /** over every computed roof */
  totals: PortfolioTotals;
  /** by the value of the grouping column */
  groups: (PortfolioTotals & {
    /** the grouping column's value */
    group: string;
  })[];
}

/** One roof's result (and the extra columns of its row, by header). */
export interface PortfolioRow {
  /** the file's row number */
  row: number;
  /** the roof's name */
  name: string;
  /** the built-in station used ('' for full-load hours) */
  stationId: string;
  /** [kWp] */
  capacityKwp: number;
  /** sized from the roof: number of modules */
  modules: number | null;
  /** tilt of the modules [°] (hourly methods or sized roofs) */
  tiltDeg: number | null;
  /** year 1 [kWh] */
  annualKwh: number;
  /** [kWh/kWp] */
  specificYieldKwhPerKwp: number;
  /** year 1 [kWh] */
  selfUsedKwh: number;
  /** year 1 [kWh] */
  exportedKwh: number;
  /** the owner's or EMC investor's investment [yuan] */
  investmentYuan: number;
  /** year 1: the owner's or EMC host's savings [yuan] */
  firstYearSavingsYuan: number;
  /** over the lifetime [yuan] */
  lifetimeSavingsYuan: number;
  /** the owner's NPV, or the EMC investor's [yuan] */
  npvYuan: number | null;
  /** the owner's IRR, or the EMC investor's [%] */
  irrPct: number | null;
  /** the owner's payback [years] */
  paybackYears: number | null;
  /** avoided standard coal in year 1 [t] */
  coalT: number;
  /** avoided CO₂ in year 1 [t] */
  co2T: number;
  /** number of the report's warnings */
  warnings: number;
  /** the township column (乡镇), when the table has one */
  township?: string;
  /** the extra columns of the row (a township, a village…) */
  [column: string]: string | number | null | undefined;
}

/** The 270 built-in climate stations (CSWD typical year, CMA / Tsinghua). */
export function stations(): Station[];
/** Stations matching a Chinese name, pinyin, province or id, best first. */
export function findStations(query: string): Station[];
/** The built-in station nearest to a place (great circle), or undefined. */
export function nearestStation(latitude: number, longitude: number): NearestStation | undefined;
/** A station's monthly table and average days; throws ScenarioError (unknown_station) for an unknown id. */
export function stationClimate(stationId: string): StationClimate;

export interface Station {
  /** 6-digit CSWD id (WMO number × 10), e.g. "534870" */
  id: string;
  /** station name in Chinese, e.g. "大同" */
  nameZh: string;
  /** station name in pinyin as in the CSWD file, e.g. "Datong" */
  nameEn: string;
  /** province in Chinese (short form), e.g. "山西" */
  provinceZh: string;
  /** province in English, e.g. "Shanxi" */
  provinceEn: string;
  /** [°], north positive */
  latitude: number;
  /** [°], east positive */
  longitude: number;
  /** [m] above sea level */
  elevationM: number;
  /** typical-year global horizontal irradiation [kWh/m²/yr] */
  annualGhiKwhM2: number;
  /** GB/T 31155-2014: A ≥ 1750, B 1400–1750, C 1050–1400, D < 1050 kWh/m² */
  resourceClass: 'A' | 'B' | 'C' | 'D';
  /** the data set and its attribution, "CSWD typical year (CMA / Tsinghua)" */
  source: string;
}
export interface NearestStation {
  /** the nearest built-in station */
  station: Station;
  /** great-circle distance from the place [km] */
  distanceKm: number;
}
export interface StationClimate {
  /** the station */
  station: Station;
  /** January … December */
  monthly: {
    /** global horizontal irradiation of the month [kWh/m²] */
    ghiKwhM2: number;
    /** its diffuse part [kWh/m²] */
    dhiKwhM2: number;
    /** mean dry-bulb temperature [°C] */
    tempC: number;
    /** mean wind speed [m/s] */
    windMS: number;
  }[];
  /** [month][clock hour 0–23], clock hour h at h:00 Beijing time: the mean over the month's days */
  typicalDays: {
    /** global horizontal irradiance [W/m²] */
    ghiWM2: number;
    /** direct normal irradiance [W/m²] (modelled in the source) */
    dniWM2: number;
    /** diffuse horizontal irradiance [W/m²] */
    dhiWM2: number;
    /** dry-bulb temperature [°C] */
    tempC: number;
    /** wind speed [m/s] */
    windMS: number;
  }[][];
}

export type WeatherFormat = 'epw' | 'tmy3' | 'tmy2' | 'samCsv' | 'pvgisCsv' | 'pvgisJson';
/** Where in each row's interval the values hold: at its start (CSWD EPW), an average centred in it
 * (TMY2/TMY3/IWEC/TMYx/PSM3/PVGIS), at its end, or at the instant written in the file. */
export type Timing = 'start' | 'centre' | 'end' | 'instant';

export interface WeatherOptions {
  /** the file's format; detected from its content when absent */
  format?: WeatherFormat;
  /** override the timing the format and data set imply (see {@link Timing}) */
  timing?: Timing;
  /** the file's name, a hint for the data set ("…_CSWD.epw") */
  fileName?: string;
  /** PVGIS (UTC) files: local standard time zone [h] */
  timezoneH?: number;
}

export interface WeatherSummary {
  /** the place the file names */
  location: {
    /** the station or site name in the file */
    name: string;
    /** [°], north positive */
    latitude: number;
    /** [°], east positive */
    longitude: number;
    /** [h] from UTC of the file's local standard time */
    timezoneH: number;
    /** [m] above sea level */
    elevationM: number;
  };
  /** the format read */
  format: WeatherFormat;
  /** the data set the file names (CSWD, IWEC, TMY3, NSRDB, PVGIS-SARAH3, …) */
  source: string;
  /** the timing used (the option, else the default) */
  timing: Timing;
  /** the timing the format and data set imply */
  timingDefault: Timing;
  /** why that default, with its source (English) */
  timingBasis: string;
  /** why that default, with its source (Chinese) */
  timingBasisZh: string;
  /** the first row's stamp as written */
  first: Stamp;
  /** the last row's stamp as written */
  last: Stamp;
  /** the distinct years of the rows (a typical year mixes several) */
  years: number[];
  /** data rows read */
  rows: number;
  /** length of each row's interval [min]: 60 for hourly data */
  stepMinutes: number;
  /** global horizontal irradiation over the rows [kWh/m²] */
  annualGhiKwhM2: number;
  /** direct normal irradiation over the rows [kWh/m²] */
  annualDniKwhM2: number;
  /** diffuse horizontal irradiation over the rows [kWh/m²] */
  annualDhiKwhM2: number;
  /** mean dry-bulb temperature [°C] */
  meanTempC: number;
  /** highest global horizontal irradiance [W/m²] */
  maxGhiWM2: number;
  /** values filled by interpolation over short gaps (a warning, not an error) */
  filledValues: number;
  /** the same by quantity (`ghi`, `dni`, `dhi`, `airTemperature`, `windSpeed`, `pressure`; those with none
   * left out): values at or above the format's missing marker, filled over gaps of ≤ 3 h; more than 2 % of
   * one quantity's rows is an error (`weather_missing_values`) */
  filled: FilledValues[];
  /** rows of 29 February dropped */
  droppedLeapDayRows: number;
  /** the file has no pressure: the standard atmosphere at its elevation was used */
  pressureEstimated: boolean;
  /** the file gives the ground albedo */
  hasAlbedo: boolean;
  /** daily irradiance centroid vs solar noon [min]; warning above 15 min; absent for a year without sun */
  timingCheck?: {
    /** mean offset of the daily irradiance centroid from solar noon [min], late positive */
    offsetMinutes: number;
    /** days with sunshine that entered the mean */
    days: number;
    /** |offset| above 15 min: the timing is probably wrong */
    warning: boolean;
  };
  /** plausibility rules (BSRN quality control) that some rows break — warnings only: the error rules
   * `irradiance_negative` and `diffuse_above_global_year` refuse the file */
  implausible: {
    /** `beam_above_global`, `diffuse_above_global`, `global_above_possible`, `diffuse_above_possible`
     * or `beam_above_possible` */
    rule: string;
    /** rows that break it */
    rows: number;
    /** file line of the first of them */
    firstLine: number;
  }[];
}

/** Missing values of one quantity of a weather file, filled by interpolation. */
export interface FilledValues {
  /** `ghi`, `dni`, `dhi`, `airTemperature`, `windSpeed` or `pressure` */
  quantity: string;
  /** values filled */
  values: number;
}

/** A row's date and time as written in the file (local standard time, or UTC for PVGIS). */
export interface Stamp {
  /** calendar year */
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0–24 as written (EPW and TMY hours run 1–24) */
  hour: number;
  /** 0–59 */
  minute: number;
}

/** What every function throws for bad input (`e instanceof ScenarioError`); never a WebAssembly trap.
 *
 * Every input is bounded before it is copied into WebAssembly (and checked again in the core), each
 * refusal naming its cap: the scenario without its file texts ≤ 1 MiB as JSON (`too_large`); ≤ 16 levels of
 * nested objects and arrays (`too_deep`); ≤ 64 properties per object, ≤ 1,000 elements per array,
 * `system.planes` ≤ 50, a time-of-use `schedule` ≤ 12 rows, ≤ 20,000 values in all (`too_many`); strings
 * ≤ 256 characters, property names ≤ 64 (`too_long`, `unknown_field`); `resource.text` ≤ 50 MiB
 * (`weather_too_large`), `usage.load.text` ≤ 20 MiB (`load_format`) and 120,000 lines (`load_length`); the `findStations()` query and the
 * `stationClimate()` id ≤ 256 characters (`too_long`). Echoed values are cut to 40 characters. */
export class ScenarioError extends Error {
  constructor(code: ErrorCode, field: string, message: string, messageZh: string);
  /** always "ScenarioError" */
  name: 'ScenarioError';
  /** stable machine-readable reason (see {@link ErrorCode}) */
  code: ErrorCode;
  /** where: the JSON path in the scenario (e.g. "system.capacityKwp"), or the argument's name
   * (e.g. "query"); "" for the whole scenario or call */
  field: string;
  /** the message in Chinese (zh-CN); `message` is English */
  messageZh: string;
}
export type ErrorCode =
  | 'invalid_json' | 'invalid_type' | 'missing_field' | 'unknown_field' | 'unknown_variant'
  | 'not_finite' | 'out_of_range' | 'invalid_length' | 'unknown_preset' | 'conflict'
  | 'weather_too_large' | 'weather_format' | 'weather_parse' | 'weather_location' | 'weather_time'
  | 'weather_truncated' | 'weather_missing_values' | 'weather_out_of_range' | 'unknown_station' | 'climate_data'
  /** a connection mode the project category may not choose (NEA 2025 measures), at usage.mode */
  | 'not_allowed'
  /** months that no time-of-use schedule row covers */
  | 'incomplete'
  /** load files (`usage.load.text`; the message names the line): unreadable, unit unknown or contradicted,
   * gaps / repeats / irregular steps, not one year, negative or missing values */
  | 'load_format' | 'load_unit' | 'load_time' | 'load_length' | 'load_value'
  /** an input beyond its cap (README "Limits"): `too_large` the scenario's JSON size, `too_deep` nesting,
   * `too_many` elements, properties or values, `too_long` a string; the message names the limit */
  | 'too_large' | 'too_deep' | 'too_many' | 'too_long'
  /** a property whose getter or Proxy trap throws (the scenario is read once, before anything is copied) */
  | 'unreadable'
  /** a function called with too few or too many arguments */
  | 'argument_count'
  /** a function of the browser build called before `init()` / `initSync()` */
  | 'not_initialized'
  /** roof tables: a file above the limit (refused before reading, the limit named), or no header row */
  | 'table_too_large' | 'table_format';

export interface Scenario {
  /** Where the roof is; used by the hourly methods, ignored by fullLoadHours and gb50797. */
  site?: Site;
  /** the PV system: capacity and layout */
  system: System;
  /** how the yield is found: full-load hours, GB 50797, a weather file, a built-in station or monthly values */
  resource: Resource;
  /** years and degradation (defaults: 25 years, 1 % then 0.4 %/yr) */
  lifetime?: Lifetime;
  /** where the generation goes (default selfUseSurplus, 80 % self-used) */
  usage?: Usage;
  /** purchase and export prices (defaults: presets().defaultGridPrice, defaultExportPrice) */
  tariff?: Tariff;
  /** who invests: the site owner (default) or a third party under EMC */
  ownership?: Ownership;
  /** the emission factor set (default mee-2023-national) or custom factors */
  emissions?: EmissionsChoice;
  /** `hourly: true` adds `energy.hourlyKwh` (hourly methods) */
  output?: {
    /** add the first-year hourly AC energy to the report */
    hourly?: boolean;
  };
  /** what the 2025 rules need: category, commissioning date, connection voltage, province */
  project?: Project;
  /** a battery behind the meter (PV + storage, 光储); needs usage.load */
  storage?: Storage;
}

/** How the battery is dispatched hour by hour. `optimal`: the least-cost dispatch of each day with perfect
 * foresight (exact; the upper bound the rule-based modes are compared with). */
export type DispatchMode = 'selfConsumption' | 'timeOfUse' | 'peakShaving' | 'optimal';

/** A battery behind the site meter, AC-coupled after the PV inverter. Defaults: presets().defaults.storage
 * (assumptions dated 2025, to confirm against the offer). */
export interface Storage {
  /** nameplate energy [kWh], > 0; the usable part lies between socMinPct and socMaxPct */
  energyKwh: number;
  /** largest charge and discharge power at the AC terminals [kW], > 0 */
  powerKw: number;
  /** default timeOfUse */
  dispatch?: DispatchMode;
  /** AC round-trip efficiency [%], in (0, 100], default 85; split √η per direction */
  roundTripEfficiencyPct?: number;
  /** lowest state of charge [% of the energy], default 5; below socMaxPct */
  socMinPct?: number;
  /** highest state of charge [% of the energy], default 95 */
  socMaxPct?: number;
  /** constant auxiliary draw (cooling, controls) [kW], default 0 */
  auxiliaryKw?: number;
  /** calendar capacity fade [% of the nameplate per year], default 1 */
  calendarFadePctPerYear?: number;
  /** cycle capacity fade [% of the nameplate per equivalent full cycle], default 0.004 */
  cycleFadePctPerCycle?: number;
  /** replace the cells once the capacity falls below this [% of the nameplate], default 70; not with replacementYear */
  endOfLifePct?: number;
  /** replace the cells at the end of this year instead (1…lifetime − 1) */
  replacementYear?: number;
  /** cost of a cell replacement [yuan/kWh of nameplate], default 500 */
  replacementCostYuanPerKwh?: number;
  /** investment per nameplate energy [yuan/kWh], default 900 */
  capexYuanPerKwh?: number;
  /** investment per power (PCS, transformer) [yuan/kW], default 150 */
  capexYuanPerKw?: number;
  /** yearly O&M [% of the investment], default 1.5 */
  omPctOfCapex?: number;
  /** whether the battery may charge from the grid, default true (false: from the PV surplus only) */
  gridCharging?: boolean;
  /** timeOfUse: most equivalent full cycles a day, default 2 (两充两放) */
  cyclesPerDay?: number;
  /** peakShaving: 12 monthly grid-draw targets [kW], January first; default the lowest holdable with foresight of each day */
  peakTargetKw?: number[];
  /** a third party owns the battery (EMC) and shares its savings with the host */
  investor?: {
    /** share of the battery's savings left to the host [%], 0–100 */
    hostSharePct: number;
  };
  /** a day of year 1 (1–365, 1 = 1 January) whose hours the report shows (storage.chosenDay) */
  dayOfYear?: number;
}

/** Project categories of NEA 国能发新能规〔2025〕7号 (distributed PV measures). */
export type Category = 'naturalPersonHousehold' | 'nonNaturalPersonHousehold' | 'generalCommercial' | 'largeCommercial';
/** The provinces whose 2025-rule figures are shipped (`presets().provinces`). */
export type ProvinceId =
  | 'shanxi' | 'shandong' | 'gansu' | 'xinjiang' | 'jiangsu' | 'zhejiang' | 'guangdong' | 'hebei' | 'henan'
  | 'anhui' | 'shaanxi' | 'inner-mongolia-west';

/** The project as the 2025 rules see it (NEA 国能发新能规〔2025〕7号, NDRC 发改价格〔2025〕136号). */
export interface Project {
  /** inferred from the capacity and connectionVoltageKv when absent (general C&I ≤ 6 MW at ≤ 20 kV, else large C&I);
   * a category contradicting them is `conflict` at project.category; a mode it may not choose is `not_allowed` at usage.mode */
  category?: Category;
  /** first day of operation, ISO YYYY-MM-DD: before 2025-06-01 an existing project under Document 136, from then on a new one */
  commissioningDate?: string;
  /** grid connection voltage [kV], 0.4 for low voltage */
  connectionVoltageKv?: number;
  /** a province of presets().provinces: its mechanism figures, minimum self-use share, coal benchmark as default export price */
  province?: ProvinceId;
}

/** Document 136 export price: the mechanism price for a share of each year's exports during the term, the market
 * price for the rest and after it. Mechanism figures not given come from the province where published; exactly one
 * market price form. */
export interface ExportTariff {
  /** mechanism price [yuan/kWh] (auction result; existing projects: up to the coal benchmark) */
  mechanismPriceYuanKwh?: number;
  /** share of each year's exports settled at the mechanism price [%], 0–100 */
  mechanismSharePct?: number;
  /** term of the mechanism from commissioning [years], at most the lifetime */
  mechanismTermYears?: number;
  /** market price of exports, flat [yuan/kWh] */
  marketPriceYuanKwh?: number;
  /** market price by month, 12 prices, January first [yuan/kWh] */
  marketPriceByMonthYuanKwh?: number[];
  /** market price by clock hour, 24 prices, 00:00–01:00 first [yuan/kWh]; weighted by the roof's exports ("midday capture") */
  marketPriceByHourYuanKwh?: number[];
}

export interface Site {
  /** [°], north positive */
  latitude: number;
  /** [°], east positive */
  longitude: number;
  /** [m] */
  elevationM?: number;
  /** [h] from UTC, China 8 */
  timezoneH?: number;
  /** ground reflectance [0–1], default 0.2 */
  albedo?: number;
}

export interface System {
  /** DC nameplate [kWp], > 0; required unless `roof` sizes the system */
  capacityKwp?: number;
  /** size the system from its roof instead (capacity, plane, ground coverage ratio and mounting come
   * from {@link sizeRoof}; give none of them beside it); the roof type's typical investment becomes
   * the default `capexYuanPerW` */
  roof?: Roof;
  /** roof planes; the shares sum to 1 */
  planes?: Plane[];
  /** DC/AC ratio, default 1.2 */
  dcAcRatio?: number;
  /** [%], default 96 */
  inverterEfficiencyPct?: number;
  /** lumped DC losses [%], default 14.0757 (presets().defaults.lossesPct) */
  lossesPct?: number;
  /** PVWatts v8 module type (temperature coefficient, cover), default standard */
  moduleType?: 'standard' | 'premium' | 'thinFilm';
  /** roof mount (NOCT 49 °C) or open rack in rows (NOCT 45 °C, row shading), default roof */
  mounting?: 'roof' | 'openRack';
  /** module area / ground area for racks in rows (open rack), default 0.3 */
  groundCoverageRatio?: number;
  /** sky-diffuse transposition, default perez (PVWatts v8) */
  skyModel?: 'perez' | 'hayDavies' | 'hdkr' | 'isotropic';
}

export interface Plane {
  /** [°] from horizontal, 0–90 */
  tiltDeg: number;
  /** [°]: 0 north, 90 east, 180 south, 270 west */
  azimuthDeg: number;
  /** fraction of capacityKwp on this plane (0–1] */
  shareOfCapacity: number;
}

export type Resource =
  /** hours = annual kWh per kWp, 0–8760 */
  | {
      /** annual yield from full-load hours */
      method: 'fullLoadHours';
      /** first-year full-load hours [kWh/kWp], 0–8760 */
      hours: number;
    }
  /** GB 50797-2012 §6.6: Ep = HA × PAZ / Es × K, HA the annual horizontal irradiation [kWh/m²] */
  | {
      /** annual yield by GB 50797-2012 §6.6 */
      method: 'gb50797';
      /** HA: annual horizontal irradiation [kWh/m²] */
      horizontalIrradiationKwhM2: number;
      /** K: the comprehensive efficiency coefficient (0–1], typically 0.75–0.85 */
      k: number;
    }
  /** the PVWatts v8 hourly chain on a weather file's text */
  | {
      /** hourly chain on a weather file */
      method: 'weatherFile';
      /** the file's content (EPW, TMY3, TMY2, SAM/PSM3 CSV, PVGIS CSV/JSON): text or bytes */
      text: FileText;
      /** the file's format; detected when absent */
      format?: WeatherFormat;
      /** override the timing the format and data set imply */
      timing?: Timing;
      /** the file's name, a hint for the data set ("…_CSWD.epw") */
      fileName?: string;
    }
  /** a year synthesised from a built-in station's average days (with day-to-day variability) */
  | {
      /** hourly chain on a built-in station's synthesised year */
      method: 'station';
      /** 6-digit CSWD id, see stations() */
      stationId: string;
    }
  /** a year synthesised from 12 monthly values at `site` (required) */
  | {
      /** hourly chain on a year synthesised from monthly values */
      method: 'monthly';
      /** 12 monthly global horizontal irradiations [kWh/m²], January first */
      ghiKwhM2: number[];
      /** 12 monthly mean temperatures [°C]; from the nearest station when absent */
      tempC?: number[];
    };

export interface Lifetime {
  /** 1–50, default 25 */
  years?: number;
  /** [%] lost during year 1 (felt from year 2), default 1 */
  firstYearDegradationPct?: number;
  /** [%/yr] lost each further year, default 0.4 */
  annualDegradationPct?: number;
}

export interface Usage {
  /** fullExport 全额上网; selfUseSurplus 自发自用、余电上网; fullSelfUse 全部自发自用 (surplus curtailed) */
  mode: 'fullExport' | 'selfUseSurplus' | 'fullSelfUse';
  /** [%] of generation used on site; default 80 (selfUseSurplus) or 100 (fullSelfUse); not for fullExport, not with a load */
  selfUseSharePct?: number;
  /** the site's consumption: with it, generation is matched to the load hour by hour (not for fullExport) */
  load?: LoadProfile;
  /** largest export power [kW]; 0 = zero export (防逆流); the surplus above it is curtailed; not for fullSelfUse */
  exportLimitKw?: number;
}

/** A year of the site's consumption. Typical profiles use the 2025 calendar with the State Council's public holidays. */
export type LoadProfile =
  /** a year of hourly, 30- or 15-minute values (kW or kWh), with timestamps or in row order from 1 January 00:00;
   * the unit from the header (load_kW, 电量(kWh), …) or `unit`; hourly values without one are read as kWh
   * (an hour's mean kW, warning `load_unit_hourly`), sub-hourly ones without one are `load_unit`; a Green Button
   * "Download my data" interval export is read as it comes (warning `load_export_green_button`) */
  | {
      /** a metered interval file */
      kind: 'intervalCsv';
      /** the CSV file's content: text or bytes */
      text: FileText;
      /** the values' unit when the header does not say: kW (mean power) or kWh (energy per interval) */
      unit?: 'kW' | 'kWh';
      /** the value column: its header (e.g. "负荷(kW)") or its number counted from 1; needed when the header
       * does not name exactly one load column (load, consumption, power, energy, 负荷, 用电量, 电量, 功率,
       * 有功功率, or a unit kW/kWh) — columns naming another quantity (湿度 humidity, 速度 speed, 电价/price,
       * 功率因数 power factor, 无功/kvar reactive, 需量/demand …) are never chosen by themselves */
      column?: string | number;
    }
  /** 12 monthly totals [kWh], January first, laid over each month's hours by the profile */
  | {
      /** monthly totals */
      kind: 'monthly';
      /** 12 monthly consumptions [kWh], January first */
      kwh: number[];
      /** the daily and weekly shape within each month */
      profile: TypicalProfile;
    }
  /** a typical profile scaled to the annual consumption [kWh] */
  | {
      /** a typical profile */
      kind: 'typical';
      /** which profile */
      profile: TypicalProfile;
      /** annual consumption [kWh] */
      annualKwh: number;
    };
/** Engineering assumptions, documented in src/load/profiles.rs. */
export type TypicalProfile = 'factoryOneShift' | 'factoryTwoShift' | 'factoryThreeShift' | 'commercial' | 'household';
/** 尖峰 critical peak, 高峰 peak, 平段 flat, 低谷 valley, 深谷 deep valley */
export type Period = 'sharpPeak' | 'peak' | 'flat' | 'valley' | 'deepValley';
/** Time-of-use purchase prices: every month 1–12 in exactly one schedule row. */
export interface TimeOfUse {
  /** [yuan/kWh]; sharpPeak and deepValley are required when a row uses them */
  prices: {
    /** 尖峰 critical peak [yuan/kWh] */
    sharpPeak?: number;
    /** 高峰 peak [yuan/kWh] */
    peak: number;
    /** 平段 flat [yuan/kWh] */
    flat: number;
    /** 低谷 valley [yuan/kWh] */
    valley: number;
    /** 深谷 deep valley (e.g. Shandong's midday hours) [yuan/kWh] */
    deepValley?: number;
  };
  /** hours: 24 periods, hours[0] = 00:00–01:00 local standard time */
  schedule: {
    /** the months (1–12) this row covers */
    months: number[];
    /** the period of each clock hour, 24 entries */
    hours: Period[];
  }[];
}

export interface Tariff {
  /** price of grid power the site avoids [yuan/kWh], default 0.55 (Shanxi C&I, representative); not with time of use */
  gridPriceYuanKwh?: number;
  /** 12 monthly purchase prices, January first (代理购电 agency-purchase prices) [yuan/kWh], instead of gridPriceYuanKwh */
  gridPriceByMonthYuanKwh?: number[];
  /** time-of-use purchase prices (instead of gridPriceYuanKwh) */
  timeOfUse?: TimeOfUse;
  /** a shipped time-of-use tariff by id (presets().timeOfUse), instead of timeOfUse */
  timeOfUsePreset?: TimeOfUsePresetId;
  /** price of exported power [yuan/kWh], default 0.332 (Shanxi coal benchmark) */
  exportPriceYuanKwh?: number;
  /** yearly change of the purchase price [%/yr], default 0; also of the export price unless exportEscalationPct is given */
  escalationPct?: number;
  /** yearly change of the export price [%/yr], default escalationPct (the market part only under tariff.export) */
  exportEscalationPct?: number;
  /** Document 136 export price, instead of exportPriceYuanKwh */
  export?: ExportTariff;
  /** time-of-use tariffs replacing the first from a later year on, in increasing fromYear */
  timeOfUseChanges?: TimeOfUseChange[];
  /** demand charge (需量电费) on each month's largest hourly grid draw [yuan/kW/month]; needs usage.load */
  demandChargeYuanPerKwMonth?: number;
  /** basic charge by capacity (按容量) on transformerKva [yuan/kVA/month], the alternative to the demand charge; needs transformerKva */
  capacityChargeYuanPerKvaMonth?: number;
  /** the transformer capacity billed by capacityChargeYuanPerKvaMonth [kVA]; needs it */
  transformerKva?: number;
}
/** A time-of-use tariff in force from year `fromYear` on: a preset or periods (not both). */
export interface TimeOfUseChange {
  /** the first year (2…lifetime) it applies */
  fromYear: number;
  /** a shipped time-of-use tariff by id (presets().timeOfUse) */
  timeOfUsePreset?: TimeOfUsePresetId;
  /** time-of-use prices and periods */
  timeOfUse?: TimeOfUse;
}

export type Ownership =
  | ({
      /** the site owner invests and keeps the savings */
      kind: 'owner';
    } & Investment)
  | {
      /** a third party invests and sells the power to the site at a discount (EMC) */
      kind: 'thirdParty';
      /** [%] off the grid price the site pays the investor (合同能源管理 EMC), 0–100; per hour under time of use */
      discountPct: number;
      /** [yuan/yr] the investor pays the site, default 0 */
      roofRentYuanYear?: number;
      /** the investor's investment and costs (defaults as for an owner) */
      investor?: Investment;
    };

/** The investment and costs of whoever owns the system. Give at most one of the three O&M forms. */
export interface Investment {
  /** [yuan/W], default 3.0 */
  capexYuanPerW?: number;
  /** [yuan/kWp/yr]; default 1 % of the investment a year */
  omYuanPerKwpYear?: number;
  /** [% of the investment per year] */
  omPctOfCapex?: number;
  /** stepped O&M: each step from its year (the first from year 1), e.g. presets().omSchedules */
  omSteps?: OmStep[];
  /** [%/yr], default 6 */
  discountRatePct?: number;
  /** one replacement of the inverters, paid in `year` (1–lifetime) */
  inverterReplacement?: InverterReplacement;
  /** part of the investment borrowed, repaid in equal yearly instalments (等额本息) over `years` ≤ lifetime */
  loan?: Loan;
  /** corporate income tax; none when absent */
  tax?: Tax;
}
/** One replacement of the inverters. */
export interface InverterReplacement {
  /** the year it is paid (1–lifetime) */
  year: number;
  /** its cost per W of DC capacity [yuan/W] */
  costYuanPerW: number;
}
/** A loan repaid in equal yearly instalments (等额本息). */
export interface Loan {
  /** [%] of the investment borrowed, 0–100 */
  sharePct: number;
  /** annual interest rate [%] */
  ratePct: number;
  /** repayment period [years] ≤ lifetime */
  years: number;
}
/** One step of a stepped O&M cost. */
export interface OmStep {
  /** the first year (1-based) this cost applies */
  fromYear: number;
  /** O&M cost from that year [yuan/kWp/yr] */
  yuanPerKwpYear: number;
}
export interface Tax {
  /** [%], e.g. 25 */
  incomeTaxPct: number;
  /** straight-line [years], default 20 */
  depreciationYears?: number;
  /** [% of the investment] not depreciated, default 5 */
  residualValuePct?: number;
  /** 三免三减半: no tax in years 1–3, half in 4–6; default false */
  taxHoliday?: boolean;
  /** VAT on sales of power [%], e.g. 13 (general taxpayer); none when absent; input VAT on the investment credited until used up */
  vatPct?: number;
  /** city maintenance and construction tax [% of the VAT paid], default 7 with vatPct (urban; 5 county, 1 elsewhere) */
  cityMaintenanceTaxPct?: number;
  /** education surcharges [% of the VAT paid], default 5 (3 national + 2 local) with vatPct */
  educationSurchargePct?: number;
}

/** A preset id, or custom factors (not both). Default preset: mee-2023-national. */
export interface EmissionsChoice {
  /** a shipped factor set (presets().emissionFactors) */
  preset?: EmissionFactorSetId;
  /** custom factors per kWh */
  factors?: EmissionFactors;
}

/** Per kWh of PV generation displacing grid/thermal power. */
export interface EmissionFactors {
  /** standard coal [kgce/kWh] */
  coalKgce: number;
  /** [kg/kWh] */
  co2Kg: number;
  /** [g/kWh] */
  so2G: number;
  /** [g/kWh] */
  noxG: number;
  /** [g/kWh] */
  dustG: number;
  /** [kg/kWh] */
  waterKg: number;
  /** where the set comes from (shipped sets) */
  source?: Source;
  /** the source of each value where it differs from the set's (shipped sets) */
  valueSources?: ValueSource[];
}

/** Who published a figure, where, for which year; English, with the Chinese beside it (shipped sources always have both). */
export interface Source {
  /** who published it (English) */
  issuer: string;
  /** who published it (Chinese) */
  issuerZh?: string;
  /** the document (English title or description) */
  document: string;
  /** the document (Chinese title) */
  documentZh?: string;
  /** the year the data describe */
  dataYear: number;
  /** how the figure was taken from the document (English) */
  note?: string;
  /** how the figure was taken from the document (Chinese) */
  noteZh?: string;
}

/** The source of one factor of a set. */
export interface ValueSource {
  /** which factor of {@link EmissionFactors} */
  quantity: 'coalKgce' | 'co2Kg' | 'so2G' | 'noxG' | 'dustG' | 'waterKg';
  /** read in the document (true), or a widely quoted figure still to confirm (false) */
  confirmed: boolean;
  /** where it comes from */
  source: Source;
}

export interface Report {
  /** the PV generation */
  energy: {
    /** first year [kWh] */
    annualKwh: number;
    /** first year, January first [kWh] × 12 */
    monthlyKwh: number[];
    /** first-year generation per kWp [kWh/kWp] */
    specificYieldKwhPerKwp: number;
    /** over the lifetime, with degradation [kWh] */
    lifetimeKwh: number;
    /** each year of the lifetime */
    byYear: {
      /** 1..lifetime */
      year: number;
      /** generation that year, with degradation [kWh] */
      kwh: number;
    }[];
    /** hourly methods: irradiation incident on the planes [kWh/m²] */
    poaKwhM2?: number;
    /** hourly methods: the same by month, January first [kWh/m²] × 12 */
    monthlyPoaKwhM2?: number[];
    /** hourly methods: AC / (kWp × POA / 1 kW/m²) */
    performanceRatio?: number;
    /** hourly methods: the share lost at each step of the chain [%] */
    losses?: {
      /** P_dc0 × H_POA / 1 kW/m²: the nameplate energy of the incident irradiation [kWh] */
      incidentKwh: number;
      /** row-to-row self-shading (open rack) [%] */
      rowShadingPct: number;
      /** reflection at the cover and spectral (air-mass) effects [%] */
      coverSpectralPct: number;
      /** cell temperature and low irradiance (module efficiency vs STC) [%] */
      temperatureLowLightPct: number;
      /** lumped DC losses: soiling, shading, mismatch, wiring, … [%] */
      dcLossesPct: number;
      /** inverter efficiency [%] */
      inverterPct: number;
      /** inverter clipping at its AC rating [%] */
      clippingPct: number;
      /** AC output [kWh] */
      acKwh: number;
    };
    /** with output.hourly: first-year AC energy of each weather row [kWh] */
    hourlyKwh?: Float64Array;
  };
  /** where the generation goes */
  usage: UsageReport;
  /** savings and the investment's metrics [yuan] */
  money: {
    /** year 1: owner — avoided purchases + export income; third party — the site's discount + roof rent */
    firstYearSavingsYuan: number;
    /** the same summed over the lifetime (escalated, not discounted) [yuan] */
    lifetimeSavingsYuan: number;
    /** owner only (after loan and taxes) */
    npvYuan?: number;
    /** owner only, absent when the cash flow has no IRR */
    irrPct?: number;
    /** owner only, absent when it does not pay back within the lifetime */
    paybackYears?: number;
    /** owner only: cost of the delivered (self-used + exported) kWh */
    lcoeYuanKwh?: number;
    /** owner only: payback of the discounted cash flow */
    discountedPaybackYears?: number;
    /** owner only: IRR before financing and taxes */
    projectIrrPct?: number;
    /** owner only: the investment (equity and loan) [yuan] */
    investmentYuan?: number;
    /** year-1 value of a self-used kWh: the avoided purchase price, averaged over the self-used hours */
    selfUsePriceYuanKwh?: number;
    /** time of use: year-1 self-use by period (periods the schedule uses) */
    byPeriod?: {
      /** the time-of-use period */
      period: Period;
      /** its year-1 purchase price [yuan/kWh] */
      priceYuanKwh: number;
      /** year-1 self-use in that period [kWh] */
      selfUsedKwh: number;
      /** its value at that price [yuan] */
      selfUseValueYuan: number;
    }[];
    /** the cash flow of the owner (year 0 = the investment, then 1..years) or of the third-party host (1..years) */
    byYear: CashFlowYear[];
    /** third party (EMC): the investor's money from the same hours */
    investor?: {
      /** year 1: sales to the host + export income [yuan] */
      firstYearRevenueYuan: number;
      /** the same over the lifetime [yuan] */
      lifetimeRevenueYuan: number;
      /** the investment (equity and loan) [yuan] */
      investmentYuan: number;
      /** net present value after loan and taxes [yuan] */
      npvYuan: number;
      /** internal rate of return on equity [%]; absent when the cash flow has none */
      irrPct?: number;
      /** IRR before financing and taxes [%] */
      projectIrrPct?: number;
      /** simple payback [years]; absent when it does not pay back within the lifetime */
      paybackYears?: number;
      /** payback of the discounted cash flow [years] */
      discountedPaybackYears?: number;
      /** cost of the delivered kWh [yuan/kWh] */
      lcoeYuanKwh?: number;
      /** the investor's cash flow, year 0 = the investment */
      byYear: CashFlowYear[];
    };
    /** which rule priced the exports, with its figures */
    exportPricing: ExportPricing;
    /** year 1's demand charge with and without the system (when tariff.demandChargeYuanPerKwMonth is given) */
    demandCharge?: {
      /** [yuan/kW/month] */
      rateYuanPerKwMonth: number;
      /** on the load's monthly peaks, without PV or battery [yuan] */
      withoutSystemYuan: number;
      /** with the PV alone [yuan] */
      withPvYuan: number;
      /** with PV and battery (when a battery is given) [yuan] */
      withPvStorageYuan?: number;
    };
    /** year 1's basic charge by capacity (when tariff.capacityChargeYuanPerKvaMonth is given): the same with or without the system;
     *  beside a demand charge, the cheaper billing in each case (ties: capacity) */
    capacityCharge?: {
      /** [yuan/kVA/month] */
      rateYuanPerKvaMonth: number;
      /** [kVA] */
      transformerKva: number;
      /** rate × kVA × 12 [yuan] */
      yearYuan: number;
      /** the cheaper basic-charge billing without PV or battery (given a demand charge; ties: capacity) */
      cheaperWithoutSystem?: 'capacity' | 'demand';
      /** the cheaper basic-charge billing with the PV alone (given a demand charge; ties: capacity) */
      cheaperWithPv?: 'capacity' | 'demand';
      /** the cheaper basic-charge billing with PV and battery (given a demand charge; ties: capacity) */
      cheaperWithPvStorage?: 'capacity' | 'demand';
    };
  };
  /** avoided by the energy delivered (self-used + exported; curtailed kWh avoid nothing) */
  emissions: {
    /** avoided in year 1 [t] */
    annual: EmissionTotals;
    /** avoided over the lifetime [t] */
    lifetime: EmissionTotals;
    /** the factors used, with their sources */
    factors: EmissionFactors;
    /** the preset id, absent for custom factors */
    preset?: EmissionFactorSetId;
  };
  /** every input with its defaults filled in */
  assumptions: Assumptions;
  /** the weather as read or synthesised (hourly methods) */
  weather?: WeatherSummary;
  /** station and monthly methods: the station whose climate was used and its distance from the site */
  station?: NearestStation;
  /** `system.roof`: what fits on the roof and the figures it came from */
  sizing?: RoofSizing;
  /** what the user should know about the inputs or the result (English and Chinese) */
  warnings: Warning[];
  /** the battery behind the meter (when scenario.storage is given) */
  storage?: StorageReport;
}

/** Where the generation goes: year 1, the lifetime, and year 1 by month and by clock hour. */
export interface UsageReport {
  /** year 1: generation used on site [kWh] */
  selfUsedKwh: number;
  /** year 1: generation exported to the grid [kWh] */
  exportedKwh: number;
  /** year 1: generation neither used nor exported (export limit, fullSelfUse) [kWh] */
  curtailedKwh: number;
  /** self-used / generation, year 1 [%] */
  selfUseSharePct: number;
  /** share: a fixed share of each year; hourly: hour by hour (load, export limit, time of use, hourly methods) */
  method: 'share' | 'hourly';
  /** with a load: year-1 consumption [kWh] */
  loadKwh?: number;
  /** with a load: year-1 consumption still bought from the grid [kWh] */
  gridImportKwh?: number;
  /** with a load: self-used / consumption, year 1 [%] */
  selfSufficiencyPct?: number;
  /** self-used over the lifetime [kWh] */
  lifetimeSelfUsedKwh: number;
  /** exported over the lifetime [kWh] */
  lifetimeExportedKwh: number;
  /** curtailed over the lifetime [kWh] */
  lifetimeCurtailedKwh: number;
  /** 12 months, index 1–12 */
  byMonth: UsagePart[];
  /** 24 clock hours (index 0 = 00:00–01:00), sums over year 1; empty without hours */
  byHourOfDay: UsagePart[];
}
/** One month or clock hour of year 1 [kWh]. */
export interface UsagePart {
  /** month 1–12, or clock hour 0–23 */
  index: number;
  /** generation [kWh] */
  generationKwh: number;
  /** used on site [kWh] */
  selfUsedKwh: number;
  /** exported [kWh] */
  exportedKwh: number;
  /** curtailed [kWh] */
  curtailedKwh: number;
  /** with a load: consumption [kWh] */
  loadKwh?: number;
  /** with a load: consumption bought from the grid [kWh] */
  gridImportKwh?: number;
}

/** How exported power was priced: one fixed price, or Document 136 for an existing (before 2025-06-01) or new project. */
export interface ExportPricing {
  /** fixed: one price for every kWh (exportPriceYuanKwh, or the coal benchmark); document136Existing (存量) / document136New (增量) */
  rule: 'fixed' | 'document136Existing' | 'document136New';
  /** Document 136: the mechanism price used [yuan/kWh] */
  mechanismPriceYuanKwh?: number;
  /** Document 136: share of each year's exports at the mechanism price [%] */
  mechanismSharePct?: number;
  /** Document 136: term of the mechanism [years] */
  mechanismTermYears?: number;
  /** Document 136: the form of the market price given */
  marketPrice?: 'flat' | 'byMonth' | 'byHour';
  /** Document 136: year-1 market price weighted by the roof's own exports [yuan/kWh] */
  marketCapturePriceYuanKwh?: number;
  /** price of an exported kWh in year 1 [yuan/kWh] */
  firstYearPriceYuanKwh: number;
  /** price in the first year after the term, when it ends within the lifetime [yuan/kWh] */
  afterTermPriceYuanKwh?: number;
}

/** One year of a cash flow [yuan, kWh]. */
export interface CashFlowYear {
  /** 0 = the investment year (owner, investor), then 1..years */
  year: number;
  /** generation that year, with degradation [kWh] */
  generationKwh: number;
  /** used on site [kWh] */
  selfUsedKwh: number;
  /** exported [kWh] */
  exportedKwh: number;
  /** curtailed [kWh] */
  curtailedKwh: number;
  /** owner: avoided purchases; host: the discount on them; investor: sales to the host */
  selfUseYuan: number;
  /** export income (owner, investor) */
  exportYuan: number;
  /** received by the host (in savingsYuan), paid by the investor (in costsYuan) */
  roofRentYuan: number;
  /** what the PV brings this party in the year (investor: revenue) */
  savingsYuan: number;
  /** equity part of the investment (year 0) */
  investmentYuan: number;
  /** operation and maintenance [yuan] */
  omYuan: number;
  /** inverter replacement [yuan] */
  inverterYuan: number;
  /** interest paid on the loan [yuan] */
  loanInterestYuan: number;
  /** loan principal repaid [yuan] */
  loanPrincipalYuan: number;
  /** income tax paid [yuan] */
  taxYuan: number;
  /** VAT paid on sales of power after the input credit of the investment, 0 without tax.vatPct [yuan] */
  vatYuan: number;
  /** city maintenance tax and education surcharges on the VAT paid [yuan] */
  vatSurchargesYuan: number;
  /** demand charge saved by the PV, in savingsYuan (owner, host; only with a demand charge) [yuan] */
  demandChargeYuan?: number;
  /** investment + O&M + inverter + rent paid + loan + taxes [yuan] */
  costsYuan: number;
  /** savingsYuan − costsYuan [yuan] */
  netCashFlowYuan: number;
  /** net cash flow summed from year 0 */
  cumulativeYuan: number;
}

/** Avoided quantities [t]. */
export interface EmissionTotals {
  /** standard coal (tce) [t] */
  coalT: number;
  /** CO₂ [t] */
  co2T: number;
  /** SO₂ [t] */
  so2T: number;
  /** NOx [t] */
  noxT: number;
  /** dust (particulates) [t] */
  dustT: number;
  /** cooling and process water of thermal plants [t] */
  waterT: number;
}

export interface Assumptions {
  /** DC nameplate [kWp] */
  capacityKwp: number;
  /** hourly methods: the system with every layout default filled in */
  layout?: Required<Omit<System, 'roof'>>;
  /** hourly methods: ground albedo */
  albedo?: number;
  /** the resource method used */
  resourceMethod: Resource['method'];
  /** [years] */
  lifetimeYears: number;
  /** [%] lost during year 1 */
  firstYearDegradationPct: number;
  /** [%/yr] lost each further year */
  annualDegradationPct: number;
  /** the usage mode */
  usageMode: Usage['mode'];
  /** year 1: as given, or as it came out of the hours */
  selfUseSharePct: number;
  /** the load as read */
  load?: {
    /** how it was given */
    kind: LoadProfile['kind'];
    /** monthly and typical: the profile */
    profile?: TypicalProfile;
    /** annual consumption [kWh] */
    annualKwh: number;
    /** highest hourly consumption [kWh in one hour = mean kW] */
    peakKw: number;
    /** intervalCsv: minutes between rows */
    stepMinutes?: number;
    /** intervalCsv: data rows read */
    rows?: number;
    /** intervalCsv: the unit of the values */
    unit?: 'kW' | 'kWh';
  };
  /** largest export power [kW] */
  exportLimitKw?: number;
  /** where the hourly generation came from, when hours were used */
  hoursFrom?: 'clearSkyShape' | 'hourlyEngine' | 'supplied';
  /** clearSkyShape: the site of the shape (Zhengzhou when no site is given) */
  shapeLatitudeDeg?: number;
  /** clearSkyShape: longitude of the shape's site [°] */
  shapeLongitudeDeg?: number;
  /** a flat price, time-of-use prices or monthly prices */
  tariffKind: 'flat' | 'timeOfUse' | 'monthly';
  /** monthly: the 12 purchase prices, January first [yuan/kWh] */
  gridPriceByMonthYuanKwh?: number[];
  /** flat: the price; time of use and monthly: the mean of the 8,760 hourly prices of year 1 [yuan/kWh] */
  gridPriceYuanKwh: number;
  /** the time-of-use prices used */
  timeOfUse?: TimeOfUse;
  /** the time-of-use preset used */
  timeOfUsePreset?: TimeOfUsePresetId;
  /** the time-of-use tariffs that replace the first from a year on */
  timeOfUseChanges?: {
    /** the first year it applies */
    fromYear: number;
    /** its prices and periods */
    timeOfUse: TimeOfUse;
  }[];
  /** year 1's price of an exported kWh [yuan/kWh] (money.exportPricing names the rule) */
  exportPriceYuanKwh: number;
  /** the project under the 2025 rules */
  project: ProjectSummary;
  /** yearly change of the purchase price [%/yr] */
  escalationPct: number;
  /** yearly change of the export price [%/yr] */
  exportEscalationPct: number;
  /** owner or thirdParty */
  ownership: Ownership['kind'];
  /** the owner's or the EMC investor's */
  capexYuanPerW?: number;
  /** year-1 O&M, whatever its form */
  omYuanPerKwpYear?: number;
  /** O&M as a share of the investment [%/yr] */
  omPctOfCapex?: number;
  /** stepped O&M */
  omSteps?: OmStep[];
  /** discount rate of NPV, LCOE and discounted payback [%/yr] */
  discountRatePct?: number;
  /** the inverter replacement */
  inverterReplacement?: InverterReplacement;
  /** the loan */
  loan?: Loan;
  /** the income tax with its defaults; the VAT and its surcharges with their defaults when vatPct was given */
  tax?: Required<Pick<Tax, 'incomeTaxPct' | 'depreciationYears' | 'residualValuePct' | 'taxHoliday'>>
    & Pick<Tax, 'vatPct' | 'cityMaintenanceTaxPct' | 'educationSurchargePct'>;
  /** third party: [%] off the grid price */
  discountPct?: number;
  /** third party: roof rent [yuan/yr] */
  roofRentYuanYear?: number;
}

/** The project as the 2025 rules were applied. */
export interface ProjectSummary {
  /** stated or inferred; absent for a plant above every distributed category */
  category?: Category;
  /** true when inferred from the capacity and connection voltage */
  categoryInferred: boolean;
  /** first day of operation, ISO YYYY-MM-DD */
  commissioningDate?: string;
  /** the province id given */
  province?: ProvinceId;
  /** the province's minimum self-use share of general C&I [%], when shipped */
  minimumSelfUseSharePct?: number;
}

export interface Warning {
  /** stable machine-readable reason */
  code: 'layout_unused' | 'assumed_self_use_share' | 'monthly_by_days' | 'no_payback' | 'assumed_plane'
    | 'timing_offset' | 'weather_filled' | 'station_distance' | 'temperature_from_station'
    | 'monthly_profile_from_station' | 'monthly_duffie_beckman'
    | 'hours_shaped' | 'hours_shaped_default_site' | 'curtailed'
    | 'investor_no_payback' | 'tou_price_order' | 'load_leap_day' | 'load_interval_end'
    | 'mode_not_allowed' | 'surplus_needs_spot_market' | 'export_price_old_rule' | 'no_mechanism'
    | 'below_minimum_self_use' | 'load_unit_hourly' | 'load_export_green_button';
  /** English */
  message: string;
  /** Chinese (zh-CN) */
  messageZh: string;
}

/** The shipped emission factor sets (`presets().emissionFactors`). */
export type EmissionFactorSetId =
  | 'cec-2018' | 'legacy-slogan' | 'mee-2023-national' | 'mee-2023-north-china' | 'mee-2022-shanxi'
  | 'mee-2022-national-fossil';
/** The shipped time-of-use tariffs (`presets().timeOfUse`). */
export type TimeOfUsePresetId =
  | 'shanxi-ci-2026' | 'shanxi-ci-2022' | 'shandong-ci-2026' | 'shandong-ci-2024' | 'jiangsu-ci-2025'
  | 'zhejiang-ci-2026' | 'guangdong-ci-2021' | 'anhui-ci-2025' | 'shaanxi-ci-2025' | 'yunnan-ci-2026'
  | 'hebei-south-ci-2026' | 'hebei-north-ci-2026' | 'henan-ci-2024';
/** The example scenarios (`presets().scenarios`). */
export type ExampleScenarioId = 'shuozhou-6mw' | 'shuozhou-4mw-emc' | 'shuozhou-4mw-owner-tou' | 'shuozhou-4mw-emc-15';

export interface Presets {
  /** the shipped emission factor sets */
  emissionFactors: {
    /** the id for emissions.preset */
    id: EmissionFactorSetId;
    /** name (Chinese) */
    nameZh: string;
    /** name (English) */
    nameEn: string;
    /** the factors with their sources */
    factors: EmissionFactors;
  }[];
  /** the factor set used when a scenario names none */
  defaultEmissionFactors: EmissionFactorSetId;
  /** shipped purchase and export prices */
  tariffs: {
    /** the price's id */
    id: string;
    /** name (Chinese) */
    nameZh: string;
    /** name (English) */
    nameEn: string;
    /** a purchase (grid) price or an export (benchmark) price */
    kind: 'gridPrice' | 'exportPrice';
    /** [yuan/kWh] */
    valueYuanKwh: number;
    /** read in the source (true), or representative / to confirm (false) */
    confirmed: boolean;
    /** where it comes from */
    source: Source;
  }[];
  /** id of the purchase price used when a scenario gives none */
  defaultGridPrice: string;
  /** id of the export price used when a scenario gives none */
  defaultExportPrice: string;
  /** time-of-use tariffs (periods and representative prices) with their sources */
  timeOfUse: {
    /** the id for tariff.timeOfUsePreset */
    id: TimeOfUsePresetId;
    /** name (Chinese) */
    nameZh: string;
    /** name (English) */
    nameEn: string;
    /** ISO date the periods hold from */
    validFrom: string;
    /** ISO date they held until, when replaced */
    validUntil?: string;
    /** the periods and representative prices */
    timeOfUse: TimeOfUse;
    /** the notice's ratios to the flat price [-], when the prices are a representative flat price × these */
    ratios?: TimeOfUse['prices'];
    /** false while any period or price is still to confirm */
    confirmed: boolean;
    /** where it comes from */
    source: Source;
  }[];
  /** id of the time-of-use tariff offered first (the page's default) */
  defaultTimeOfUse: TimeOfUsePresetId;
  /** stepped O&M schedules for omSteps */
  omSchedules: {
    /** the schedule's id */
    id: string;
    /** name (Chinese) */
    nameZh: string;
    /** name (English) */
    nameEn: string;
    /** the steps, for ownership.omSteps */
    steps: OmStep[];
    /** read in the source (true), or to confirm (false) */
    confirmed: boolean;
    /** where it comes from */
    source: Source;
  }[];
  /** provinces for project.province; every figure with its source and whether it was read in the document */
  provinces: {
    /** the id for project.province */
    id: ProvinceId;
    /** name (Chinese) */
    nameZh: string;
    /** name (English) */
    nameEn: string;
    /** coal-fired benchmark price (the ceiling of existing projects' mechanism price) [yuan/kWh], when shipped:
     * the value of the tariff preset benchmarkPresetId */
    benchmarkYuanKwh?: number;
    /** id of the shipped benchmark price in presets().tariffs, which carries its issuer, document and year */
    benchmarkPresetId?: string;
    /** whether a formal (continuous) spot market runs, which large C&I surplus export needs */
    spotMarket: boolean;
    /** the province's Document 136 mechanism for new (增量) projects, as published */
    newMechanism?: {
      /** auction clearing price for PV [yuan/kWh], once an auction has cleared */
      priceYuanKwh?: number;
      /** largest share of a project's exports under the mechanism [%] */
      sharePct?: number;
      /** term [years from commissioning] */
      termYears?: number;
      /** ISO date of the document or result */
      date: string;
      /** read in the document (true), or to confirm (false) */
      confirmed: boolean;
      /** where it comes from */
      source: Source;
    };
    /** the minimum self-use share of general C&I projects */
    minimumSelfUse?: {
      /** [% of generation] */
      sharePct: number;
      /** ISO date of the document */
      date: string;
      /** read in the document (true), or to confirm (false) */
      confirmed: boolean;
      /** where it comes from */
      source: Source;
    };
  }[];
  /** worked example scenarios */
  scenarios: {
    /** the example's id */
    id: ExampleScenarioId;
    /** name (Chinese) */
    nameZh: string;
    /** name (English) */
    nameEn: string;
    /** what it shows (Chinese) */
    descriptionZh: string;
    /** what it shows (English) */
    descriptionEn: string;
    /** the scenario, ready for calculate() */
    scenario: Scenario;
  }[];
  /** what each optional field of a scenario defaults to: the core's one list of defaults */
  defaults: Defaults;
}

/** The defaults of a scenario's optional fields, named as those fields (and the report's assumptions). */
export interface Defaults {
  /** lifetime [years] */
  lifetimeYears: number;
  /** degradation in year 1 [%] */
  firstYearDegradationPct: number;
  /** degradation each later year [%/yr] */
  annualDegradationPct: number;
  /** how the power is used when usage is not given */
  usageMode: 'fullExport' | 'selfUseSurplus' | 'fullSelfUse';
  /** self-use share without a load [%] */
  selfUseSharePct: number;
  /** the roof plane when none is given (PVWatts: 20° facing south) */
  plane: Plane;
  /** DC/AC ratio [-] */
  dcAcRatio: number;
  /** inverter efficiency [%] */
  inverterEfficiencyPct: number;
  /** lumped DC losses [%] (PVWatts: 14.0757) */
  lossesPct: number;
  /** module type */
  moduleType: 'standard' | 'premium' | 'thinFilm';
  /** mounting */
  mounting: 'roof' | 'openRack';
  /** ground coverage ratio of open-rack rows [-] */
  groundCoverageRatio: number;
  /** sky-diffuse transposition model */
  skyModel: 'perez' | 'hayDavies' | 'hdkr' | 'isotropic';
  /** ground albedo [0–1] */
  albedo: number;
  /** time zone [h east of UTC] (Beijing time) */
  timezoneH: number;
  /** site elevation [m] */
  elevationM: number;
  /** grid purchase price [yuan/kWh] (presets().defaultGridPrice) */
  gridPriceYuanKwh: number;
  /** export price [yuan/kWh] (presets().defaultExportPrice) */
  exportPriceYuanKwh: number;
  /** purchase-price escalation [%/yr] */
  escalationPct: number;
  /** export-price escalation [%/yr] (the purchase escalation when not given) */
  exportEscalationPct: number;
  /** investment [yuan/W] */
  capexYuanPerW: number;
  /** yearly O&M as a share of the investment [%] */
  omPctOfCapex: number;
  /** the same O&M per kWp and year [yuan/kWp/yr] */
  omYuanPerKwpYear: number;
  /** discount rate [%/yr] */
  discountRatePct: number;
  /** straight-line depreciation period [years] */
  depreciationYears: number;
  /** residual value left undepreciated [% of the investment] */
  residualValuePct: number;
  /** roof rent a third-party investor pays [yuan/yr] */
  roofRentYuanYear: number;
  /** id of the emission factor set (presets().defaultEmissionFactors) */
  emissionFactors: string;
  /** the battery's defaults (scenario.storage), assumptions dated 2025 to confirm */
  storage: {
    /** dispatch mode */
    dispatch: DispatchMode;
    /** AC round-trip efficiency [%] (NREL ATB 85 %) */
    roundTripEfficiencyPct: number;
    /** [%] */
    socMinPct: number;
    /** [%] */
    socMaxPct: number;
    /** [kW] */
    auxiliaryKw: number;
    /** [%/yr] */
    calendarFadePctPerYear: number;
    /** [%/equivalent full cycle] */
    cycleFadePctPerCycle: number;
    /** [% of the nameplate] */
    endOfLifePct: number;
    /** [yuan/kWh] */
    replacementCostYuanPerKwh: number;
    /** [yuan/kWh] */
    capexYuanPerKwh: number;
    /** [yuan/kW] */
    capexYuanPerKw: number;
    /** [% of the investment per year] */
    omPctOfCapex: number;
    /** charging from the grid allowed */
    gridCharging: boolean;
    /** timeOfUse: equivalent full cycles a day */
    cyclesPerDay: number;
  };
}

/** NPV, IRR and payback of one investment. */
export interface Returns {
  /** year-0 investment [yuan] */
  investmentYuan: number;
  /** savings (or revenue) of year 1 [yuan] */
  firstYearSavingsYuan: number;
  /** at the scenario's discount rate [yuan] */
  npvYuan: number;
  /** [%]; absent when there is none */
  irrPct?: number;
  /** [years]; absent when it does not pay back */
  paybackYears?: number;
}

/** One year of the battery [kWh, yuan]. */
export interface StorageYear {
  /** 1..lifetime */
  year: number;
  /** capacity at the start of the year [% of the nameplate] */
  stateOfHealthPct: number;
  /** cells replaced at the end of the year */
  replaced: boolean;
  /** AC energy drawn to charge [kWh] */
  chargeKwh: number;
  /** the part of it from the PV surplus [kWh] */
  chargeFromPvKwh: number;
  /** the part of it from the grid [kWh] */
  chargeFromGridKwh: number;
  /** AC energy delivered to the load [kWh] */
  dischargeKwh: number;
  /** conversion losses: charged − delivered − change of the stored energy [kWh] */
  lossesKwh: number;
  /** auxiliary draw [kWh] */
  auxiliaryKwh: number;
  /** equivalent full cycles (energy withdrawn from the cells / usable energy) */
  cycles: number;
  /** grid import with PV and battery [kWh] */
  gridImportKwh: number;
  /** export with PV and battery [kWh] */
  exportedKwh: number;
  /** curtailed with PV and battery [kWh] */
  curtailedKwh: number;
  /** energy saving less arbitrage: PV shifted, less the exports it displaces and the auxiliary draw [yuan] */
  selfConsumptionYuan: number;
  /** grid-charged share of the discharge at its purchase price, less the grid charging paid [yuan] */
  arbitrageYuan: number;
  /** demand charge saved [yuan] */
  demandChargeYuan: number;
  /** everything the battery saves in the year [yuan] */
  savingsYuan: number;
  /** [yuan] */
  omYuan: number;
  /** cell replacement [yuan] */
  replacementYuan: number;
  /** the battery owner's cash flow (after the host's share under EMC) [yuan] */
  netCashFlowYuan: number;
}

/** One day of year 1 by clock hour (24 values each) [kW = kWh in the hour]. */
export interface StorageDay {
  /** 1–12 */
  month: number;
  /** state of charge at the end of the hour [% of the capacity] */
  socPct: number[];
  /** [kW] */
  chargeKw: number[];
  /** [kW] */
  dischargeKw: number[];
  /** import − export [kW] */
  gridKw: number[];
  /** [kW] */
  pvKw: number[];
  /** [kW] */
  loadKw: number[];
}

/** The battery's report: dispatch, money by source, health over the lifetime, and the returns of PV alone,
 * storage alone (no PV), storage added to the PV and both. */
export interface StorageReport {
  /** dispatch mode */
  dispatch: DispatchMode;
  /** nameplate energy [kWh] */
  energyKwh: number;
  /** [kW] */
  powerKw: number;
  /** usable energy when new [kWh] */
  usableKwh: number;
  /** round-trip efficiency used [%] */
  roundTripEfficiencyPct: number;
  /** [yuan] */
  investmentYuan: number;
  /** year 1 (also byYear[0]) */
  firstYear: StorageYear;
  /** every year of the lifetime */
  byYear: StorageYear[];
  /** year 1 by month */
  byMonth: {
    /** 1–12 */
    month: number;
    /** [kWh] */
    chargeKwh: number;
    /** [kWh] */
    dischargeKwh: number;
    /** [kWh] */
    lossesKwh: number;
    /** equivalent full cycles */
    cycles: number;
    /** largest hourly grid draw with PV and battery [kW] */
    peakGridKw: number;
    /** the same with the PV alone [kW] */
    peakGridPvOnlyKw: number;
    /** the load's largest hour [kW] */
    peakLoadKw: number;
  }[];
  /** the average day of each month of year 1, by clock hour (24 values each) */
  averageDay: StorageDay[];
  /** the day storage.dayOfYear of year 1, hour by hour (when given) */
  chosenDay?: StorageDay & {
    /** 1–365 */
    dayOfYear: number;
  };
  /** the PV alone (the cash flow of money.byYear) */
  pvAlone: Returns;
  /** the battery at the site without PV */
  storageAlone: Returns;
  /** the battery added to the PV */
  storageWithPv: Returns;
  /** PV and battery together */
  both: Returns;
  /** EMC: the host's share of the battery's savings [%] */
  hostSharePct?: number;
  /** EMC: the host's gain from the battery in year 1 [yuan] */
  hostFirstYearYuan?: number;
}
