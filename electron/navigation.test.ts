import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen, isAllowedExternalUrl, isAppUrl } from './navigation';

const packaged = { indexUrl: 'file:///opt/Hotline%20Office/resources/app.asar/dist/renderer/index.html' };
const dev = { ...packaged, devServerUrl: 'http://127.0.0.1:5173/' };
const HELP = ['help.example.com'];

describe('isAppUrl', () => {
  it.each([
    ['the index itself', packaged.indexUrl],
    ['a hash route', `${packaged.indexUrl}#/customers/42`],
    ['a query', `${packaged.indexUrl}?lang=en`],
    ['the same path written unescaped', 'file:///opt/Hotline Office/resources/app.asar/dist/renderer/index.html'],
  ])('allows %s', (_label, url) => {
    expect(isAppUrl(url, packaged)).toBe(true);
  });

  it.each([
    ['another local file', 'file:///etc/passwd'],
    ['a sibling file of the index', 'file:///opt/Hotline%20Office/resources/app.asar/dist/renderer/evil.html'],
    ['a path that climbs out and back', 'file:///opt/Hotline%20Office/resources/app.asar/dist/renderer/../renderer2/index.html'],
    ['a UNC host', 'file://attacker/opt/Hotline%20Office/resources/app.asar/dist/renderer/index.html'],
    ['an https page', 'https://example.com/'],
    ['the dev server when not in development', 'http://127.0.0.1:5173/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<h1>x</h1>'],
    ['not a URL', 'index.html'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url, packaged)).toBe(false);
  });

  it('allows any page of the dev server in development, and nothing on another port or host', () => {
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173@evil.com/', dev)).toBe(false);
  });
});

describe('external links', () => {
  it('opens https links on an allow-listed host in the system browser', () => {
    expect(decideNavigation('https://help.example.com/guide#print', packaged, HELP)).toBe('open-external');
    expect(decideWindowOpen('https://help.example.com/', HELP)).toBe('open-external');
  });

  it.each([
    ['plain http', 'http://help.example.com/'],
    ['a look-alike subdomain', 'https://help.example.com.evil.com/'],
    ['a parent domain', 'https://example.com/'],
    ['another port', 'https://help.example.com:8443/'],
    ['credentials', 'https://user:pw@help.example.com/'],
    ['a file', 'file:///etc/passwd'],
  ])('denies %s', (_label, url) => {
    expect(isAllowedExternalUrl(url, HELP)).toBe(false);
    expect(decideNavigation(url, packaged, HELP)).toBe('deny');
  });

  it('denies every outside URL with the shipped (empty) host list', () => {
    expect(decideNavigation('https://help.example.com/', packaged)).toBe('deny');
    expect(decideWindowOpen('https://www.baidu.com/')).toBe('deny');
  });

  it('never opens the app itself in a second window', () => {
    expect(decideWindowOpen(packaged.indexUrl, HELP)).toBe('deny');
  });

  it('allows navigation within the app', () => {
    expect(decideNavigation(`${packaged.indexUrl}#/settings`, packaged, HELP)).toBe('allow');
  });
});
