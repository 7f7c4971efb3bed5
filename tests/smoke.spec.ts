import { test, expect } from '@playwright/test';

test('the renderer loads', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toContainText('Hotline Office');
});
