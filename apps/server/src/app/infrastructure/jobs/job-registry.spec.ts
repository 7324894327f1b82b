import { describe, expect, it } from '@jest/globals';
import { JOB_NAMES, type JobName } from '@grid-command/queue';
import { Injectable, Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { HandlesJob, type JobHandler } from './job-handler';
import { buildJobRegistry, JobRegistry, JobRegistryError } from './job-registry';

const noop: JobHandler<JobName> = { handle: async () => undefined };

describe('buildJobRegistry', () => {
  it('maps every job to its one handler', () => {
    const registry = buildJobRegistry(['store-batch', 'other'], [
      { job: 'store-batch', owner: 'A', handler: noop },
      { job: 'other', owner: 'B', handler: noop },
    ]);
    expect([...registry.keys()]).toEqual(['store-batch', 'other']);
  });

  it('names every job without a handler, with two, and every handler of an unknown job, at once', () => {
    const build = () =>
      buildJobRegistry(['store-batch', 'lonely'], [
        { job: 'store-batch', owner: 'StoreA', handler: noop },
        { job: 'store-batch', owner: 'StoreB', handler: noop },
        { job: 'typo-batch', owner: 'Typo', handler: noop },
      ]);
    expect(build).toThrow(JobRegistryError);
    expect(build).toThrow(
      [
        'the job registry cannot start:',
        '  - Typo handles "typo-batch", which is not a job (jobs: store-batch, lonely)',
        '  - job "store-batch" has 2 handlers: StoreA, StoreB',
        '  - job "lonely" has no handler',
      ].join('\n'),
    );
  });
});

@Injectable()
@HandlesJob('store-batch')
class StoreBatchHandler implements JobHandler<'store-batch'> {
  async handle(): Promise<void> {
    return;
  }
}

@Injectable()
@HandlesJob('store-batch')
class SecondStoreBatchHandler implements JobHandler<'store-batch'> {
  async handle(): Promise<void> {
    return;
  }
}

/** Boots a Nest application context holding the registry and `handlers`, as a worker process would. */
async function boot(handlers: Type[]): Promise<INestApplicationContext> {
  @Module({ imports: [DiscoveryModule], providers: [JobRegistry, ...handlers] })
  class WorkerLikeModule {}
  return NestFactory.createApplicationContext(WorkerLikeModule, { logger: false, abortOnError: false });
}

describe('JobRegistry at boot', () => {
  it('finds the handler of every job among the providers', async () => {
    expect(JOB_NAMES).toEqual(['store-batch']);
    const app = await boot([StoreBatchHandler]);
    expect(app.get(JobRegistry).handlerOf('store-batch')).toBeInstanceOf(StoreBatchHandler);
    await app.close();
  });

  it('refuses to boot when a job has two handlers', async () => {
    await expect(boot([StoreBatchHandler, SecondStoreBatchHandler])).rejects.toThrow(
      'job "store-batch" has 2 handlers: StoreBatchHandler, SecondStoreBatchHandler',
    );
  });

  it('refuses to boot when a job has no handler', async () => {
    await expect(boot([])).rejects.toThrow('job "store-batch" has no handler');
  });
});
