/**
 * The worker bundle's text under jest: webpack inlines the esbuild bundle of
 * src/web/worker.ts (webpack.config.js); tests give the pane a fake Worker instead.
 */
export default "/* the worker bundle (built by webpack.config.js) */";
