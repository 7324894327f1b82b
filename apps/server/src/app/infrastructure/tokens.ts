/** Injection tokens for infrastructure that has no class of its own. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Where Redis is, for the connections a capability must own (BullMQ workers block theirs). */
export const REDIS_TARGET = Symbol('REDIS_TARGET');
/** The process's one connection for plain Redis commands: fails fast when Redis is away, so requests answer 503. */
export const REDIS_COMMANDS = Symbol('REDIS_COMMANDS');
/** The process's one subscribed connection; every channel listener shares it. */
export const REDIS_SUBSCRIBER = Symbol('REDIS_SUBSCRIBER');
export const CLICKHOUSE_CLIENT = Symbol('CLICKHOUSE_CLIENT');
export const REFERENCE_INDEX = Symbol('REFERENCE_INDEX');
export const TICKET_RULES = Symbol('TICKET_RULES');
export const ALERT_RULES = Symbol('ALERT_RULES');
export const TICKET_EVENT_OUTBOX = Symbol('TICKET_EVENT_OUTBOX');
export const ALERT_OUTBOX = Symbol('ALERT_OUTBOX');
