// `yaml` as ES modules (the build its package gives bundlers and browsers), for every esbuild build: esbuild
// links its functions directly instead of through CommonJS getters, and its Node build reads process.env on
// every token (LOG_TOKENS), which made parsing about 20% slower (bench/README.md). Shared by esbuild.mjs and the
// bench harness build (bench/run.mjs), so the bench's parse floor uses the same build as Kubeready.
export const YAML_ESM_ALIAS = { yaml: './node_modules/yaml/browser/index.js' };
