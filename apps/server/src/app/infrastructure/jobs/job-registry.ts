import { JOB_NAMES, type JobName } from '@grid-command/queue';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { HandlesJob, type JobHandler } from './job-handler';

/** A handler as found at boot: the job it claims and the class it belongs to. */
export interface FoundHandler {
  readonly job: string;
  readonly owner: string;
  readonly handler: JobHandler<JobName>;
}

export class JobRegistryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the job registry cannot start:\n  - ${problems.join('\n  - ')}`);
    this.name = 'JobRegistryError';
  }
}

/** Each known job's handler, or every reason there is not exactly one per job (an unknown job, none, two). */
export function buildJobRegistry(jobs: readonly string[], found: readonly FoundHandler[]): ReadonlyMap<string, JobHandler<JobName>> {
  const problems: string[] = [];
  for (const { job, owner } of found) {
    if (!jobs.includes(job)) problems.push(`${owner} handles "${job}", which is not a job (jobs: ${jobs.join(', ')})`);
  }
  const registry = new Map<string, JobHandler<JobName>>();
  for (const job of jobs) {
    const handlers = found.filter((candidate) => candidate.job === job);
    const [only] = handlers;
    if (!only) problems.push(`job "${job}" has no handler`);
    else if (handlers.length > 1) problems.push(`job "${job}" has ${handlers.length} handlers: ${handlers.map((candidate) => candidate.owner).join(', ')}`);
    else registry.set(job, only.handler);
  }
  if (problems.length > 0) throw new JobRegistryError(problems);
  return registry;
}

/**
 * Every job of the pipeline with its one handler, found among the process's providers when the modules start: a
 * worker process with a job nobody handles, or handled twice, refuses to boot instead of failing the job when it runs.
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private handlers: ReadonlyMap<string, JobHandler<JobName>> = new Map();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery.getProviders({ metadataKey: HandlesJob.KEY }).flatMap((wrapper): FoundHandler[] => {
      const job = this.discovery.getMetadataByDecorator(HandlesJob, wrapper);
      return job === undefined ? [] : [{ job, owner: wrapper.name, handler: wrapper.instance as JobHandler<JobName> }];
    });
    this.handlers = buildJobRegistry(JOB_NAMES, found);
  }

  handlerOf(job: string): JobHandler<JobName> | undefined {
    return this.handlers.get(job);
  }
}
