import { describe, expect, it } from '@jest/globals';
import { isOriginAllowed } from './allowed-origins';

describe('isOriginAllowed', () => {
  const listed = ['https://wall.example.gov.cn'];

  it("allows the server's own origin, whatever host or port it is reached by", () => {
    expect(isOriginAllowed('http://127.0.0.1:3000', '127.0.0.1:3000', [])).toBe(true);
    expect(isOriginAllowed('https://grid.example.gov.cn', 'grid.example.gov.cn', [])).toBe(true);
  });

  it('allows listed origins and requests without Origin (not a browser page)', () => {
    expect(isOriginAllowed('https://wall.example.gov.cn', '127.0.0.1:3000', listed)).toBe(true);
    expect(isOriginAllowed(undefined, '127.0.0.1:3000', [])).toBe(true);
  });

  it('refuses other sites, another port of the same host, and garbage', () => {
    expect(isOriginAllowed('https://evil.example.com', '127.0.0.1:3000', listed)).toBe(false);
    expect(isOriginAllowed('http://127.0.0.1:8080', '127.0.0.1:3000', listed)).toBe(false);
    expect(isOriginAllowed('null', '127.0.0.1:3000', listed)).toBe(false);
    expect(isOriginAllowed('http://127.0.0.1:3000', undefined, [])).toBe(false);
  });
});
