import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../state/uiStore';

/** Stored times are UTC; people read them in the office's time zone (Asia/Shanghai unless set). */
export function useOfficeTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const zone = useUiStore((s) => s.officeProfile?.timeZone) || 'Asia/Shanghai';
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone: zone, hour12: false });
  return (iso) => (iso ? format.format(new Date(iso)) : '');
}
