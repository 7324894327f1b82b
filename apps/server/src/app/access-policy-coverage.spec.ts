import type { DynamicModule, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { describe, expect, it } from '@jest/globals';
import { APP_GUARD } from '@nestjs/core';
import { loadAppConfig } from '../config/app-config';
import { AppModule, CAPABILITIES } from './app.module';
import { AccessGuard, HTTP_ACCESS_POLICY, routeKeysOfController } from './common/access';
import { IDENTITY } from './identity';
import type { RedisRuntime } from './infrastructure/redis-runtime.service';

type ModuleReference = Type | DynamicModule | Promise<DynamicModule> | { forwardRef: () => Type };

/** Every controller a module declares, and those of the modules it imports, each once. */
function controllersOf(module: ModuleReference, seen = new Set<unknown>()): Type[] {
  if (module instanceof Promise || seen.has(module)) return [];
  seen.add(module);
  const type = 'forwardRef' in module ? module.forwardRef() : 'module' in module ? module.module : module;
  const dynamic = 'module' in module ? module : undefined;
  const controllers = [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
  const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as ModuleReference[] | undefined) ?? []), ...((dynamic?.imports ?? []) as ModuleReference[])];
  return [...new Set([...controllers, ...imports.flatMap((imported) => controllersOf(imported, seen))])];
}

const routesOf = (modules: readonly Type[]): string[] => [...new Set(modules.flatMap((module) => controllersOf(module)).flatMap(routeKeysOfController))].sort();
const routes = routesOf(CAPABILITIES.flatMap((capability) => Object.values(capability)));

describe('HTTP_ACCESS_POLICY', () => {
  it('finds the routes of every capability (the scan itself works)', () => {
    expect(routes).toEqual(expect.arrayContaining(['GET /health/ready', 'POST /api/v1/reports', 'POST /api/v1/alerts/:id/actions']));
  });

  it('has an entry for every route a controller declares', () => {
    expect(routes.filter((route) => HTTP_ACCESS_POLICY[route] === undefined)).toEqual([]);
  });

  it('names only routes that exist', () => {
    expect(Object.keys(HTTP_ACCESS_POLICY).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('guards a worker-only process too, whose /metrics is not public, with a principal resolver to check operators', () => {
    const workerOnly = CAPABILITIES.flatMap((capability) => (capability.worker ? [capability.worker] : []));
    expect(routesOf(workerOnly).filter((route) => HTTP_ACCESS_POLICY[route]?.allow !== 'public')).toEqual(['GET /metrics']);
    const app = AppModule.forRoles(loadAppConfig({ ROLES: 'worker', CLICKHOUSE_URL: 'http://clickhouse:8123' }), {} as RedisRuntime);
    expect(app.providers).toContainEqual({ provide: APP_GUARD, useClass: AccessGuard });
    expect(workerOnly).toContain(IDENTITY.live);
  });
});
