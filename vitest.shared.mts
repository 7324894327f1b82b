import swc from 'unplugin-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vitest/config';

const workspaceRoot = fileURLToPath(new URL('.', import.meta.url));

/** Aliases mirror tsconfig.base.json paths so tests import libs the way the apps do. */
const alias = {
  '@grid-command/contracts': `${workspaceRoot}libs/contracts/src/index.ts`,
  '@grid-command/domain': `${workspaceRoot}libs/domain/src/index.ts`,
  '@grid-command/clickhouse': `${workspaceRoot}libs/clickhouse/src/index.ts`,
  '@grid-command/queue': `${workspaceRoot}libs/queue/src/index.ts`,
  '@grid-command/server-harness': `${workspaceRoot}libs/server-harness/src/index.ts`,
};

type Tier = 'unit' | 'integration' | 'e2e';

const includeByTier: Record<Tier, string> = {
  unit: 'src/**/*.spec.ts',
  integration: 'src/**/*.integration-spec.ts',
  e2e: 'e2e/**/*.e2e-spec.ts',
};

/**
 * One config per project and tier. SWC compiles the tests because esbuild cannot emit the decorator
 * metadata NestJS dependency injection reads. Integration and browser tiers run in forked processes,
 * one file at a time: embedded ClickHouse allows one data directory per process.
 */
export function projectTestConfig(projectRoot: string, tier: Tier): UserConfig {
  const slow = tier !== 'unit';
  return defineConfig({
    root: projectRoot,
    plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
    resolve: { alias },
    test: {
      include: [includeByTier[tier]],
      environment: 'node',
      pool: 'forks',
      fileParallelism: !slow,
      testTimeout: slow ? 120_000 : 5_000,
      hookTimeout: slow ? 120_000 : 10_000,
      reporters: ['default'],
    },
  });
}
