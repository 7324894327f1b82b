export { allowedOriginsOf, isOriginAllowed } from './allowed-origins';
export { hardenHttp } from './harden-http';
