export { processLogger, startProcessLogger, type ProcessLogger } from './process-logger';
export { REQUEST_ID_HEADER } from './request-id';
export { requestLogging } from './request-logging';
