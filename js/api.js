// The public functions of rooftop-pv around the wasm-bindgen glue, for the browser and the Node
// entries alike: each refuses a wrong argument count or type with a ScenarioError before it reaches
// WebAssembly, refuses to run before the module is loaded, and gives the errors of the Rust core
// (plain `Error`s named ScenarioError, src/wasm.rs) the ScenarioError prototype so that
// `e instanceof ScenarioError` holds.

/** What every function of the package throws for bad input: a stable `code`, the JSON path or
 * argument name in `field`, the message in English (`message`) and Chinese (`messageZh`). */
export class ScenarioError extends Error {
  constructor(code, field, message, messageZh) {
    super(message);
    this.name = 'ScenarioError';
    this.code = code;
    this.field = field;
    this.messageZh = messageZh;
  }
}

function adopt(e) {
  if (e instanceof Error && e.name === 'ScenarioError' && !(e instanceof ScenarioError)) {
    Object.setPrototypeOf(e, ScenarioError.prototype);
  }
  return e;
}

const describe = (v) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;

/** Throws unless `args` holds `min`…`max` arguments. */
export function checkCount(name, args, min, max) {
  if (args.length >= min && args.length <= max) return;
  const want = min === max ? `${min}` : `${min} to ${max}`;
  throw new ScenarioError(
    'argument_count',
    '',
    `${name}() takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}`,
    `${name}() 需要 ${want} 个参数，实际传入 ${args.length} 个`,
  );
}

/** Throws unless `ok(value)`; `what` names the expected type in English and Chinese. */
function checkType(name, field, value, ok, what, whatZh) {
  if (ok(value)) return;
  throw new ScenarioError(
    'invalid_type',
    field,
    `${name}(): ${field} must be ${what}, got ${describe(value)}`,
    `${name}()：${field} 须为${whatZh}，实际为 ${describe(value)}`,
  );
}

const isString = (v) => typeof v === 'string';
const isNumber = (v) => typeof v === 'number';
const isText = (v) => typeof v === 'string' || v instanceof Uint8Array || v instanceof ArrayBuffer;
const isOptions = (v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));

/** The public functions over `glue` (the wasm-bindgen exports); `ready()` tells whether the
 * WebAssembly module is loaded. */
export function bind(glue, ready) {
  const call = (name, f) => {
    if (!ready()) {
      throw new ScenarioError(
        'not_initialized',
        '',
        `${name}() was called before the WebAssembly module was loaded: await init() first (or call initSync())`,
        `WebAssembly 模块尚未加载就调用了 ${name}()：请先 await init()（或调用 initSync()）`,
      );
    }
    try {
      return f();
    } catch (e) {
      throw adopt(e);
    }
  };
  return {
    calculate(...args) {
      checkCount('calculate', args, 1, 1);
      return call('calculate', () => glue.calculate(args[0]));
    },
    parseWeather(...args) {
      checkCount('parseWeather', args, 1, 2);
      checkType('parseWeather', 'text', args[0], isText, 'a string, Uint8Array or ArrayBuffer', '字符串、Uint8Array 或 ArrayBuffer');
      checkType('parseWeather', 'options', args[1], isOptions, 'an object or undefined', '对象或 undefined');
      return call('parseWeather', () => glue.parseWeather(args[0], args[1]));
    },
    presets(...args) {
      checkCount('presets', args, 0, 0);
      return call('presets', () => glue.presets());
    },
    version(...args) {
      checkCount('version', args, 0, 0);
      return call('version', () => glue.version());
    },
    stations(...args) {
      checkCount('stations', args, 0, 0);
      return call('stations', () => glue.stations());
    },
    findStations(...args) {
      checkCount('findStations', args, 1, 1);
      checkType('findStations', 'query', args[0], isString, 'a string', '字符串');
      return call('findStations', () => glue.findStations(args[0]));
    },
    nearestStation(...args) {
      checkCount('nearestStation', args, 2, 2);
      checkType('nearestStation', 'latitude', args[0], isNumber, 'a number [°]', '数值（°）');
      checkType('nearestStation', 'longitude', args[1], isNumber, 'a number [°]', '数值（°）');
      return call('nearestStation', () => glue.nearestStation(args[0], args[1]));
    },
    sizeRoof(...args) {
      checkCount('sizeRoof', args, 1, 1);
      return call('sizeRoof', () => glue.sizeRoof(args[0]));
    },
    stationClimate(...args) {
      checkCount('stationClimate', args, 1, 1);
      checkType('stationClimate', 'id', args[0], isString, 'a string', '字符串');
      return call('stationClimate', () => glue.stationClimate(args[0]));
    },
  };
}
