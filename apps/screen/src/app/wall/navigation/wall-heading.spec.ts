import { describe, expect, it } from '@jest/globals';
import { wallHeading } from './wall-heading';

const dashboard = { scope: 'district:450103', title: { zh: '青秀区网格化治理指挥中心', en: 'Qingxiu Grid Governance Command Center' } };

describe('wallHeading', () => {
  it("keeps the dashboard's own title on its own scope", () => {
    expect(wallHeading(dashboard, { scope: 'district:450103', level: 'district', name: '青秀区' }, 'zh')).toBe('青秀区网格化治理指挥中心');
    expect(wallHeading(dashboard, { scope: 'district:450103', level: 'district', name: '青秀区' }, 'en')).toBe('Qingxiu Grid Governance Command Center');
  });

  it('names a drilled-down unit with what its level of wall is, in Chinese', () => {
    expect(wallHeading(dashboard, { scope: 'street:450103001', level: 'street', name: '新竹街道' }, 'zh')).toBe('新竹街道 · 街道指挥分中心');
    expect(wallHeading(dashboard, { scope: 'community:450103001002', level: 'community', name: '竹溪社区' }, 'zh')).toBe('竹溪社区 · 社区工作站');
    expect(wallHeading(dashboard, { scope: 'grid:450103001002001', level: 'grid', name: '桃源第1网格' }, 'zh')).toBe('桃源第1网格 · 网格化治理');
  });

  it('does so in English too', () => {
    expect(wallHeading(dashboard, { scope: 'street:450103001', level: 'street', name: '新竹街道' }, 'en')).toBe('新竹街道 · Street Command Sub-center');
    expect(wallHeading(dashboard, { scope: 'community:450103001002', level: 'community', name: '竹溪社区' }, 'en')).toBe('竹溪社区 · Community Workstation');
    expect(wallHeading(dashboard, { scope: 'grid:450103001002001', level: 'grid', name: '桃源第1网格' }, 'en')).toBe('桃源第1网格 · Grid Governance');
  });

  it('never calls a grid a command center', () => {
    for (const lang of ['zh', 'en'] as const) {
      const heading = wallHeading(dashboard, { scope: 'grid:450103001002001', level: 'grid', name: '桃源第1网格' }, lang);
      expect(heading).not.toMatch(/指挥中心|Command Center/);
      expect(heading.startsWith('桃源第1网格')).toBe(true);
    }
  });

  it('calls another district a command center of its own', () => {
    expect(wallHeading(dashboard, { scope: 'district:450102', level: 'district', name: '兴宁区' }, 'zh')).toBe('兴宁区网格化治理指挥中心');
  });
});
