/**
 * The renderer must run under the Content-Security-Policy the desktop shell enforces
 * (electron/csp.ts). Electron cannot run on every test machine, so this serves the built renderer
 * with that exact policy in Chromium and walks every area: a library that needs eval, an inline
 * script or a remote resource shows up here as a violation, before it breaks the desktop app.
 */
import { test, expect } from '@playwright/test';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from '../electron/csp';

const policy = buildContentSecurityPolicy({ syncServerUrl: 'http://127.0.0.1:8787' });

/** Runs in the page: adds an inline <script> and reports whether it ran. */
function injectInlineScript(): string {
  const probe = window as unknown as { __cspProbe?: string };
  const script = document.createElement('script');
  script.textContent = 'window.__cspProbe = "ran";';
  document.head.append(script);
  script.remove();
  return probe.__cspProbe ?? 'blocked';
}

test('every area renders under the desktop CSP without a violation', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(
      Object.entries(withContentSecurityPolicy(response.headers(), policy)).map(([name, values]) => [name, values.join(', ')]),
    );
    await route.fulfill({ response, headers });
  });

  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBe(policy);
  // Every area the navigation offers, so a new area is covered without editing this test.
  await expect(page.getByRole('navigation').first().getByRole('link').first()).toBeVisible();
  const areaLinks = await page.getByRole('navigation').first().getByRole('link').evaluateAll((links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  expect(areaLinks.length).toBeGreaterThanOrEqual(7);
  for (const href of areaLinks) {
    await page.goto(`/${href}`);
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await expect(page.locator('main, [role="main"]').first()).not.toBeEmpty();
  }
  // Nothing may be refused while walking: zod is told to parse without eval (renderer/src/zodConfig.ts).
  const seenWhileWalking = [...violations];
  // The policy really is in force: an injected inline script does not run.
  // (page.evaluate itself is exempt from CSP, so the probe is a <script> element.)
  expect(await page.evaluate(injectInlineScript)).toBe('blocked');
  expect(seenWhileWalking).toEqual([]);
});
