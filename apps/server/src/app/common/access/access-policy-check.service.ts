import { Injectable, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { HTTP_ACCESS_POLICY } from './access-policy';
import { routeKeysOfController } from './route-keys';

/** Refuses to boot when a route has no entry in the access policy, listing every such route at once. */
@Injectable()
export class AccessPolicyCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const routes = this.discovery
      .getControllers()
      .flatMap((wrapper) => (wrapper.metatype ? routeKeysOfController(wrapper.metatype as Type) : []));
    const missing = routesWithoutPolicy(routes);
    if (missing.length > 0) {
      throw new Error(`routes without an entry in HTTP_ACCESS_POLICY (common/access/access-policy.ts): ${missing.join(', ')}`);
    }
  }
}

export function routesWithoutPolicy(routes: readonly string[]): string[] {
  return routes.filter((route) => HTTP_ACCESS_POLICY[route] === undefined);
}
