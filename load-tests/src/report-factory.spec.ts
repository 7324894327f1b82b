import { reportBatchSchema, reportSchema } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import type { GridSite } from './grid-sites';
import { makeBatch, makeReport, uuidFromBytes, type ReportEntropy } from './report-factory';

const sites: GridSite[] = [
  { code: '450103001001001', lat: 22.82, lon: 108.38 },
  { code: '450103002003004', lat: 22.8, lon: 108.4 },
];

function entropy(): ReportEntropy {
  let state = 1;
  let id = 0;
  return {
    random: () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    },
    newId: () => {
      id += 1;
      return uuidFromBytes(Uint8Array.from({ length: 16 }, (_, index) => (index === 14 ? id >> 8 : index === 15 ? id & 0xff : 0)));
    },
    now: () => Date.UTC(2025, 5, 2, 2, 0),
  };
}

describe('report factory', () => {
  it('makes reports and batches the ingest contract accepts, from the given grids', () => {
    const source = entropy();
    const batch = makeBatch(sites, 1_000, source);
    expect(reportBatchSchema.safeParse(batch).success).toBe(true);
    expect(reportSchema.safeParse(makeReport(sites, source)).success).toBe(true);
    expect(new Set(batch.map((report) => report.gridCode))).toEqual(new Set(sites.map((site) => site.code)));
    expect(new Set(batch.map((report) => report.id)).size).toBe(batch.length);
  });

  it('keeps critical reports rare and routine ones the majority', () => {
    const batch = makeBatch(sites, 5_000, entropy());
    const share = (severity: number): number => batch.filter((report) => report.severity === severity).length / batch.length;
    expect(share(1)).toBeGreaterThan(0.75);
    expect(share(4)).toBeGreaterThan(0);
    expect(share(4)).toBeLessThan(0.03);
  });

  it('formats version-4 UUIDs from random bytes and refuses too few', () => {
    expect(uuidFromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuidFromBytes(new Uint8Array(16).fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(() => uuidFromBytes(new Uint8Array(8))).toThrow('16 random bytes');
  });
});
