import { MAX_REPORTS_PER_REQUEST } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { validateReportBatch, type ReportBatchRules } from './report-validation';

const KNOWN_GRIDS = new Set(['450103001001001', '450103001001002']);
const rules: ReportBatchRules = {
  now: new Date('2024-05-20T10:30:00Z'),
  maxClockSkewMs: 60_000,
  maxReportAgeMs: 400 * 86_400_000,
  isKnownGrid: (gridCode) => KNOWN_GRIDS.has(gridCode),
};

let sequence = 0;
/** A valid report in a known grid, with a fresh id. */
function report(changes: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    id: `3f2c6a9e-8b1d-4c7e-9a5f-${String(sequence).padStart(12, '0')}`,
    gridCode: '450103001001001',
    category: 'noise',
    severity: 2,
    source: 'hotline_12345',
    reportedAt: '2024-05-20T18:25:00+08:00',
    ...changes,
  };
}

describe('validateReportBatch: the shape of the body', () => {
  it.each([null, undefined, 'a report', 42, true])('rejects a body that is %j', (body) => {
    const result = validateReportBatch(body, rules);
    expect(result).toMatchObject({ kind: 'invalid', issues: [{ index: 0, path: '' }] });
  });

  it('rejects an empty array', () => {
    const result = validateReportBatch([], rules);
    expect(result.kind).toBe('invalid');
    expect(result.kind !== 'valid' && result.issues).toEqual([{ index: 0, path: '', message: expect.stringContaining('got 0') }]);
  });

  it(`rejects ${MAX_REPORTS_PER_REQUEST + 1} reports and accepts ${MAX_REPORTS_PER_REQUEST}`, () => {
    const tooMany = validateReportBatch(Array.from({ length: MAX_REPORTS_PER_REQUEST + 1 }, () => report()), rules);
    expect(tooMany).toMatchObject({ kind: 'invalid', issues: [{ index: 0, path: '', message: expect.stringContaining(`got ${MAX_REPORTS_PER_REQUEST + 1}`) }] });

    const most = validateReportBatch(Array.from({ length: MAX_REPORTS_PER_REQUEST }, () => report()), rules);
    expect(most.kind === 'valid' && most.reports.length).toBe(MAX_REPORTS_PER_REQUEST);
  });
});

describe('validateReportBatch: valid bodies', () => {
  it('accepts a single report object as a batch of one', () => {
    const single = report({ location: { lat: 22.8, lon: 108.4 } });
    expect(validateReportBatch(single, rules)).toEqual({ kind: 'valid', reports: [single] });
  });

  it('accepts an array and keeps its order', () => {
    const batch = [report(), report({ gridCode: '450103001001002', category: 'parking' }), report({ severity: 4 })];
    expect(validateReportBatch(batch, rules)).toEqual({ kind: 'valid', reports: batch });
  });

  it('accepts a report from long ago, within the allowed age', () => {
    expect(validateReportBatch(report({ reportedAt: '2023-04-16T10:30:00Z' }), rules).kind).toBe('valid');
  });
});

describe('validateReportBatch: contract problems, per index and field', () => {
  it('names the index and field of each problem', () => {
    const result = validateReportBatch(
      [report(), report({ severity: 9 }), report({ location: { lat: 91, lon: 108 } }), report({ gridCode: '4501030010010' })],
      rules,
    );
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.issues.map(({ index, path }) => ({ index, path }))).toEqual([
      { index: 1, path: 'severity' },
      { index: 2, path: 'location.lat' },
      { index: 3, path: 'gridCode' },
    ]);
  });

  it('names unknown keys, at the top level and inside location', () => {
    const result = validateReportBatch([report({ priority: 'high' }), report({ location: { lat: 22, lon: 108, alt: 3 } })], rules);
    expect(result.kind === 'invalid' && result.issues.map(({ index, path }) => ({ index, path }))).toEqual([
      { index: 0, path: 'priority' },
      { index: 1, path: 'location.alt' },
    ]);
  });

  it('names every unknown key of one object', () => {
    const result = validateReportBatch(report({ priority: 'high', tags: [] }), rules);
    expect(result.kind === 'invalid' && result.issues[0]?.path.split(', ').sort()).toEqual(['priority', 'tags']);
  });

  it('rejects a local time without offset', () => {
    const result = validateReportBatch(report({ reportedAt: '2024-05-20T18:25:00' }), rules);
    expect(result).toMatchObject({ kind: 'invalid', issues: [{ index: 0, path: 'reportedAt' }] });
  });

  it('is all or nothing: one bad report rejects the valid ones with it', () => {
    const result = validateReportBatch([report(), report(), report({ source: 'fax' })], rules);
    expect(result.kind).toBe('invalid');
    expect(result).not.toHaveProperty('reports');
  });

  it('keeps the list of issues bounded', () => {
    const result = validateReportBatch(Array.from({ length: MAX_REPORTS_PER_REQUEST }, () => report({ severity: 0 })), rules);
    expect(result.kind === 'invalid' && result.issues.length).toBeGreaterThan(0);
    expect(result.kind === 'invalid' && result.issues.length).toBeLessThanOrEqual(100);
    expect(result.kind === 'invalid' && result.issues[0]).toMatchObject({ index: 0, path: 'severity' });
  });
});

