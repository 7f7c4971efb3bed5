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
import Typography from '@mui/material/Typography';
import { adjustLedger } from '../../data/ledger';
import { shownError } from './shownError';

/** 调账: a manager's credit or debit with a reason; the manager making it is the approver. */
export function AdjustDialog({ accountId, managerName, onClose }: { accountId: string; managerName: string; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const [direction, setDirection] = useState<'credit' | 'debit'>('credit');
  const [amountYuan, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [thrown, setThrown] = useState<unknown>(null);
  const { fields: errors, failure } = shownError(thrown);

  async function save() {
    setThrown(null);
    try {
      await adjustLedger({ accountId, direction, amountYuan, reason });
      onClose();
    } catch (e) {
      setThrown(e);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('adjust.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label={t('adjust.direction')} value={direction} onChange={(e) => setDirection(e.target.value as 'credit' | 'debit')} error={!!errors.direction} helperText={errors.direction}>
            <MenuItem value="credit">{t('adjust.credit')}</MenuItem>
            <MenuItem value="debit">{t('adjust.debit')}</MenuItem>
          </TextField>
          <TextField label={t('adjust.amount')} value={amountYuan} onChange={(e) => setAmount(e.target.value)} error={!!errors.amountYuan} helperText={errors.amountYuan} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'adjust-amount' } }} />
          <TextField label={t('adjust.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={!!errors.reason} helperText={errors.reason} multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'adjust-reason' } }} />
          <Typography variant="body2" color="text.secondary">
            {t('adjust.approver', { name: managerName })}
          </Typography>
          {errors.form && <Alert severity="error">{errors.form}</Alert>}
          {failure && <Alert severity="error">{failure}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('payment.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="adjust-save">
          {t('adjust.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
