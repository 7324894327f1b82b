import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { HttpTransport } from '../data/http-transport.service';
import { splitDisplayToken, takeDisplayToken } from './display-token-address';
import { ACCEPTS_DISPLAY_TOKEN, SessionService } from './session.service';

describe('splitDisplayToken', () => {
  it('takes the token and keeps every other parameter', () => {
    expect(splitDisplayToken('?scope=district:450103&display=tok-123&lang=en')).toEqual({ token: 'tok-123', search: '?scope=district%3A450103&lang=en' });
  });

  it('leaves an address without a token as it is', () => {
    expect(splitDisplayToken('?scope=district:450103')).toEqual({ token: null, search: '?scope=district:450103' });
    expect(splitDisplayToken('')).toEqual({ token: null, search: '' });
  });

  it('takes a blank token out of the address without keeping it', () => {
    expect(splitDisplayToken('?display=')).toEqual({ token: null, search: '' });
  });
});

describe('the display token in the address', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/?scope=street:450103001&display=kiosk-token-1#top');
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    history.replaceState(null, '', '/');
  });

  it('is removed from the address without a new history entry', () => {
    const entries = history.length;
    expect(takeDisplayToken(window)).toBe('kiosk-token-1');
    expect(`${location.pathname}${location.search}${location.hash}`).toBe('/?scope=street%3A450103001#top');
    expect(history.length).toBe(entries);
  });

  it('becomes the wall credential, stored for the next boot of the kiosk', () => {
    TestBed.configureTestingModule({ providers: [{ provide: HttpTransport, useValue: {} }, { provide: ACCEPTS_DISPLAY_TOKEN, useValue: true }] });
    const session = TestBed.inject(SessionService);
    expect(session.bearer()).toBe('kiosk-token-1');
    expect(localStorage.getItem('gc.displayToken')).toBe('kiosk-token-1');
    expect(location.search).not.toContain('display');
  });

  it('replaces a token stored before; without one in the address the stored one is used', () => {
    localStorage.setItem('gc.displayToken', 'older-token');
    TestBed.configureTestingModule({ providers: [{ provide: HttpTransport, useValue: {} }, { provide: ACCEPTS_DISPLAY_TOKEN, useValue: true }] });
    expect(TestBed.inject(SessionService).bearer()).toBe('kiosk-token-1');

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [{ provide: HttpTransport, useValue: {} }, { provide: ACCEPTS_DISPLAY_TOKEN, useValue: true }] });
    expect(TestBed.inject(SessionService).bearer()).toBe('kiosk-token-1');
  });

  it('is ignored by the console, which needs a logged-in user', () => {
    TestBed.configureTestingModule({ providers: [{ provide: HttpTransport, useValue: {} }] });
    expect(TestBed.inject(SessionService).bearer()).toBeNull();
    expect(localStorage.getItem('gc.displayToken')).toBeNull();
  });
});
