import { useTranslation } from 'react-i18next';
import { reverseLedgerEntry, type StoredLedgerEntry } from '../../data/ledger';
import { yuan } from './money';
import { ReasonDialog } from './ReasonDialog';

/** 冲正: a manager cancels one ledger entry with a reason (queued for the server, shown at once). */
export function ReverseEntryDialog({ entry, onClose }: { entry: StoredLedgerEntry; onClose: () => void }) {
  const { t } = useTranslation('billing');
  return (
    <ReasonDialog
      title={t('ledger.reverseTitle')}
      summary={
        <>
          {entry.effectiveOn} · {t(`kinds.${entry.kind}`)} · {yuan(entry.amountFen)} · {entry.reason ?? ''}
        </>
      }
      label={t('ledger.reverseReason')}
      cancelText={t('payment.cancel')}
      confirmText={t('ledger.reverseConfirm')}
      testIdPrefix="reverse-entry"
      onConfirm={async (reason) => {
        await reverseLedgerEntry(entry.id, reason);
      }}
      onClose={onClose}
    />
  );
}
