import { describe, expect, it } from '@jest/globals';
import { AdminUsageError, parseAdminArguments } from './admin-arguments';

describe('parseAdminArguments', () => {
  it('reads user:create with its lists, display name and password source', () => {
    expect(parseAdminArguments(['user:create', '--username', 'li.si', '--roles', 'leader, duty_officer', '--scopes', 'district:450103,street:450103001', '--display-name', '李四', '--password-stdin'])).toEqual({
      command: 'user:create',
      username: 'li.si',
      roles: ['leader', 'duty_officer'],
      scopes: ['district:450103', 'street:450103001'],
      displayName: '李四',
      passwordFromStdin: true,
    });
    expect(parseAdminArguments(['user:create', '--username', 'li.si', '--roles', 'leader', '--scopes', 'district:450103'])).toMatchObject({ displayName: null, passwordFromStdin: false });
  });

  it('reads the key and display token commands, names in any script', () => {
    expect(parseAdminArguments(['key:create', '--name', '12345热线', '--scope', 'district:450103'])).toEqual({ command: 'key:create', name: '12345热线', scope: 'district:450103' });
    expect(parseAdminArguments(['display:create', '--name=大屏', '--scope=street:450103001'])).toEqual({ command: 'display:create', name: '大屏', scope: 'street:450103001' });
    expect(parseAdminArguments(['key:revoke', 'a1b2'])).toEqual({ command: 'key:revoke', id: 'a1b2' });
    expect(parseAdminArguments(['user:disable', 'li.si'])).toEqual({ command: 'user:disable', user: 'li.si' });
    expect(parseAdminArguments(['display:list'])).toEqual({ command: 'display:list' });
  });

  it('names what is missing or unknown, with the usage', () => {
    const problemOf = (argv: string[]): string => {
      try {
        parseAdminArguments(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(AdminUsageError);
        return (error as Error).message.split('\n')[0] ?? '';
      }
      return 'parsed';
    };
    expect(problemOf([])).toBe('no command given');
    expect(problemOf(['user:drop'])).toBe('unknown command user:drop');
    expect(problemOf(['key:create', '--name', 'x'])).toBe('key:create needs --scope');
    expect(problemOf(['key:revoke'])).toBe('key:revoke needs exactly one id');
    expect(problemOf(['user:list', '--colour'])).toMatch(/Unknown option '--colour'/);
  });
});
