import { Inject, Injectable, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { AppError } from '../errors/app-error';
import { assertRoleAllowed, assertWithinGrants } from './access-decision';
import { HTTP_ACCESS_POLICY, type ScopeRule } from './access-policy';
import { bearerOf } from './bearer';
import { PRINCIPAL_RESOLVER, type Principal, type PrincipalResolver } from './principal';
import { routeKeyOf } from './route-keys';
import { ScrapeToken } from './scrape-token';

/** A request once the access guard has let it through: `principal` is set on every route that is not public. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/**
 * The frame of every REST request: finds the route's entry in `HTTP_ACCESS_POLICY`, resolves the bearer credential,
 * checks the role and, where the request names its scope, the scope. Resource scopes (an alert's, a ticket's) are
 * checked by the capability that loads the resource. Socket events are authorised by the live gateway, with the same
 * table.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** Route keys by handler: read from Nest's metadata once per route, not on every request. */
  private readonly keys = new WeakMap<object, string>();
  private readonly scrapeToken: ScrapeToken;

  constructor(
    @Inject(PRINCIPAL_RESOLVER) private readonly principals: PrincipalResolver,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.scrapeToken = new ScrapeToken(config.metrics.scrapeToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const key = this.routeKey(context);
    const policy = HTTP_ACCESS_POLICY[key];
    if (!policy) throw new AppError('internal', `no access policy for ${key}`);
    if (policy.allow === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (policy.scrapeToken && this.scrapeToken.matches(request.headers.authorization)) return true;
    // A batch route's body middleware resolved the principal already, before reading the body.
    const principal = request.principal ?? (await this.principals.resolve(bearerOf(request.headers.authorization)));
    request.principal = principal;
    assertRoleAllowed(policy, principal, key);
    checkRequestScope(policy.scope, principal, request);
    return true;
  }

  private routeKey(context: ExecutionContext): string {
    const handler = context.getHandler();
    let key = this.keys.get(handler);
    if (key === undefined) {
      key = routeKeyOf(context.getClass() as Type, handler as (...args: never[]) => unknown);
      this.keys.set(handler, key);
    }
    return key;
  }
}

function checkRequestScope(rule: ScopeRule, principal: Principal, request: Request): void {
  switch (rule.kind) {
    case 'none':
    case 'resource':
    case 'payload':
      return;
    case 'reports':
      return checkReportGrids(principal, request.body);
    case 'query':
    case 'param':
    case 'body': {
      const source: unknown = rule.kind === 'query' ? request.query : rule.kind === 'param' ? request.params : request.body;
      const value = source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[rule.field] : undefined;
      if (typeof value === 'string') assertWithinGrants(principal, value, rule.field);
      return;
    }
  }
}

/** 403 naming the first grid outside the key's scope; the request is refused whole, so nothing of it is queued. */
function checkReportGrids(principal: Principal, body: unknown): void {
  const reports = Array.isArray(body) ? (body as unknown[]) : [body];
  reports.forEach((report, index) => {
    const gridCode = report !== null && typeof report === 'object' ? (report as Record<string, unknown>)['gridCode'] : undefined;
    if (typeof gridCode !== 'string') return;
    try {
      assertWithinGrants(principal, gridCode, Array.isArray(body) ? `[${index}].gridCode` : 'gridCode');
    } catch (error) {
      if (error instanceof AppError) {
        throw new AppError('forbidden', error.message, { issues: [{ index, path: 'gridCode', message: error.message }] });
      }
      throw error;
    }
  });
}
