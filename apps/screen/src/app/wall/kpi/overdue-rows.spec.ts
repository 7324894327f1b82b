import type { OverdueTicket } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { kpiResponseFixture } from '@grid-command/contracts/testing';
import { overdueRows } from './overdue-rows';

function ticket(id: number, dueAt: string, overdueMinutes: number, department: string | null): OverdueTicket {
  return {
    id: `00000000-0000-4000-8000-00000000000${id}`,
    gridCode: '450103001002015',
    communityName: `社区${id}`,
    category: id % 2 === 0 ? 'noise' : 'gas_utilities',
    severity: 3,
    state: department === null ? 'reported' : 'dispatched',
    department,
    reportedAt: '2026-11-20T01:00:00.000Z',
    dueAt,
    overdueMinutes,
  };
}

const response = kpiResponseFixture({
  generatedAt: '2026-11-23T02:30:00.000Z',
  overdueNow: 3,
  overdue: [ticket(2, '2026-11-22T02:30:00.000Z', 1440, '城管局'), ticket(1, '2026-11-21T02:00:00.000Z', 2910, null), ticket(3, '2026-11-23T02:00:00.000Z', 30, '住建局')],
});

describe('overdueRows', () => {
  it('lists the oldest deadline first with category, community and department, or 未派单', () => {
    const rows = overdueRows(response, 10, Date.parse(response.generatedAt), 'zh');
    expect(rows.map((row) => [row.community, row.category, row.department, row.overdueBy])).toEqual([
      ['社区1', '燃气水电', '未派单', '超期 2 天 0 小时'],
      ['社区2', '噪音扰民', '城管局', '超期 1 天 0 小时'],
      ['社区3', '燃气水电', '住建局', '超期 30 分 0 秒'],
    ]);
    expect(rows[0]?.dispatched).toBe(false);
  });

  it('stops at the limit and counts on from when the server measured', () => {
    const rows = overdueRows(response, 1, Date.parse(response.generatedAt) + 90_000, 'en');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.overdueBy).toBe('2 d 0 h over');
    const last = overdueRows(response, 3, Date.parse(response.generatedAt) + 90_000, 'en')[2];
    expect(last?.overdueBy).toBe('31 min 30 s over');
    expect(last?.severityLabel).toBe('Emergency');
  });
});
