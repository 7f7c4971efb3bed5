import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, syncServerSources, withContentSecurityPolicy } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((d) => {
    const [name, ...sources] = d.split(' ');
    return [name!, sources];
  }));
}

describe('buildContentSecurityPolicy', () => {
  const policy = directives(buildContentSecurityPolicy({ syncServerUrl: 'http://127.0.0.1:8787' }));

  it('denies by default and allows scripts only from the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows images and fonts from the app, blob: and data:', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(policy.get('font-src')).toEqual(["'self'", 'data:']);
  });

  it('lets the renderer reach the local sync server under both loopback names, and nothing else', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:8787', 'http://localhost:8787']);
  });

  it('never allows eval or remote scripts in the packaged app', () => {
    const text = buildContentSecurityPolicy({ syncServerUrl: 'https://sync.example.com/api' });
    expect(text).not.toContain('unsafe-eval');
    expect(directives(text).get('script-src')).toEqual(["'self'"]);
    expect(directives(text).get('connect-src')).toEqual(["'self'", 'https://sync.example.com']);
  });

  it('opens only what the dev server needs in development', () => {
    const dev = directives(buildContentSecurityPolicy({ syncServerUrl: 'http://127.0.0.1:8787', devServerUrl: 'http://127.0.0.1:5173/' }));
    expect(dev.get('connect-src')).toContain('ws://127.0.0.1:5173');
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('ignores a sync URL that is not http(s)', () => {
    expect(syncServerSources('javascript:alert(1)')).toEqual([]);
    expect(syncServerSources('not a url')).toEqual([]);
  });

  it.each([
    ['a wildcard host', 'https://*.example.com'],
    ['a wildcard port', 'https://example.com:*'],
    ['credentials', 'https://user:pw@example.com'],
    ['a source list', "https://example.com 'unsafe-eval'"],
    ['a bare scheme', 'https:'],
  ])('never puts %s into connect-src: only the app itself remains', (_label, url) => {
    expect(syncServerSources(url)).toEqual([]);
    expect(directives(buildContentSecurityPolicy({ syncServerUrl: url })).get('connect-src')).toEqual(["'self'"]);
  });

  it('allows exactly the origin of a server the user set, whatever its path', () => {
    expect(directives(buildContentSecurityPolicy({ syncServerUrl: 'https://同步.example.cn:8443/hotline' })).get('connect-src')).toEqual([
      "'self'",
      expect.stringMatching(/^https:\/\/xn--[a-z0-9-]+\.example\.cn:8443$/),
    ]);
    expect(syncServerSources('http://10.0.0.5:8787/')).toEqual(['http://10.0.0.5:8787']);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any policy the response carried, in any spelling, and keeps other headers', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'], etag: 'x' },
      "default-src 'none'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      etag: ['x'],
      'Content-Security-Policy': ["default-src 'none'"],
    });
  });

  it('adds the policy where there were no headers', () => {
    expect(withContentSecurityPolicy(undefined, 'p')).toEqual({ 'Content-Security-Policy': ['p'] });
  });
});
