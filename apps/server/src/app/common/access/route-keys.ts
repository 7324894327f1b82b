import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

/** `GET /api/v1/alerts/:id`: a route as the access policy names it, from Nest's own route metadata. */
export function routeKeyOf(controller: Type, handler: (...args: never[]) => unknown): string {
  const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
  const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  const joined = [base, path].flatMap((part) => (part ?? '').split('/')).filter((segment) => segment.length > 0);
  return `${RequestMethod[method ?? RequestMethod.GET]} /${joined.join('/')}`;
}

/** Every route a controller declares. */
export function routeKeysOfController(controller: Type): string[] {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor' && typeof prototype[name] === 'function')
    .map((name) => prototype[name] as (...args: never[]) => unknown)
    .filter((handler) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
    .map((handler) => routeKeyOf(controller, handler));
}
