import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads the project graph that Nx caches and skips itself, with only a console warning,
// when there is none (a fresh clone, a plain `npx eslint`). Building the graph here makes the rule run every time, and
// a graph that cannot be built fails the lint instead of passing it unchecked.
await createProjectGraphAsync({ exitOnError: false });

const SPEC_FILES = ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/testing/**', 'libs/server-harness/**'];
const FIXTURES_ARE_FOR_SPECS = { group: ['@grid-command/*/testing'], message: 'Fixtures are for specs only.' };

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', '**/tmp', 'load-tests/dist/**'],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:load-test', onlyDependOnLibsWithTags: ['type:test-support', 'type:domain', 'type:contracts'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:test-support', 'type:domain', 'type:contracts'] },
            { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:shared'] },
            { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:node', 'platform:shared'] },
            { sourceTag: 'platform:shared', onlyDependOnLibsWithTags: ['platform:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // Configuration is read once, validated, and injected; nothing else reads the environment.
    files: ['**/*.ts'],
    ignores: ['apps/server/src/main.ts', 'apps/simulator/src/cli-options.ts', 'tools/**', '**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', 'libs/*/src/testing/**', 'libs/server-harness/**', 'apps/*/src/testing/**', 'load-tests/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from the validated config object.' }],
    },
  },
  {
    // Fixtures are for specs: production code never builds a contract's shape from a fixture.
    files: ['**/*.ts'],
    ignores: SPEC_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [FIXTURES_ARE_FOR_SPECS] }] },
  },
  {
    // A server capability folder is reached through its public face (its index.ts); shared plumbing lives in
    // common/ and infrastructure/. capability-boundaries.spec.ts also checks nested paths and cycles, and that the
    // plumbing folders (whose sub-folders import each other's files) import no capability.
    files: ['apps/server/src/app/*/**/*.ts'],
    ignores: [...SPEC_FILES, 'apps/server/src/app/common/**', 'apps/server/src/app/infrastructure/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            FIXTURES_ARE_FOR_SPECS,
            { regex: '^\\.\\./(?!common/|infrastructure/)[a-z-]+/.+', message: "Import another capability through its index ('../tickets'), not its files." },
          ],
        },
      ],
    },
  },
  // The screen's features: wall/, console/, admin/ and ops/ may import shared/, shared/ imports none of them, and none
  // imports another (what both use moves to shared/). A later no-restricted-imports replaces an earlier one for the same
  // file, so the fixtures rule above is repeated here for non-spec files.
  ...[
    { folder: 'shared', forbidden: ['wall', 'console', 'admin', 'ops'] },
    { folder: 'wall', forbidden: ['console', 'admin', 'ops'] },
    { folder: 'console', forbidden: ['wall', 'admin', 'ops'] },
    { folder: 'admin', forbidden: ['wall', 'console', 'ops'] },
    { folder: 'ops', forbidden: ['wall', 'console', 'admin'] },
  ].flatMap(({ folder, forbidden }) => {
    const files = [`apps/screen/src/app/${folder}/**/*.ts`];
    const boundary = {
      group: forbidden.flatMap((feature) => [`**/${feature}`, `**/${feature}/**`]),
      message: `${folder}/ may not import ${forbidden.map((feature) => `${feature}/`).join(' or ')}: move what both use to shared/.`,
    };
    const fixtures = { group: ['@grid-command/*/testing'], message: 'Fixtures are for specs only.' };
    return [
      { files, rules: { 'no-restricted-imports': ['error', { patterns: [boundary] }] } },
      { files, ignores: ['**/*.spec.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [boundary, fixtures] }] } },
    ];
  }),
  {
    // Command-line tools talk to a terminal.
    files: ['tools/**/*.ts', 'apps/simulator/src/**/*.ts', 'load-tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
