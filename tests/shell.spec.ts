import { test, expect, type Page } from '@playwright/test';

// The renderer shell: zh-CN by default, English switch persisted, areas not built yet show a
// clear page, and an error inside one area leaves the navigation working.

const AREAS_ZH = ['客户', '号码', '受理', '合同', '计费', '同步', '设置'];
const AREAS_EN = ['Customers', 'Numbers', 'Applications', 'Contracts', 'Billing', 'Sync', 'Settings'];

const nav = (page: Page) => page.getByRole('navigation');

test('opens on the zh-CN shell with every area in the navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/#\/customers$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_ZH);
  await expect(page.getByTestId('not-available')).toContainText('客户 · 功能尚未开放');
  await expect(page.getByTestId('sync-status-slot')).toBeAttached();
  await page.screenshot({ path: 'test-results/screens/shell-zh.png', animations: 'disabled' });

  // Every area not built yet says so, by name; none crashes.
  for (const label of AREAS_ZH.slice(1, -1)) {
    await nav(page).getByRole('link', { name: label }).click();
    await expect(page.getByTestId('not-available')).toContainText(`${label} · 功能尚未开放`);
    await expect(nav(page).getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
  }
  await nav(page).getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
});

test('switches to English and back, and the choice survives a reload', async ({ page }) => {
  await page.goto('/#/numbers');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_EN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('not-available')).toContainText('Numbers · Not available yet');

  await page.reload();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_EN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('not-available')).toContainText('Numbers · Not available yet');
  await page.screenshot({ path: 'test-results/screens/shell-en.png', animations: 'disabled' });

  await page.getByRole('button', { name: '中文' }).click();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_ZH);
  await page.reload();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_ZH);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('an error in one area shows a retry page while the navigation keeps working', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto('/#/__crash');
  const error = page.getByTestId('area-error');
  await expect(error).toContainText('这个功能出错了');
  await expect(error).toContainText('崩溃测试');
  await expect(error.getByRole('button', { name: '重试' })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_ZH);
  await page.screenshot({ path: 'test-results/screens/area-error.png', animations: 'disabled' });

  // Retry re-renders the area: this one throws again, and the boundary catches it again.
  await error.getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('area-error')).toBeVisible();

  await nav(page).getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByTestId('area-error')).toHaveCount(0);
  await nav(page).getByRole('link', { name: '号码' }).click();
  await expect(page.getByTestId('not-available')).toContainText('号码');
  expect(pageErrors.some((e) => e.includes('Deliberate crash'))).toBe(true);
});

test('an unknown address shows a not-found page inside the shell', async ({ page }) => {
  await page.goto('/#/no-such-area');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_ZH);
});
