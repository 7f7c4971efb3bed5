import { test, expect, type Page } from '@playwright/test';

// The office profile, end to end: the settings form validates per field in the user's language,
// writes nothing when any field is bad, saves good values and shows them again after a reload.
// The profile is the office's data (the server takes office.update from managers only): the
// default local user, a clerk, reads it; a manager edits it.

const PROFILE = {
  机构名称: '北京声通信息技术有限公司',
  地址: '北京市朝阳区建国路 88 号 SOHO 现代城 A 座 1201',
  法定代表人: '张伟',
  联系电话: '010-65881234',
  开户银行: '中国工商银行北京朝阳支行',
  银行账号: '0200 0012 3456 7890 123',
  合同编号前缀: 'bjst',
};

async function fill(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label).fill(value);
}

const save = (page: Page) => page.getByRole('button', { name: '保存', exact: true }).click();

async function switchUser(page: Page, role: 'manager' | 'clerk') {
  await page.getByTestId('current-user').first().locator('..').click();
  await page.getByTestId(`user-option-${role}`).click();
  await expect(page.getByTestId('snackbar')).toContainText(role === 'manager' ? '经理' : '业务员');
}

test('the default local user (a clerk) reads the profile but cannot change it', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: '机构信息' })).toBeVisible();
  await expect(page.getByTestId('office-profile-readonly')).toContainText('只有经理或管理员可以修改机构信息');
  await expect(page.getByLabel('机构名称')).toBeDisabled();
  await expect(page.getByRole('button', { name: '保存', exact: true })).toBeDisabled();
  await switchUser(page, 'manager');
  await expect(page.getByTestId('office-profile-readonly')).toHaveCount(0);
  await expect(page.getByLabel('机构名称')).toBeEnabled();
});

test('a bad value is refused with a message and nothing is saved; good values persist', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: '机构信息' })).toBeVisible();
  await switchUser(page, 'manager');
  await expect(page.getByLabel('办公时区')).toHaveValue('Asia/Shanghai');

  await fill(page, { ...PROFILE, 联系电话: '12345', 合同编号前缀: 'H-1' });
  await save(page);
  await expect(page.getByText('联系电话格式不正确：应为手机号、带区号的座机或 400 号码')).toBeVisible();
  await expect(page.getByText('合同编号前缀应为 2–6 位大写字母或数字')).toBeVisible();
  await expect(page.getByTestId('snackbar')).toContainText('有 2 项需要修改');
  await expect(page.getByLabel('联系电话')).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/settings-errors.png', animations: 'disabled', fullPage: true });

  // Nothing was written: after a reload the form is empty and the top bar has no office name.
  await page.reload();
  await expect(page.getByLabel('机构名称')).toHaveValue('');
  await expect(page.getByTestId('office-name')).toHaveText('Hotline Office');

  await fill(page, PROFILE);
  await save(page);
  await expect(page.getByTestId('snackbar')).toContainText('机构信息已保存');
  await expect(page.getByTestId('office-name')).toHaveText(PROFILE.机构名称);
  // Stored normalised: prefix uppercase, account without spaces.
  await expect(page.getByLabel('合同编号前缀')).toHaveValue('BJST');
  await expect(page.getByLabel('银行账号')).toHaveValue('0200001234567890123');
  await page.screenshot({ path: 'test-results/screens/settings-saved.png', animations: 'disabled', fullPage: true });

  await page.reload();
  for (const [label, value] of Object.entries({ ...PROFILE, 合同编号前缀: 'BJST', 银行账号: '0200001234567890123' })) {
    await expect(page.getByLabel(label)).toHaveValue(value);
  }
  await expect(page.getByTestId('office-name')).toHaveText(PROFILE.机构名称);
  await expect(page.getByTestId('office-profile-updated-at')).toContainText('上次保存');
  // The platform seam answers in a plain browser: the build's version, and says where it runs.
  await expect(page.getByTestId('about')).toContainText(/版本 \d+\.\d+\.\d+/);
  await expect(page.getByTestId('about')).toContainText('浏览器中运行');
});

test('messages follow the language, including those already on screen', async ({ page }) => {
  await page.goto('/#/settings');
  await switchUser(page, 'manager');
  await save(page);
  await expect(page.getByText('请填写机构名称')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Enter the office name')).toBeVisible();
  await page.getByLabel('Contract number prefix').fill('TOOLONG1');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Contract number prefix: 2–6 uppercase letters or digits')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/settings-en.png', animations: 'disabled', fullPage: true });
});
