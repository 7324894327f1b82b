import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRegistry } from './job-registry';
import { JobWorkers } from './job-workers.service';

/** The worker role's consumers: the registry checked at boot, and a BullMQ worker per queue handing jobs to it. */
@Module({ imports: [DiscoveryModule], providers: [JobRegistry, JobWorkers] })
export class JobWorkersModule {}
