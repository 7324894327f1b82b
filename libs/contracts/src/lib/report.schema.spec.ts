import { describe, expect, it } from '@jest/globals';
import { REPORT_CATEGORIES, REPORT_SOURCES } from './categories';
import { MAX_DESCRIPTION_LENGTH, MAX_REPORTS_PER_REQUEST, reportBatchSchema, reportSchema } from './report.schema';

const valid = {
  id: '3f2c6a9e-8b1d-4c7e-9a5f-1b2c3d4e5f60',
  gridCode: '450103001002015',
  category: 'noise',
  severity: 2,
  source: 'grid_worker',
  reportedAt: '2024-05-20T18:30:00+08:00',
};

/** The paths of the issues zod raises for `valid` with `changes` applied. */
function issuePaths(changes: Record<string, unknown>): PropertyKey[][] {
  const result = reportSchema.safeParse({ ...valid, ...changes });
  return result.success ? [] : result.error.issues.map((issue) => issue.path);
}

describe('reportSchema', () => {
  it('accepts the minimal report and one with every optional field', () => {
    expect(reportSchema.parse(valid)).toEqual(valid);
    const full = {
      ...valid,
      reporterId: 'worker-17',
      location: { lat: 22.81, lon: 108.37 },
      description: '小区门口垃圾堆积',
    };
    expect(reportSchema.parse(full)).toEqual(full);
  });

  it.each(REPORT_CATEGORIES)('accepts category %s', (category) => {
    expect(reportSchema.safeParse({ ...valid, category }).success).toBe(true);
  });

  it.each(REPORT_SOURCES)('accepts source %s', (source) => {
    expect(reportSchema.safeParse({ ...valid, source }).success).toBe(true);
  });

  it('rejects an unknown category and source', () => {
    expect(issuePaths({ category: 'graffiti' })).toEqual([['category']]);
    expect(issuePaths({ source: 'email' })).toEqual([['source']]);
  });

  it.each([1, 2, 3, 4])('accepts severity %i', (severity) => {
    expect(reportSchema.safeParse({ ...valid, severity }).success).toBe(true);
  });

  it.each([0, 5, 2.5, -1, '2', null])('rejects severity %j', (severity) => {
    expect(issuePaths({ severity })).toEqual([['severity']]);
  });

  it.each(['not-a-uuid', '3f2c6a9e8b1d4c7e9a5f1b2c3d4e5f60', ''])('rejects id %j', (id) => {
    expect(issuePaths({ id })).toEqual([['id']]);
  });

  it.each(['45010300100201', '4501030010020150', '45010300100201x', ' 450103001002015', 450103001002015])(
    'rejects gridCode %j that is not 15 digits',
    (gridCode) => {
      expect(issuePaths({ gridCode })).toEqual([['gridCode']]);
    },
  );

  it.each(['2024-05-20T10:30:00Z', '2024-05-20T10:30:00.123Z', '2024-05-20T18:30:00+08:00', '2024-05-20T05:30:00-05:00'])(
    'accepts reportedAt %s, which carries an offset',
    (reportedAt) => {
      expect(reportSchema.safeParse({ ...valid, reportedAt }).success).toBe(true);
    },
  );

  it.each(['2024-05-20T18:30:00', '2024-05-20', '2024-05-20 10:30:00Z', 'yesterday', 1716201000000])(
    'rejects reportedAt %j: a local time or no date-time at all',
    (reportedAt) => {
      expect(issuePaths({ reportedAt })).toEqual([['reportedAt']]);
    },
  );

  it('rejects unknown fields, at the top level and inside location', () => {
    const top = reportSchema.safeParse({ ...valid, priority: 'high' });
    expect(top.success).toBe(false);
    expect(top.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['priority'], path: [] }]);

    const nested = reportSchema.safeParse({ ...valid, location: { lat: 22, lon: 108, alt: 80 } });
    expect(nested.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['alt'], path: ['location'] }]);
  });

  it('requires every mandatory field', () => {
    for (const field of Object.keys(valid)) {
      const rest: Record<string, unknown> = { ...valid };
      delete rest[field];
      const result = reportSchema.safeParse(rest);
      expect(result.error?.issues.map((issue) => issue.path)).toEqual([[field]]);
    }
  });

  it(`allows a description of up to ${MAX_DESCRIPTION_LENGTH} characters`, () => {
    expect(reportSchema.safeParse({ ...valid, description: '噪'.repeat(MAX_DESCRIPTION_LENGTH) }).success).toBe(true);
    expect(issuePaths({ description: '噪'.repeat(MAX_DESCRIPTION_LENGTH + 1) })).toEqual([['description']]);
  });

  it.each([
    [{ lat: 90, lon: 180 }, true],
    [{ lat: -90, lon: -180 }, true],
    [{ lat: 90.0001, lon: 0 }, false],
    [{ lat: -90.0001, lon: 0 }, false],
    [{ lat: 0, lon: 180.0001 }, false],
    [{ lat: 0, lon: -180.0001 }, false],
    [{ lat: 22 }, false],
  ])('location %j accepted: %s', (location, accepted) => {
    const result = reportSchema.safeParse({ ...valid, location });
    expect(result.success).toBe(accepted);
    if (!accepted) expect(result.error?.issues.every((issue) => issue.path[0] === 'location')).toBe(true);
  });

  it('rejects an empty or over-long reporterId', () => {
    expect(issuePaths({ reporterId: '' })).toEqual([['reporterId']]);
    expect(issuePaths({ reporterId: 'x'.repeat(65) })).toEqual([['reporterId']]);
    expect(issuePaths({ reporterId: 'x'.repeat(64) })).toEqual([]);
  });
});

