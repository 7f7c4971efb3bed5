import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { reverseLedgerEntry, type StoredLedgerEntry } from '../../data/ledger';
import { errorText } from '../../i18n/errors';
import { yuan } from './money';

/** 冲正: a manager cancels one ledger entry with a reason (queued for the server, shown at once). */
export function ReverseEntryDialog({ entry, onClose }: { entry: StoredLedgerEntry; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const [reason, setReason] = useState('');
  const [thrown, setThrown] = useState<unknown>(null);
  const error = thrown === null ? null : errorText(thrown);
  async function save() {
    try {
      await reverseLedgerEntry(entry.id, reason);
      onClose();
    } catch (e) {
      setThrown(e);
    }
  }
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('ledger.reverseTitle')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          {entry.effectiveOn} · {t(`kinds.${entry.kind}`)} · {yuan(entry.amountFen)} · {entry.reason ?? ''}
        </Typography>
        <TextField fullWidth multiline minRows={2} label={t('ledger.reverseReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={!!error} helperText={error} slotProps={{ htmlInput: { 'data-testid': 'reverse-entry-reason' } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('payment.cancel')}</Button>
        <Button variant="contained" color="warning" onClick={() => void save()} data-testid="reverse-entry-confirm">
          {t('ledger.reverseConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
