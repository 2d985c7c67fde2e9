// The page's state, in one place: what the form holds beyond its inputs, the engine, the last
// report. Every module of the page reads and writes it here.

export const $ = (id) => document.getElementById(id);

export const DEFAULT_STATION = '537720';

export const state = {
  presets: null,
  report: null, // last good report
  scenario: null, // the scenario of `report`
  fieldErrors: [], // [{ el, core?: ScenarioError, key?: string }]
  generalError: null, // ScenarioError or { key, vars }
  example: null,
  exampleScenario: null, // JSON of the form's scenario right after loading the example
  exampleEdited: false,
  // The loaded weather file: { name, size, text, summary (WeatherSummary), error (ScenarioError) } or
  // { name, size, localError: { key, vars } } when it could not be read; null before any file.
  weather: null,
  weatherToken: null, // the file being read (a newer choice wins)
  stations: null, // Map id → Station (the 270 built-in ones)
  stationId: DEFAULT_STATION, // the station chosen by name
  climates: new Map(), // id → StationClimate, read when first needed
  suggestions: [], // the stations listed under the search box
  placeSuggestions: [], // the places listed after them (places.js)
  place: null, // adcode of the place whose coordinates are in the site fields
  active: -1, // the suggestion highlighted by the arrow keys
  searching: false, // the search box holds what the user typed, not the chosen station's name
  engine: null, // the calculation worker (engine.js)
  requested: null, // { seq, scenario } of the newest calculation asked for
  weatherSerial: 0, // numbers the weather files read, for the worker's copy of the text
  neededFile: null, // { name, size } of the weather file a restored link or case names
  linkToken: 0, // the newest link being encoded (encoding is asynchronous)
};
