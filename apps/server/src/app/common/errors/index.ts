export { AppError, type AppErrorDetails } from './app-error';
export { httpStatusOf } from './http-status';
