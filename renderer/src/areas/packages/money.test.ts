import { afterEach, describe, expect, it } from 'vitest';
import { initI18n, i18next } from '../../i18n';
import { yuanToFen } from './money';

describe('yuan fields of the package forms', () => {
  afterEach(async () => {
    await i18next.changeLanguage('zh-CN');
  });

  it('say why an amount is refused in the UI language, naming the field as the form labels it', async () => {
    await initI18n('en');
    expect(yuanToFen('12.345', 'Monthly minimum')).toEqual({ error: 'Monthly minimum may have at most two decimals (fen).' });
    expect(yuanToFen('', 'Prepayment', true)).toEqual({ fen: 0 });
    await i18next.changeLanguage('zh-CN');
    expect(yuanToFen('-1', '月最低消费')).toEqual({ error: '月最低消费不能为负数。' });
    expect(yuanToFen('36.5', '月最低消费')).toEqual({ fen: 3650 });
  });
});
