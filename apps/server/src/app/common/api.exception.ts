import type { Alert, ApiErrorCode, FieldIssue, TicketState } from '@grid-command/contracts';
import { HttpException } from '@nestjs/common';

/** An error the client can act on; its body is the public `ApiError` shape. */
export class ApiException extends HttpException {
  constructor(
    statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly FieldIssue[],
    currentState?: TicketState,
    alert?: Alert,
  ) {
    super(
      { statusCode, error: code, message, ...(issues ? { issues } : {}), ...(currentState ? { currentState } : {}), ...(alert ? { alert } : {}) },
      statusCode,
    );
  }
}
