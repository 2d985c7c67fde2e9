// The public functions of rooftop-pv around the wasm-bindgen glue, for the browser and the Node
// entries alike: each refuses a wrong argument count or type with a ScenarioError before it reaches
// WebAssembly, refuses to run before the module is loaded, and gives the errors of the Rust core
// (plain `Error`s named ScenarioError, src/wasm.rs) the ScenarioError prototype so that
// `e instanceof ScenarioError` holds. A scenario (or weather options) is read here once, property by
// property, into a plain copy within the caps below: a getter or Proxy trap that throws, a BigInt,
// Symbol or function, a cycle or anything beyond a cap is refused before a byte is copied into
// WebAssembly, and the core only ever sees plain data (which it checks against the same caps,
// src/caps.rs).

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
  v === null ? 'null' : isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;

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

/** The caps on every input (README "Limits"; the same numbers in src/caps.rs). */
const CAPS = {
  /** the scenario without its file texts, as JSON [characters] */
  jsonChars: 1 << 20,
  /** objects and arrays inside one another */
  depth: 16,
  /** properties of one object */
  keys: 64,
  /** characters of a property name */
  keyChars: 64,
  /** values (numbers, strings, objects …) in the whole scenario */
  values: 20000,
  /** elements of any array */
  arrayItems: 1000,
  /** characters of any string but the two file texts (ids, names, modes, dates) */
  stringChars: 256,
  /** `system.planes` */
  planes: 50,
  /** rows of a time-of-use `schedule` (every month in one row: 12 at most) */
  scheduleRows: 12,
  /** `resource.text`, the weather file [bytes] (50 MiB) */
  weatherTextBytes: 50 * 1024 * 1024,
  /** `usage.load.text`, the load file [bytes] (20 MiB) */
  loadTextBytes: 20 * 1024 * 1024,
  /** the query of `findStations()` and the id of `stationClimate()` [characters] */
  queryChars: 256,
};
/** Arrays with a cap of their own, by property name. */
const ARRAY_CAPS = { planes: CAPS.planes, schedule: CAPS.scheduleRows };
/** The two file texts: a string, Uint8Array or ArrayBuffer, capped in bytes (UTF-16 units of a string
 * are at most its UTF-8 bytes), each with the code the core gives a text above its cap. */
