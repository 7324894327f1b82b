import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import type { AuthenticatedRequest } from './access.guard';
import type { Principal } from './principal';

/** The authenticated principal of a request, set by `AccessGuard`; the actor of whatever the handler records. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new AppError('internal', 'this route reads its principal but its access policy is public');
  return principal;
});
