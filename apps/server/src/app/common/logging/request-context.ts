import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while a request is handled carries of it. */
export interface RequestContext {
  readonly requestId: string;
}

/** The request being handled, for the process logger to stamp its id on every line written meanwhile. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
