// One Jest configuration per project and tier; every project's jest.*.config.cjs is a call to this.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

const workspaceRoot = join(__dirname, '..', '..');

/** Library imports resolve as the apps' tsconfig paths say, so tests import libs the way the apps do. */
function libraryAliases() {
  const { compilerOptions } = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([name, [target]]) => [`^${name.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}$`, join(workspaceRoot, target)]),
  );
}

const testMatchByTier = {
  unit: ['<rootDir>/src/**/*.spec.ts'],
  integration: ['<rootDir>/src/**/*.integration-spec.ts'],
  e2e: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
};

/**
 * Nx's preset (its resolver, extensions and ignore patterns) with the tier's files, in Node. SWC compiles TypeScript, with the decorator metadata NestJS dependency injection reads. The integration and
 * browser tiers run one file at a time in a fresh worker process each (a worker is recycled after every file
 * because its idle memory is always above 1 KB; a bare number up to 1 would be read as a share of the machine's
 * memory and never recycle it): embedded ClickHouse allows one data directory per process, and a native addon
 * cannot be unloaded between files of one process.
 */
function projectJestConfig(projectRoot, tier, overrides = {}) {
  if (!testMatchByTier[tier]) throw new Error(`unknown test tier ${tier}`);
  const slow = tier !== 'unit';
  return {
    ...nxPreset,
    displayName: `${require(join(projectRoot, 'project.json')).name}:${tier}`,
    rootDir: projectRoot,
    testMatch: testMatchByTier[tier],
    testEnvironment: 'node',
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    moduleNameMapper: libraryAliases(),
    transform: {
      '^.+\\.(t|j)s$': [
        require.resolve('@swc/jest'),
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
          sourceMaps: 'inline',
        },
      ],
    },
    // jose ships only ES modules; Node requires them natively, Jest (below Node 24.9) only once they are compiled.
    transformIgnorePatterns: ['/node_modules/(?!jose/)'],
    testTimeout: slow ? 120_000 : 5_000,
    ...(slow ? { maxWorkers: 1, workerIdleMemoryLimit: '1KB' } : {}),
    ...overrides,
  };
}

module.exports = { projectJestConfig, workspaceRoot };
