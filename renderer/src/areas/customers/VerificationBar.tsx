import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorFields, errorText } from '../../i18n/errors';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { verifyCustomer } from '../../data/customersVerify';
import { ValidationError } from '../../data/errors';
import type { CustomerRow } from '../../data/rows';
import { can } from '../../data/session';
import { useCurrentUser } from '../../data/usersHooks';
import { useUiStore } from '../../state/uiStore';

const COLOR = { pending: 'default', verified: 'success', rejected: 'error' } as const;

/** 实名核验 status, and for those allowed, the verify / reject actions (the repository checks again). */
export function VerificationBar({ customer }: { customer: CustomerRow }) {
  const { t } = useTranslation('customers');
  const user = useCurrentUser();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const allowed = !!user && can(user.role, 'customer.verify');

  const run = async (outcome: 'verified' | 'rejected') => {
    try {
      await verifyCustomer(customer.id, outcome, reason);
      setRejecting(false);
      setReason('');
      showSnackbar(t(`verify.done.${outcome}`), 'success');
    } catch (e) {
      if (e instanceof ValidationError && e.fields.reason) setReasonError(errorFields(e).reason ?? e.fields.reason);
      else showSnackbar(errorText(e), 'error');
    }
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2, flexWrap: 'wrap' }} data-testid="verification-bar">
      <Chip color={COLOR[customer.realNameStatus]} label={t(`verify.status.${customer.realNameStatus}`)} data-testid="real-name-status" />
      {customer.realNameStatus === 'rejected' && customer.notes && (
        <Typography variant="body2" color="error">
          {customer.notes}
        </Typography>
      )}
      {allowed && customer.realNameStatus !== 'verified' && (
        <Button size="small" variant="outlined" color="success" onClick={() => void run('verified')} data-testid="verify-pass">
          {t('verify.pass')}
        </Button>
      )}
      {allowed && customer.realNameStatus !== 'rejected' && (
        <Button size="small" color="error" onClick={() => setRejecting(true)}>
          {t('verify.reject')}
        </Button>
      )}
      <Dialog open={rejecting} onClose={() => setRejecting(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('verify.rejectTitle')}</DialogTitle>
        <DialogContent>
          <TextField
            fullWidth
            multiline
            minRows={2}
            sx={{ mt: 1 }}
            label={t('verify.reason')}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(null);
            }}
            error={Boolean(reasonError)}
            helperText={reasonError ?? ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRejecting(false)}>{t('form.cancel')}</Button>
          <Button variant="contained" color="error" onClick={() => void run('rejected')}>
            {t('verify.reject')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
