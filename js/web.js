// `rooftop-pv/web` for resolvers without package.json "exports" (TypeScript's node10): the browser build.
export * from './rooftop_pv.js';
export { default } from './rooftop_pv.js';
