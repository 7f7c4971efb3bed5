import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorFields, errorText } from '../../i18n/errors';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { ValidationError } from '../../data/errors';
import { can } from '../../data/session';
import { useCurrentUser } from '../../data/usersHooks';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';

interface Props {
  open: boolean;
  uscc: string;
  /** The validator's message about the check character. */
  reason: string;
  saving: boolean;
  onCancel(): void;
  /** Saves with the written reason; rejects with the repository's error. */
  onConfirm(reason: string): Promise<void>;
}

/**
 * A USCC with a wrong check character may be accepted only by a manager, with a written reason
 * (stored on the customer and in its history). The repository enforces it; this dialog explains it.
 */
export function UsccOverrideDialog({ open, uscc, reason, saving, onCancel, onConfirm }: Props) {
  const { t } = useTranslation('customers');
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const allowed = !!user && can(user.role, 'override.uscc');

  const confirm = async () => {
    setError(null);
    try {
      await onConfirm(text);
      setText('');
    } catch (e) {
      setError((e instanceof ValidationError ? errorFields(e).usccOverrideReason : undefined) ?? errorText(e));
    }
  };

  return (
    <Dialog open={open} onClose={onCancel} maxWidth="sm" fullWidth data-testid="uscc-override-dialog">
      <DialogTitle>{t('override.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{t('override.body', { uscc })}</DialogContentText>
        {reason && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {reason}
          </Alert>
        )}
        {!allowed && (
          <Alert severity="info" sx={{ mb: 2 }} action={<CurrentUserSwitch />}>
            {t('override.managerOnly')}
          </Alert>
        )}
        <TextField
          fullWidth
          multiline
          minRows={2}
          disabled={!allowed}
          label={t('override.reason')}
          placeholder={t('override.reasonHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={Boolean(error)}
          helperText={error ?? ' '}
          slotProps={{ htmlInput: { 'data-testid': 'override-reason' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('override.cancel')}</Button>
        <Button variant="contained" color="warning" disabled={!allowed || saving || text.trim().length === 0} onClick={() => void confirm()} data-testid="override-confirm">
          {t('override.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
