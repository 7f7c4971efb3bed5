import type { MessageCode, MessageParams } from '../messages/catalog';
import { formatMessage } from '../messages/format';

export type Carrier = 'unicom' | 'mobile' | 'telecom';

export const CARRIERS = ['unicom', 'mobile', 'telecom'] as const satisfies readonly Carrier[];

export const CARRIER_LABELS: Readonly<Record<Carrier, string>> = {
  unicom: '中国联通',
  mobile: '中国移动',
  telecom: '中国电信',
};

/** 号段 → carrier (DESIGN.md §5). 4002–4005 are not issued and are refused. */
const SEGMENT_CARRIER: Readonly<Record<string, Carrier>> = {
  '4000': 'unicom',
  '4006': 'unicom',
  '4001': 'mobile',
  '4007': 'mobile',
  '4008': 'telecom',
  '4009': 'telecom',
};

export type ParsedHotline =
  | { ok: true; digits: string; display: string; carrier: Carrier }
  | { ok: false; reason: string; code?: string; params?: MessageParams };

function refused(code: MessageCode, params?: MessageParams): ParsedHotline {
  return { ok: false, reason: formatMessage(code, params), code, ...(params ? { params } : {}) };
}

/** 4008123456 → 400-812-3456. Expects 10 digits. */
export function formatHotline(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/**
 * Accepts 400-812-3456, 4008123456 and 400 812 3456 (single spaces or hyphens between digit groups).
 * Never throws.
 */
export function parseHotline(s: string): ParsedHotline {
  const trimmed = s.trim();
  if (trimmed.length === 0) return refused('hotline.empty');
  if (!/^\d+(?:[ -]\d+)*$/.test(trimmed)) {
    return refused('hotline.chars');
  }
  const digits = trimmed.replace(/[ -]/g, '');
  if (digits.length !== 10) {
    return refused('hotline.length', { length: digits.length });
  }
  if (!digits.startsWith('400')) return refused('hotline.prefix');
  const carrier = SEGMENT_CARRIER[digits.slice(0, 4)];
  if (!carrier) {
    return refused('hotline.segment', { segment: digits.slice(0, 4) });
  }
  return { ok: true, digits, display: formatHotline(digits), carrier };
}
