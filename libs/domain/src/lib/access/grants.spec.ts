import { describe, expect, it } from '@jest/globals';
import { effectiveRoles, grantsTouching, isWithinGrants } from './grants';

describe('effectiveRoles', () => {
  it('gives an admin every user role but not the ingest role of keys', () => {
    expect([...effectiveRoles(['admin'])].sort()).toEqual(['admin', 'duty_officer', 'leader', 'operator']);
  });

  it('lets a duty officer read as a leader', () => {
    expect([...effectiveRoles(['duty_officer'])].sort()).toEqual(['duty_officer', 'leader']);
  });

  it('keeps an operator to operating', () => {
    expect([...effectiveRoles(['operator'])]).toEqual(['operator']);
  });
});

describe('isWithinGrants', () => {
  const street = ['street:450103001'];

  it('covers the granted scope and everything under it', () => {
    expect(isWithinGrants(street, 'street:450103001')).toBe(true);
    expect(isWithinGrants(street, 'community:450103001002')).toBe(true);
    expect(isWithinGrants(street, '450103001002015')).toBe(true);
  });

  it('never covers the scope above or a sibling', () => {
    expect(isWithinGrants(street, 'district:450103')).toBe(false);
    expect(isWithinGrants(street, 'street:450103002')).toBe(false);
    expect(isWithinGrants(street, '450103002001001')).toBe(false);
  });

  it('checks every grant', () => {
    expect(isWithinGrants(['street:450103002', 'district:450104'], '450104001001001')).toBe(true);
  });
});

describe('grantsTouching', () => {
  it('lists the grants inside a scope and those containing it', () => {
    expect(grantsTouching(['street:450103001', 'district:450104'], { level: 'district', code: '450103' })).toEqual(['street:450103001']);
    expect(grantsTouching(['district:450103'], { level: 'street', code: '450103001' })).toEqual(['district:450103']);
  });
});
