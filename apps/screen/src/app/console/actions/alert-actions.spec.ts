import { describe, expect, it } from '@jest/globals';
import { actionRequest, legalActions } from './alert-actions';

const form = { department: '城管执法局', otherDepartment: '', note: '' };

describe('legalActions', () => {
  it('offers what the server accepts from each state', () => {
    expect(legalActions('open')).toEqual(['acknowledge', 'dispatch', 'escalate', 'close']);
    expect(legalActions('acknowledged')).toEqual(['dispatch', 'escalate', 'close']);
    expect(legalActions('dispatched')).toEqual(['report_in', 'escalate', 'close']);
    expect(legalActions('closed')).toEqual([]);
  });
});

describe('actionRequest', () => {
  it('names nobody (the server records the logged-in user) and carries the version seen', () => {
    expect(actionRequest('acknowledge', form, 3)).toEqual({ action: 'acknowledge', expectedVersion: 3 });
  });

  it('dispatches to the department picked, or the one typed in', () => {
    expect(actionRequest('dispatch', form, 2)).toEqual({ action: 'dispatch', expectedVersion: 2, department: '城管执法局' });
    expect(actionRequest('dispatch', { ...form, otherDepartment: ' 水务局 ' }, 2)).toMatchObject({ department: '水务局' });
  });

  it('closes only with a note', () => {
    expect(actionRequest('close', form, 4)).toBe('noteRequired');
    expect(actionRequest('close', { ...form, note: '已处置完毕' }, 4)).toEqual({ action: 'close', expectedVersion: 4, note: '已处置完毕' });
  });

  it('asks for the department before sending a dispatch', () => {
    expect(actionRequest('dispatch', { ...form, department: '' }, 1)).toBe('departmentRequired');
  });
});
