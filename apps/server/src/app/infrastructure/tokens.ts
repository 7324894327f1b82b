/** Injection tokens for infrastructure that has no class of its own. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const REDIS_TARGET = Symbol('REDIS_TARGET');
export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');
export const CLICKHOUSE_CLIENT = Symbol('CLICKHOUSE_CLIENT');
export const REFERENCE_INDEX = Symbol('REFERENCE_INDEX');
export const TICKET_RULES = Symbol('TICKET_RULES');
export const ALERT_RULES = Symbol('ALERT_RULES');
