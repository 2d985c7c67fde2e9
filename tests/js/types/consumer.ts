// Compiled by scripts/test-package.sh against the installed package under TypeScript's node10,
// node16 (CommonJS and ESM) and bundler resolution: init/initSync typed, the ScenarioError class,
// the literal preset ids, the browser build's subpath.
import init, { calculate, initSync, presets, ScenarioError, type ErrorCode, type InitOutput, type Scenario } from 'rooftop-pv';
import * as web from 'rooftop-pv/web';

export async function main(): Promise<string> {
  const exports: InitOutput = await init();
  const memory: WebAssembly.Memory = exports.memory;
  const again: InitOutput = initSync();
  const viaWeb: Promise<InitOutput> = web.default({ module_or_path: new URL('https://example.org/rooftop_pv_bg.wasm') });
  void viaWeb;
  const s: Scenario = { system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 }, emissions: { preset: 'cec-2018' } };
  // @ts-expect-error — not a shipped factor set
  const wrong: Scenario = { ...s, emissions: { preset: 'cec-2019' } };
  void wrong;
  try {
    calculate({} as Scenario);
  } catch (e) {
    if (e instanceof ScenarioError) {
      const code: ErrorCode = e.code;
      const where: string = e.field;
      return `${code} ${where} ${e.messageZh} ${memory === again.memory}`;
    }
  }
  return presets().defaultEmissionFactors;
}