describe('reportSchema, on what the store cannot hold', () => {
  it('reads an id in any letter case as the same, lower-case id', () => {
    expect(reportSchema.parse({ ...valid, id: valid.id.toUpperCase() }).id).toBe(valid.id);
  });

  it.each([
    ['description', 'half an emoji \ud83d'],
    ['description', '\ude00 a low surrogate first'],
    ['reporterId', 'worker-\ud83d'],
  ])('refuses a lone surrogate in %s', (field, text) => {
    expect(issuePaths({ [field]: text })).toEqual([[field]]);
  });

  it('keeps an emoji that is whole', () => {
    expect(reportSchema.safeParse({ ...valid, description: '积水 😀' }).success).toBe(true);
  });

  it.each(['0001-01-01T00:00:00Z', '1000-06-01T00:00:00Z', '1899-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '1999-12-31T23:59:59.999Z', '2101-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])(
    'refuses reportedAt %s, outside 2000–2100',
    (reportedAt) => {
      expect(issuePaths({ reportedAt })).toEqual([['reportedAt']]);
    },
  );

  it.each(['2024-05-20T18:30:00', '2024-05-20', 'yesterday', '2024-02-30T00:00:00Z', ''])('refuses reportedAt %j without an offset or not a date-time', (reportedAt) => {
    expect(issuePaths({ reportedAt })).toEqual([['reportedAt']]);
  });
});

describe('reportBatchSchema', () => {
  const many = (count: number) => Array.from({ length: count }, () => valid);

  it('accepts a single report object', () => {
    expect(reportBatchSchema.parse(valid)).toEqual(valid);
  });

  it(`accepts arrays of 1 and ${MAX_REPORTS_PER_REQUEST} reports`, () => {
    expect(reportBatchSchema.parse(many(1))).toHaveLength(1);
    expect(reportBatchSchema.parse(many(MAX_REPORTS_PER_REQUEST))).toHaveLength(MAX_REPORTS_PER_REQUEST);
  });

  it(`rejects an empty array and one of ${MAX_REPORTS_PER_REQUEST + 1}`, () => {
    expect(reportBatchSchema.safeParse([]).success).toBe(false);
    expect(reportBatchSchema.safeParse(many(MAX_REPORTS_PER_REQUEST + 1)).success).toBe(false);
  });

  it('rejects an array with one bad element, naming its index', () => {
    const result = reportBatchSchema.safeParse([valid, { ...valid, severity: 5 }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[1, 'severity']]);
  });

  it.each([null, 'report', 42])('rejects a body that is %j', (body) => {
    expect(reportBatchSchema.safeParse(body).success).toBe(false);
  });
});
