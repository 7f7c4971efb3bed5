import { describe, expect, it } from 'vitest';
import { rejection } from '../../../../shared/sync/index';
import { rejectionText, syncErrorText } from './format';

const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`;

describe('sync screen texts in the UI language', () => {
  it('a refused change: the server’s two languages, or the catalog message it names', () => {
    const plain = rejection('NOT_FOUND', { zh: '受理单 a1', en: 'application a1' });
    expect(rejectionText(plain, 'zh-CN')).toBe('记录不存在：受理单 a1');
    expect(rejectionText(plain, 'en')).toBe('Record not found: application a1');
    const coded = { ...rejection('INVALID_ARGS', { zh: 'x', en: 'x' }), messageCode: 'mobile.length', params: { length: 10 } };
    expect(rejectionText(coded, 'en')).toBe('Invalid operation arguments: A mobile number must have 11 digits; it has 10.');
    expect(rejectionText(coded, 'zh-CN')).toBe('操作参数无效：手机号码应为 11 位数字，现在是 10 位。');
  });

  it('the last sync error: zh-CN as the server said it; in English never Chinese', () => {
    expect(syncErrorText({ message: '服务器繁忙，稍后自动重试', code: 'RETRY_LATER' }, 'zh-CN', t)).toBe('服务器繁忙，稍后自动重试');
    expect(syncErrorText({ message: '服务器繁忙，稍后自动重试', code: 'RETRY_LATER' }, 'en', t)).toBe('run.errors.RETRY_LATER');
    expect(syncErrorText({ message: '服务器出错', code: 'HTTP_502' }, 'en', t)).toBe('run.errors.other{"code":"HTTP_502"}');
    expect(syncErrorText({ message: 'Failed to fetch' }, 'en', t)).toBe('run.errors.network{"message":"Failed to fetch"}');
    expect(syncErrorText({ message: '服务器出错', code: 'X', messageEn: 'Server error' }, 'en', t)).toBe('Server error');
  });
});
