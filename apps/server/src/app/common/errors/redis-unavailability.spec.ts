import { describe, expect, it } from '@jest/globals';
import { ConnectionClosedError } from 'bullmq';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { isRedisUnavailable } from './redis-unavailability';

function errno(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${syscall} ${code} /data/redis/redis.sock`), { code, syscall });
}

describe('isRedisUnavailable', () => {
  it.each([
    ['ioredis offline, offline queue off', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['ioredis connection closed', new Error('Connection is closed.')],
    ['ioredis command timeout', new Error('Command timed out')],
    ['ioredis retries spent', new MaxRetriesPerRequestError(1)],
    ['BullMQ connection closed', new ConnectionClosedError()],
    ['socket refused', errno('ECONNREFUSED', 'connect')],
    ['unix socket missing', errno('ENOENT', 'connect')],
    ['connection reset', errno('ECONNRESET', 'read')],
    ['restarted server still loading', new Error('LOADING Redis is loading the dataset in memory')],
    ['socket refused, passed on without its code', new Error('connect ECONNREFUSED /data/redis/redis.sock')],
    ['wrapped as the cause', new Error('reports cannot be queued', { cause: new Error('Connection is closed.') })],
  ])('%s is unavailability', (_, error) => {
    expect(isRedisUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a missing file', errno('ENOENT', 'open')],
    ['a Redis script error', new Error('ERR Error running script')],
    ['not an error', 'Connection is closed.'],
  ])('%s is not', (_, error) => {
    expect(isRedisUnavailable(error)).toBe(false);
  });
});