const TEXTS = {
  'resource.text': [CAPS.weatherTextBytes, 'weather_too_large'],
  'usage.load.text': [CAPS.loadTextBytes, 'load_format'],
};
/** Refuses a file text above its cap in bytes, before it is copied. */
function checkText(field, v, [cap, code]) {
  const size = typeof v === 'string' ? v.length : v.byteLength;
  if (size > cap) {
    throw new ScenarioError(code, field, `${field} holds more than ${cap >> 20} MiB (the limit)`, `${field} 超过 ${cap >> 20} MiB（上限）`);
  }
}
/** Echoed values are cut to this many characters. */
const ECHO_CHARS = 40;
const cut = (text) => (text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text);
const join = (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
const where = (path) => path || 'the scenario';
const whereZh = (path) => path || '情景';

/** What a getter or trap threw, in a few words. */
function thrownText(e) {
  try {
    return cut(e instanceof Error ? `${e.name}: ${e.message}` : `${typeof e} ${String(e)}`);
  } catch {
    return 'a value that cannot be shown';
  }
}

function tooMany(path, what, whatZh, cap) {
  return new ScenarioError('too_many', path, `${where(path)} holds more than ${cap} ${what} (the limit)`,
    `${whereZh(path)} 超过 ${cap} 个${whatZh}（上限）`);
}

const isBytes = (v) => v instanceof Uint8Array || v instanceof ArrayBuffer;
const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A plain copy of a scenario or options object, read once (see the head of this file); throws a
 * ScenarioError naming the JSON path of the first value it refuses. */
export function plainCopy(root) {
  const state = { values: 0, chars: 0, ancestors: new Set() };
  const read = (path, f) => {
    try {
      return f();
    } catch (e) {
      throw new ScenarioError('unreadable', path, `${where(path)} cannot be read: a getter or Proxy trap threw (${thrownText(e)})`,
        `${whereZh(path)} 无法读取：其 getter 或 Proxy 陷阱抛出了异常（${thrownText(e)}）`);
    }
  };
  const copy = (v, path, depth) => {
    if (++state.values > CAPS.values) throw tooMany('', 'values in all', '值', CAPS.values);
    if (TEXTS[path] && (typeof v === 'string' || isBytes(v))) {
      checkText(path, v, TEXTS[path]);
      return v;
    }
    switch (typeof v) {
      case 'string':
        if (v.length > CAPS.stringChars) {
          throw new ScenarioError('too_long', path, `${where(path)} has ${v.length} characters; at most ${CAPS.stringChars} are accepted`,
            `${whereZh(path)} 有 ${v.length} 个字符，上限为 ${CAPS.stringChars}`);
        }
        if (lone.test(v)) {
          throw new ScenarioError('invalid_type', path, `${where(path)} is not valid text (a lone UTF-16 surrogate)`,
            `${whereZh(path)} 不是有效文本（含孤立的 UTF-16 代理项）`);
        }
        state.chars += v.length + 3;
        return v;
      case 'number':
      case 'boolean':
      case 'undefined':
        state.chars += 24;
        return v;
      case 'bigint':
      case 'symbol':
      case 'function': {
        const what = { bigint: 'a BigInt', symbol: 'a Symbol', function: 'a function' }[typeof v];
        throw new ScenarioError('invalid_type', path, `${where(path)} is ${what}: only numbers, strings, booleans, arrays and objects are read`,
          `${whereZh(path)} 是 ${what}：只接受数字、字符串、布尔值、数组和对象`);
      }
      default:
    }
    if (v === null) return null;
    if (depth >= CAPS.depth) {
      throw new ScenarioError('too_deep', path, `${where(path)} nests objects and arrays more than ${CAPS.depth} levels deep (the limit)`,
        `${whereZh(path)} 的对象与数组嵌套超过 ${CAPS.depth} 层（上限）`);
    }
    if (state.ancestors.has(v)) {
      throw new ScenarioError('invalid_json', path, `${where(path)} contains itself (a cycle)`, `${whereZh(path)} 包含其自身（循环引用）`);
    }
    state.ancestors.add(v);
    let out;
    if (read(path, () => Array.isArray(v))) {
      const length = read(path, () => v.length);
      const key = path.slice(path.lastIndexOf('.') + 1);
      const cap = ARRAY_CAPS[key] ?? CAPS.arrayItems;
      if (length > cap) throw tooMany(path, 'elements', '元素', cap);
      out = [];
      for (let i = 0; i < length; i++) {
        const p = join(path, i);
        out.push(copy(read(p, () => v[i]), p, depth + 1));
      }
    } else {
      const keys = read(path, () => Object.keys(v));
      if (keys.length > CAPS.keys) throw tooMany(path, 'properties', '属性', CAPS.keys);
      out = {};
      for (const k of keys) {
        if (k.length > CAPS.keyChars || lone.test(k)) {
          throw new ScenarioError('unknown_field', path, `${where(path)} has a property named \`${cut(k)}\` (${k.length} characters), which no scenario has`,
            `${whereZh(path)} 含有名为 \`${cut(k)}\`（${k.length} 个字符）的属性，情景中没有这样的字段`);
        }
        const p = join(path, k);
        const x = copy(read(p, () => v[k]), p, depth + 1);
        if (x !== undefined) out[k] = x;
        state.chars += k.length + 4;
      }
    }
    state.ancestors.delete(v);
    if (state.chars > CAPS.jsonChars) {
      throw new ScenarioError('too_large', '', `the scenario is larger than ${CAPS.jsonChars >> 20} MiB as JSON, without its file texts (the limit)`,
        `情景（不含文件文本）的 JSON 超过 ${CAPS.jsonChars >> 20} MiB（上限）`);
    }
    return out;
  };
  return copy(root, '', 0);
}

/** NaN and ±Infinity as the strings the core names `not_finite` at their JSON path (src/json.rs
 * NON_FINITE: U+0000 and the number's name; no field accepts such a string). */
const nonFinite = (key, v) => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}` : v);

/** The JSON text of a plain copy (`plainCopy`) for the core; anything but an object as `null`, which
 * the core refuses as not an object. */
const jsonOf = (copy) => (typeof copy === 'object' && copy !== null ? JSON.stringify(copy, nonFinite) : 'null');

/** Takes `parent[key].text` out of a plain copy when it is a file text (string or bytes: it crosses
 * as bytes, not JSON); `undefined` otherwise. */
function takeText(parent, key) {
  const o = typeof parent === 'object' && parent !== null ? parent[key] : undefined;
  if (typeof o !== 'object' || o === null || !isText(o.text)) return undefined;
  const text = o.text;
  delete o.text;
  return text;
}

function checkQuery(name, field, value) {
  if (value.length <= CAPS.queryChars) return;
  throw new ScenarioError('too_long', field, `${name}(): ${field} has ${value.length} characters; at most ${CAPS.queryChars} are accepted`,
    `${name}()：${field} 有 ${value.length} 个字符，上限为 ${CAPS.queryChars}`);
}

const isString = (v) => typeof v === 'string';
const isNumber = (v) => typeof v === 'number';
const isText = (v) => typeof v === 'string' || v instanceof Uint8Array || v instanceof ArrayBuffer;
const isObject = (v) => typeof v === 'object' && v !== null && !isArray(v);
/** `Array.isArray`, false for a revoked Proxy (which `plainCopy` then names). */
const isArray = (v) => {
  try {
    return Array.isArray(v);
  } catch {
    return false;
  }
};
const isOptions = (v) => v === undefined || v === null || (typeof v === 'object' && !isArray(v));

/** Row templates of the report's tables by their keys (joined by `,`): a copy of a template has its
 * keys in order, so that V8 builds every row of a table with one object shape (5× faster than
 * `JSON.parse` of the rows, 4× faster than adding the keys one by one). */
const templates = new Map();

/** The report `calculate` hands over, `[report, tables, numbers, hourlyKwh?]` (src/wasm.rs,
 * src/handoff.rs): each table `[path, keys, rows, start]` of `tables` rebuilt from `numbers` at its
 * path, `hourlyKwh` put in `energy`. */
function report([value, tables, numbers, hourly]) {
  for (const [path, keys, rows, start] of tables) {
    let template = templates.get(keys);
    if (!template) {
      const names = keys.split(',');
      template = [names, Object.fromEntries(names.map((name) => [name, 0]))];
      templates.set(keys, template);
    }
    const [names, row] = template;
    const out = new Array(rows);
    for (let i = 0, k = start; i < rows; i++) {
      const o = { ...row };
      for (let j = 0; j < names.length; j++) o[names[j]] = numbers[k++];
      out[i] = o;
    }
    let parent = value;
    for (let i = 0; i < path.length - 1; i++) parent = parent[path[i]];
    parent[path[path.length - 1]] = out;
  }
  if (hourly !== undefined) value.energy.hourlyKwh = hourly;
  return value;
}

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
      const scenario = typeof args[0] === 'object' && args[0] !== null ? plainCopy(args[0]) : args[0];
      const weather = takeText(scenario, 'resource');
      const load = takeText(scenario?.usage, 'load');
      return call('calculate', () => report(glue.calculate(jsonOf(scenario), weather, load, true)));
    },
    sweepStorage(...args) {
      checkCount('sweepStorage', args, 2, 2);
      checkType('sweepStorage', 'scenario', args[0], isObject, 'a scenario object', '情景对象');
      checkType('sweepStorage', 'grid', args[1], isObject, 'an object { powersKw, durationsH }', '对象 { powersKw, durationsH }');
      const [scenario, grid] = [plainCopy(args[0]), plainCopy(args[1])];
      return call('sweepStorage', () => glue.sweepStorage(jsonOf(scenario), jsonOf(grid)));
    },
    parseWeather(...args) {
      checkCount('parseWeather', args, 1, 2);
      checkType('parseWeather', 'text', args[0], isText, 'a string, Uint8Array or ArrayBuffer', '字符串、Uint8Array 或 ArrayBuffer');
      checkType('parseWeather', 'options', args[1], isOptions, 'an object or undefined', '对象或 undefined');
      checkText('text', args[0], TEXTS['resource.text']);
      const options = args[1] ? jsonOf(plainCopy(args[1])) : '{}';
      return call('parseWeather', () => glue.parseWeather(args[0], options));
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
      checkQuery('findStations', 'query', args[0]);
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
      const input = typeof args[0] === 'object' && args[0] !== null ? plainCopy(args[0]) : args[0];
      return call('sizeRoof', () => glue.sizeRoof(jsonOf(input)));
    },
    stationClimate(...args) {
      checkCount('stationClimate', args, 1, 1);
      checkType('stationClimate', 'stationId', args[0], isString, 'a string', '字符串');
      checkQuery('stationClimate', 'stationId', args[0]);
      return call('stationClimate', () => glue.stationClimate(args[0]));
    },
  };
}
