import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { illFormedTextError } from './ill-formed-text';

/**
 * Every REST route, present and future: a query parameter or path parameter that is not valid Unicode answers 400
 * `invalid_parameter` naming it. (Bodies are checked where they are parsed, by the JSON body middleware; socket
 * payloads by the live gateway.)
 */
@Injectable()
export class WellFormedRequestGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const error = illFormedTextError(request.query, 'invalid_parameter') ?? illFormedTextError(request.params, 'invalid_parameter');
    if (error) throw error;
    return true;
  }
}
