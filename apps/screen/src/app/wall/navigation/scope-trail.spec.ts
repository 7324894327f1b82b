import { describe, expect, it } from '@jest/globals';
import { breadcrumb, drillTarget, isDrillable } from './scope-trail';

describe('drillTarget', () => {
  const grid = '450103004007012';

  it('goes one level down at every level: district → street → community → the clicked grid', () => {
    expect(drillTarget('district:450103', grid)).toBe('street:450103004');
    expect(drillTarget('street:450103004', grid)).toBe('community:450103004007');
    expect(drillTarget('community:450103004007', grid)).toBe(`grid:${grid}`);
  });

  it('stops at a grid, the bottom, even on a click on the grid itself', () => {
    expect(drillTarget(`grid:${grid}`, grid)).toBeNull();
  });

  it('ignores grids of other units and what is not a grid code', () => {
    expect(drillTarget('street:450103001', grid)).toBeNull();
    expect(drillTarget('community:450103004008', grid)).toBeNull();
    expect(drillTarget('district:450103', 'not-a-grid')).toBeNull();
    expect(drillTarget('district:450103', '450103004007')).toBeNull();
    expect(drillTarget('nonsense', grid)).toBeNull();
  });
});

describe('isDrillable', () => {
  it('accepts a child one level down at every level', () => {
    expect(isDrillable('district:450103', 'street:450103002')).toBe(true);
    expect(isDrillable('street:450103002', 'community:450103002009')).toBe(true);
    expect(isDrillable('community:450103002009', 'grid:450103002009001')).toBe(true);
  });

  it('refuses a skipped level, a unit elsewhere, anything below a grid and a move up', () => {
    expect(isDrillable('district:450103', 'community:450103002009')).toBe(false);
    expect(isDrillable('district:450103', 'street:450104002')).toBe(false);
    expect(isDrillable('community:450103002009', 'grid:450103002008001')).toBe(false);
    expect(isDrillable('grid:450103002009001', 'grid:450103002009001')).toBe(false);
    expect(isDrillable('community:450103002009', 'street:450103002')).toBe(false);
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

  it('runs from the district to a grid, every level above the grid linked', () => {
    const trail = breadcrumb('grid:450103001002003', new Map([...names, ['grid:450103001002003', '桃源第3网格']]));
    expect(trail.map((crumb) => crumb.scope)).toEqual(['district:450103', 'street:450103001', 'community:450103001002', 'grid:450103001002003']);
    expect(trail.map((crumb) => crumb.current)).toEqual([false, false, false, true]);
    expect(trail[3]?.name).toBe('桃源第3网格');
  });

  it('is a single current crumb on the district wall', () => {
    expect(breadcrumb('district:450103', names)).toEqual([{ scope: 'district:450103', name: '青秀区', current: true }]);
  });

  it('shows the code of a unit whose name is not known', () => {
    expect(breadcrumb('street:450103009', names).map((crumb) => crumb.name)).toEqual(['青秀区', '450103009']);
  });
});
