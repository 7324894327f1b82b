import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ApiRequestError } from '../../data/api-request.error';
import { SessionService } from '../session.service';
import { LoginComponent } from './login.component';

describe('the login form', () => {
  let fixture: ComponentFixture<LoginComponent>;
  const login = jest.fn<(username: string, password: string) => Promise<void>>();

  beforeEach(async () => {
    login.mockReset();
    history.replaceState(null, '', '/console?state=open');
    TestBed.configureTestingModule({ imports: [LoginComponent], providers: [{ provide: SessionService, useValue: { login } }] });
    fixture = TestBed.createComponent(LoginComponent);
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.resetTestingModule();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const field = (name: string): HTMLInputElement => element().querySelector<HTMLInputElement>(`input[name="${name}"]`) as HTMLInputElement;
  const submitButton = (): HTMLButtonElement => element().querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
  const error = (): string | null => element().querySelector('[data-login-error]')?.textContent?.trim() ?? null;

  async function fillAndSubmit(username: string, password: string): Promise<void> {
    for (const [name, value] of [['username', username], ['password', password]] as const) {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    element().querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  it('sends nothing until both fields are filled', async () => {
    expect(submitButton().disabled).toBe(true);
    field('username').value = 'zhangsan';
    field('username').dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(submitButton().disabled).toBe(true);
    expect(login).not.toHaveBeenCalled();
  });

  it('logs in with the trimmed username and the password as typed', async () => {
    login.mockResolvedValue(undefined);
    await fillAndSubmit('  zhangsan ', ' pass phrase ');
    expect(login).toHaveBeenCalledWith('zhangsan', ' pass phrase ');
    expect(error()).toBeNull();
  });

  it('says the username or password is wrong on a 401, and clears the password', async () => {
    login.mockRejectedValue(new ApiRequestError('/api/v1/auth/login', 401, 'wrong username or password', 'POST'));
    await fillAndSubmit('zhangsan', 'not the password');
    expect(error()).toBe('用户名或密码错误');
    expect(field('password').value).toBe('');
  });

  it("says how many minutes a locked login waits, from the 429's Retry-After", async () => {
    login.mockRejectedValue(new ApiRequestError('/api/v1/auth/login', 429, 'too many attempts', 'POST', null, 290));
    await fillAndSubmit('zhangsan', 'guess 17');
    expect(error()).toBe('尝试次数过多，请 5 分钟后再试');
  });

  it('says the server cannot be reached when no answer came', async () => {
    login.mockRejectedValue(new ApiRequestError('/api/v1/auth/login', null, 'server unreachable', 'POST'));
    await fillAndSubmit('zhangsan', 'whatever');
    expect(error()).toBe('无法连接服务器，请稍后再试');
  });

  it('explains why the previous session ended', async () => {
    fixture.componentRef.setInput('ended', 'token_revoked');
    await fixture.whenStable();
    expect(element().querySelector('[data-login-notice]')?.textContent?.trim()).toBe('会话已被吊销，请重新登录');
  });
});
