import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { describeIssues, formatIssuePath, issueField } from './zod-issues';

describe('formatIssuePath', () => {
  it.each([
    [[], ''],
    [['gridCode'], 'gridCode'],
    [['location', 'lat'], 'location.lat'],
    [['reports', 3, 'gridCode'], 'reports[3].gridCode'],
    [[3, 'severity'], '[3].severity'],
    [['panels', 0, 'options', 'items', 2], 'panels[0].options.items[2]'],
  ])('%j → %j', (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
  });
});

describe('describeIssues', () => {
  const schema = z.strictObject({ name: z.string().min(1, 'must not be empty'), items: z.array(z.int()) });

  it('names the field of every issue, one line each', () => {
    const result = schema.safeParse({ name: '', items: [1, 'two'] });
    expect(result.success).toBe(false);
    const lines = result.success ? [] : describeIssues(result.error);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('name: must not be empty');
    expect(lines[1]).toMatch(/^items\[1\]: /);
  });

  it('writes (root) for an issue without a path', () => {
    const result = schema.safeParse('not an object');
    const lines = result.success ? [] : describeIssues(result.error);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\(root\): /);
  });
});

describe('issueField', () => {
  const schema = z.strictObject({ action: z.string(), location: z.strictObject({ lat: z.number() }).optional() });
  const fields = (input: unknown) => schema.safeParse(input).error?.issues.map(issueField);

  it('names the unknown keys a strict object refuses, where they are', () => {
    expect(fields({ action: 'close', by: '值班长' })).toEqual(['by']);
    expect(fields({ action: 'close', location: { lat: 1, alt: 2 } })).toEqual(['location.alt']);
  });

  it('names the field of any other issue by its path', () => {
    expect(fields({ action: 3 })).toEqual(['action']);
  });
});
