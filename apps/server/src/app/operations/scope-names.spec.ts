import { ReferenceIndex, validateReferenceFile } from '@grid-command/domain';
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { namedScopeOf } from './scope-names';

const reference = new ReferenceIndex([validateReferenceFile(JSON.parse(readFileSync(join(__dirname, '../../../../../reference/demo-district.json'), 'utf8')), 'demo-district.json')]);

describe('a scope named for the operator', () => {
  it('names a district by its name and a grid by its street · community · grid', () => {
    expect(namedScopeOf(reference, 'district:450103')).toEqual({ scope: 'district:450103', name: '青秀区' });
    expect(namedScopeOf(reference, 'grid:450103001001012').name).toMatch(/^\S+街道 · \S+社区 · \S+$/);
  });

  it('shows its id when the reference data does not hold it or it does not parse', () => {
    expect(namedScopeOf(reference, 'street:450103999')).toEqual({ scope: 'street:450103999', name: 'street:450103999' });
    expect(namedScopeOf(reference, 'region:45')).toEqual({ scope: 'region:45', name: 'region:45' });
  });
});
