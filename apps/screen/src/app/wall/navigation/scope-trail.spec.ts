import { describe, expect, it } from '@jest/globals';
import { breadcrumb, drillTarget, isDrillable } from './scope-trail';

describe('drillTarget', () => {
  it('goes from a district to the street of the clicked grid, and from a street to its community', () => {
    expect(drillTarget('district:450103', '450103004007012')).toBe('street:450103004');
    expect(drillTarget('street:450103004', '450103004007012')).toBe('community:450103004007');
  });

  it('stops at a community and ignores grids of other units', () => {
    expect(drillTarget('community:450103004007', '450103004007012')).toBeNull();
    expect(drillTarget('street:450103001', '450103004007012')).toBeNull();
    expect(drillTarget('district:450103', 'not-a-grid')).toBeNull();
  });
});

describe('isDrillable', () => {
  it('accepts a child one level down and refuses the rest', () => {
    expect(isDrillable('district:450103', 'street:450103002')).toBe(true);
    expect(isDrillable('street:450103002', 'community:450103002009')).toBe(true);
    expect(isDrillable('district:450103', 'community:450103002009')).toBe(false);
    expect(isDrillable('district:450103', 'street:450104002')).toBe(false);
    expect(isDrillable('community:450103002009', 'grid:450103002009001')).toBe(false);
  });
});

describe('breadcrumb', () => {
  const names = new Map([
    ['district:450103', '青秀区'],
    ['street:450103001', '新竹街道'],
    ['community:450103001002', '竹溪社区'],
  ]);

  it('links every ancestor and marks the scope on screen as current', () => {
    expect(breadcrumb('community:450103001002', names)).toEqual([
      { scope: 'district:450103', name: '青秀区', current: false },
      { scope: 'street:450103001', name: '新竹街道', current: false },
      { scope: 'community:450103001002', name: '竹溪社区', current: true },
    ]);
  });

  it('is a single current crumb on the district wall', () => {
    expect(breadcrumb('district:450103', names)).toEqual([{ scope: 'district:450103', name: '青秀区', current: true }]);
  });

  it('shows the code of a unit whose name is not known', () => {
    expect(breadcrumb('street:450103009', names).map((crumb) => crumb.name)).toEqual(['青秀区', '450103009']);
  });
});
