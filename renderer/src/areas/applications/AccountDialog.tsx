import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  closeAccount,
  resumeAccount,
  suspendAccount,
  terminateAccount,
  transferAccount,
  type AccountTerminationGround,
  type StoredAccount,
} from '../../data/accounts';
import { useCustomerSearch } from '../../data/customersHooks';
import { errorInfo } from './format';

export type AccountAction = 'suspend' | 'resume' | 'terminate' | 'close' | 'transfer';

const GROUNDS: AccountTerminationGround[] = ['unpaid_after_suspension', 'overdue', 'violation', 'customer_request'];

/** One lifecycle action with its reason (and ground, or new customer); refusals shown as they come. */
export function AccountDialog({ account, action, coolingDays, onClose, onDone }: { account: StoredAccount; action: AccountAction; coolingDays: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('accounts');
  const [reason, setReason] = useState('');
  const [ground, setGround] = useState<AccountTerminationGround>(account.status === 'suspended' ? 'unpaid_after_suspension' : 'customer_request');
  const [overdueDays, setOverdueDays] = useState('');
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const candidates = useCustomerSearch(action === 'transfer' ? deferred : '', 10);
  const [newCustomerId, setNewCustomerId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setErrors({});
    setMessage('');
    try {
      if (action === 'suspend') await suspendAccount(account.id, reason);
      if (action === 'resume') await resumeAccount(account.id, reason);
      if (action === 'terminate') await terminateAccount(account.id, ground, reason, overdueDays === '' ? undefined : Number(overdueDays));
      if (action === 'close') await closeAccount(account.id, reason);
      if (action === 'transfer') await transferAccount(account.id, newCustomerId, reason);
      onDone();
    } catch (e) {
      const info = errorInfo(e);
      setErrors(info.fields);
      setMessage(info.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="account-dialog">
      <DialogTitle>{t(`actions.${action}`)}</DialogTitle>
      <DialogContent>
        {action === 'terminate' && (
          <>
            <TextField select fullWidth sx={{ mt: 1 }} label={t('dialog.ground')} value={ground} onChange={(e) => setGround(e.target.value as AccountTerminationGround)} slotProps={{ htmlInput: { 'data-testid': 'terminate-ground' } }}>
              {GROUNDS.map((g) => (
                <MenuItem key={g} value={g} data-testid={`ground-${g}`}>
                  {t(`dialog.grounds.${g}`)}
                </MenuItem>
              ))}
            </TextField>
            {ground === 'overdue' && (
              <TextField fullWidth sx={{ mt: 2 }} type="number" label={t('dialog.overdueDays')} value={overdueDays} onChange={(e) => setOverdueDays(e.target.value)} />
            )}
            <Alert severity="warning" sx={{ mt: 2 }}>
              {t('dialog.terminateHint', { days: coolingDays })}
            </Alert>
          </>
        )}
        {action === 'close' && (
          <Alert severity="info" sx={{ mt: 1 }}>
            {t('dialog.closeHint')}
          </Alert>
        )}
        {action === 'transfer' && (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('dialog.transferHint')}
            </Typography>
            <TextField fullWidth sx={{ mt: 2 }} type="search" label={t('dialog.newCustomer')} value={query} onChange={(e) => setQuery(e.target.value)} />
            <TextField
              select
              fullWidth
              sx={{ mt: 2 }}
              label={t('dialog.newCustomer')}
              value={newCustomerId}
              onChange={(e) => setNewCustomerId(e.target.value)}
              error={!!errors.newCustomerId}
              helperText={errors.newCustomerId ?? ' '}
            >
              {(candidates ?? [])
                .filter((c) => c.id !== account.customerId)
                .map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {c.name}（{c.uscc}）
                  </MenuItem>
                ))}
            </TextField>
          </>
        )}
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={2}
          required
          sx={{ mt: 2 }}
          label={t('dialog.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!errors.reason}
          helperText={errors.reason ?? ' '}
          slotProps={{ htmlInput: { 'data-testid': 'account-reason' } }}
        />
        {/* a message already shown beside its field is not repeated */}
        {message && !errors.reason && !errors.newCustomerId && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="account-error">
            {message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('dialog.cancel')}</Button>
        <Button variant="contained" color={action === 'terminate' || action === 'close' ? 'error' : 'primary'} disabled={busy} onClick={() => void confirm()} data-testid="account-confirm">
          {t('dialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