describe('validateReportBatch: reportedAt in the future', () => {
  // now is 10:30:00Z = 18:30:00+08:00, and clocks may run 60 s fast.
  it.each(['2024-05-20T10:31:00Z', '2024-05-20T18:31:00+08:00'])('accepts %s, exactly the allowed skew ahead', (reportedAt) => {
    expect(validateReportBatch(report({ reportedAt }), rules).kind).toBe('valid');
  });

  it.each(['2024-05-20T10:31:00.001Z', '2024-05-20T18:31:01+08:00', '2024-05-21T10:30:00Z'])(
    'rejects %s, beyond the allowed skew',
    (reportedAt) => {
      const result = validateReportBatch([report(), report({ reportedAt })], rules);
      expect(result).toMatchObject({ kind: 'invalid', issues: [{ index: 1, path: 'reportedAt', message: expect.stringContaining('60 s') }] });
    },
  );

  it('follows the given skew', () => {
    const strict = { ...rules, maxClockSkewMs: 0 };
    expect(validateReportBatch(report({ reportedAt: '2024-05-20T10:30:00Z' }), strict).kind).toBe('valid');
    expect(validateReportBatch(report({ reportedAt: '2024-05-20T10:30:01Z' }), strict).kind).toBe('invalid');
  });
});

describe('validateReportBatch: reportedAt in the past', () => {
  // now is 2024-05-20T10:30:00Z and reports may be 400 days old: 2023-04-16T10:30:00Z at the earliest.
  it.each(['2023-04-16T10:29:59.999Z', '2023-01-01T00:00:00Z', '2000-01-01T00:00:00Z'])('rejects %s, older than the allowed age', (reportedAt) => {
    const result = validateReportBatch([report(), report({ reportedAt })], rules);
    expect(result).toMatchObject({ kind: 'invalid', issues: [{ index: 1, path: 'reportedAt', message: expect.stringContaining('400 days') }] });
  });

  it.each(['0001-01-01T00:00:00Z', '1899-12-31T00:00:00Z', '1970-01-01T00:00:00Z'])('rejects %s, before anything the store holds', (reportedAt) => {
    expect(validateReportBatch(report({ reportedAt }), rules)).toMatchObject({ kind: 'invalid', issues: [{ index: 0, path: 'reportedAt' }] });
  });
});

describe('validateReportBatch: grids not in the reference data', () => {
  it('answers unknown_grid with the index of each unknown grid', () => {
    const result = validateReportBatch(
      [report(), report({ gridCode: '450103009009009' }), report(), report({ gridCode: '450199001001001' })],
      rules,
    );
    expect(result).toEqual({
      kind: 'unknown_grid',
      issues: [
        { index: 1, path: 'gridCode', message: expect.stringContaining('450103009009009') },
        { index: 3, path: 'gridCode', message: expect.stringContaining('450199001001001') },
      ],
    });
  });

  it('reports contract problems first: a batch with both is invalid', () => {
    const result = validateReportBatch([report({ gridCode: '450103009009009' }), report({ severity: 5 })], rules);
    expect(result).toMatchObject({ kind: 'invalid', issues: [{ index: 1, path: 'severity' }] });
  });
});
