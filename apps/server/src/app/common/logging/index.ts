export { LoggingModule } from './logging.module';
export { processLogger, startProcessLogger, type ProcessLogger } from './process-logger';
export { REQUEST_ID_HEADER } from './request-id';
