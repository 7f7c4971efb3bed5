import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { recordPayment, officeToday } from '../../data/ledger';
import { shownError } from './shownError';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../shared';
import { yuan } from './money';
import { useEffect } from 'react';

interface Props {
  accountId: string;
  kind: 'prepayment' | 'renewal';
  firstRenewalFen: number | null;
  onClose: () => void;
  onSaved: (entryId: string) => void;
}

/**
 * Records a payment by one of the four methods of 4008 contract 5.1. The repository validates
 * (amount in yuan to the fen, reference, renewal floors) and says which field is wrong; the
 * message stands beside that field and nothing is saved.
 */
export function PaymentDialog({ accountId, kind, firstRenewalFen, onClose, onSaved }: Props) {
  const { t } = useTranslation('billing');
  const [amountYuan, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [receivedOn, setReceivedOn] = useState('');

  const [note, setNote] = useState('');
  const [thrown, setThrown] = useState<unknown>(null);
  const { fields: errors, failure } = shownError(thrown);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void officeToday().then(setReceivedOn);
  }, []);

  async function save() {
    setBusy(true);
    setThrown(null);
    try {
      const r = await recordPayment({ accountId, kind, amountYuan, method, reference, receivedOn, note });
      onSaved(r.entryId);
    } catch (e) {
      setThrown(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{kind === 'renewal' ? t('payment.titleRenewal') : t('payment.titlePrepayment')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }} component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          {kind === 'renewal' && firstRenewalFen !== null && <Alert severity="info">{t('payment.floor', { amount: yuan(firstRenewalFen) })}</Alert>}
          <TextField
            label={t('payment.amount')}
            value={amountYuan}
            onChange={(e) => setAmount(e.target.value)}
            error={!!errors.amountYuan}
            helperText={errors.amountYuan ?? t('payment.amountHint')}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'payment-amount' } }}
            autoFocus
            required
          />
          <TextField select label={t('payment.method')} value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)} error={!!errors.method} helperText={errors.method ?? t('payment.methodHint')} slotProps={{ htmlInput: { 'data-testid': 'payment-method' } }}>
            {PAYMENT_METHODS.map((m) => (
              <MenuItem key={m} value={m} data-testid={`method-${m}`}>
                {t(`methods.${m}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField label={t('payment.reference')} value={reference} onChange={(e) => setReference(e.target.value)} error={!!errors.reference} helperText={errors.reference ?? t('payment.referenceHint')} slotProps={{ htmlInput: { 'data-testid': 'payment-reference' } }} />
          {/* received today: the payment command is booked on the day the server receives it (docs/billing.md) */}
          <TextField label={t('payment.receivedOn')} type="date" value={receivedOn} disabled error={!!errors.receivedOn} helperText={errors.receivedOn} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField label={t('payment.note')} value={note} onChange={(e) => setNote(e.target.value)} error={!!errors.note} helperText={errors.note} />
          {errors.accountId && <Alert severity="error">{errors.accountId}</Alert>}
          {failure && <Alert severity="error">{failure}</Alert>}
          <button type="submit" hidden />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('payment.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="payment-save">
          {t('payment.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
