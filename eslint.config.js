// Lint rules, including the dependency direction of the modules (STYLE.md):
// model <- (lists, matching, graph, rules, ingest) <- store <- service <- (server, cli).
// Folders import each other only through their index.ts, and matching/graph/rules stay free of I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = {
  model: [],
  config: [],
  lists: ['model', 'config'],
  matching: ['model'],
  graph: ['model'],
  rules: ['model', 'graph'],
  ingest: ['model', 'matching', 'lists'],
  synthetic: ['model'],
  store: ['model', 'config'],
  service: ['model', 'config', 'lists', 'matching', 'graph', 'rules', 'ingest', 'synthetic', 'store'],
  server: ['model', 'config', 'service', 'store', 'matching', 'lists'],
  cli: ['model', 'config', 'service', 'store', 'matching', 'lists', 'server'],
};
const all = Object.keys(layers);
const ioModules = ['fs', 'fs/promises', 'net', 'http', 'https', 'child_process', 'worker_threads', 'better-sqlite3', 'pg']
  .flatMap((m) => [m, `node:${m}`]);

const boundaryConfigs = Object.entries(layers).map(([folder, allowed]) => {
  const forbidden = all.filter((f) => f !== folder && !allowed.includes(f));
  const patterns = [
    {
      regex: `^\\.\\./(${all.join('|')})/(?!index\\.js$).+`,
      message: 'Import another module only through its index.ts.',
    },
  ];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
      message: `src/${folder} may import only: ${allowed.join(', ') || 'nothing'} (dependency direction).`,
    });
  }
  const pure = ['model', 'matching', 'graph', 'rules', 'synthetic'].includes(folder);
  return {
    files: [`src/${folder}/**/*.ts`],
    ignores: ['src/**/*.test.ts', 'src/**/*.test-suite.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns,
          ...(pure ? { paths: ioModules.map((name) => ({ name, message: `src/${folder} is pure: no I/O.` })) } : {}),
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', fetch: 'readonly', structuredClone: 'readonly', performance: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-control-regex': 'off',
    },
  },
  ...boundaryConfigs,
);
