import { describe, expect, it } from '@jest/globals';
import { classifyInsertFailure, reasonOf } from './insert-failure';

const clickHouseError = (type: string, message = `Code: 1. DB::Exception: ${type}`) => Object.assign(new Error(message), { type, code: '1' });

describe('classifyInsertFailure', () => {
  it('takes network, connection and overload errors for a store that is unavailable', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8123'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }),
      new Error('Timeout error.'),
      new Error('socket hang up'),
      clickHouseError('TOO_MANY_PARTS'),
      clickHouseError('MEMORY_LIMIT_EXCEEDED'),
      clickHouseError('TIMEOUT_EXCEEDED'),
      clickHouseError('TOO_MANY_SIMULTANEOUS_QUERIES'),
    ]) {
      expect(classifyInsertFailure(error)).toBe('store_unavailable');
    }
  });

  it('takes ClickHouse refusing a value for the rows, and anything else for unknown', () => {
    expect(classifyInsertFailure(clickHouseError('CANNOT_PARSE_ESCAPE_SEQUENCE'))).toBe('refused_data');
    expect(classifyInsertFailure(clickHouseError('TYPE_MISMATCH'))).toBe('refused_data');
    expect(classifyInsertFailure(clickHouseError('FAULT_INJECTION_POISONED_ROW'))).toBe('unknown');
    expect(classifyInsertFailure(new Error('something new'))).toBe('unknown');
    expect(classifyInsertFailure('a string')).toBe('unknown');
  });
});

describe('reasonOf', () => {
  it("keeps ClickHouse's first line and names its error type", () => {
    expect(reasonOf(clickHouseError('TYPE_MISMATCH', 'Code: 53. DB::Exception: bad\nStack trace:\n...'))).toBe('TYPE_MISMATCH: Code: 53. DB::Exception: bad');
    expect(reasonOf(new Error(''))).toBe('insert failed without a message');
  });
});
