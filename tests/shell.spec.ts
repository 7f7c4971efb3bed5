import { test, expect, type Page } from '@playwright/test';

// The renderer shell: zh-CN by default, English switch persisted, areas not built yet show a
// clear page, and an error inside one area leaves the navigation working.

const AREAS_ZH = ['客户', '号码', '套餐', '受理', '合同', '计费', '经营看板', '同步', '设置'];
const AREAS_EN = ['Customers', 'Numbers', 'Packages', 'Applications', 'Contracts', 'Billing', 'Dashboard', 'Sync', 'Settings'];

const nav = (page: Page) => page.getByRole('navigation');

/** The area is current in the navigation, has finished loading and has not crashed. */
async function expectAreaShown(page: Page, label: string) {
  await expect(nav(page).getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main').getByText('正在加载…')).toHaveCount(0);
  await expect(page.getByTestId('area-error')).toHaveCount(0);
}

test('opens on the zh-CN shell with every area in the navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/#\/customers$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_ZH);
  await expect(page.getByTestId('sync-status-slot')).toBeAttached();
  await expectAreaShown(page, '客户');
  await page.screenshot({ path: 'test-results/screens/shell-zh.png', animations: 'disabled' });

  // Every area opens without crashing; those not built yet say so, by name. (Which areas are
  // built changes as the application grows, so the test asks the page, not a fixed list.)
  let placeholders = 0;
  for (const label of AREAS_ZH) {
    await nav(page).getByRole('link', { name: label, exact: true }).click();
    await expectAreaShown(page, label);
    if (await page.getByTestId('not-available').count()) {
      await expect(page.getByTestId('not-available')).toContainText(`${label} · 功能尚未开放`);
      placeholders += 1;
    }
  }
  test.info().annotations.push({ type: 'areas not built yet', description: String(placeholders) });
  await nav(page).getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
});

test('switches to English and back, and the choice survives a reload', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_EN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.reload();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_EN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Office profile' })).toBeVisible();
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
  await nav(page).getByRole('link', { name: '客户' }).click();
  await expectAreaShown(page, '客户');
  expect(pageErrors.some((e) => e.includes('Deliberate crash'))).toBe(true);
});

test('an unknown address shows a not-found page inside the shell', async ({ page }) => {
  await page.goto('/#/no-such-area');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(AREAS_ZH);
});
