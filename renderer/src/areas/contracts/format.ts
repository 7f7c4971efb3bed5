import { useTranslation } from 'react-i18next';
import { formatHotline } from '../../../../shared';
import { useUiStore } from '../../state/uiStore';
export { errorText } from '../../i18n/errors';

/** Stored times are UTC; people read them in the office's time zone (Asia/Shanghai unless set). */
export function useOfficeTime(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const zone = useUiStore((s) => s.officeProfile?.timeZone) || 'Asia/Shanghai';
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone: zone, hour12: false });
  return (iso) => (iso ? format.format(new Date(iso)) : '');
}

export function hotline(digits: string | null | undefined): string {
  if (!digits) return '';
  return /^\d{10}$/.test(digits) ? formatHotline(digits) : digits;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
