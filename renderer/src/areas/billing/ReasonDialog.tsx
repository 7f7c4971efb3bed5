import { useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { errorText } from '../../i18n/errors';

export interface ReasonDialogProps {
  title: string;
  /** One line naming what is being undone (date, kind, amount…), shown above the reason. */
  summary: ReactNode;
  label: string;
  cancelText: string;
  confirmText: string;
  /** Test ids `${testIdPrefix}-reason` (the field) and `${testIdPrefix}-confirm` (the button). */
  testIdPrefix: string;
  /** Does the work; a throw (the data layer's "reason required", a refusal…) is shown under the field. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/**
 * A manager undoes something with a reason (冲正 a ledger entry, 撤销 an automatic action).
 * The parent mounts it only while it is open, so every opening starts with an empty reason and
 * no error. The reason is checked by the data layer's command, not here, so the message is the
 * command's own.
 */
export function ReasonDialog({ title, summary, label, cancelText, confirmText, testIdPrefix, onConfirm, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [thrown, setThrown] = useState<unknown>(null);
  const error = thrown === null ? null : errorText(thrown);
  async function save() {
    try {
      await onConfirm(reason);
      onClose();
    } catch (e) {
      setThrown(e);
    }
  }
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{summary}</Typography>
        <TextField fullWidth multiline minRows={2} label={label} value={reason} onChange={(e) => setReason(e.target.value)} error={!!error} helperText={error} slotProps={{ htmlInput: { 'data-testid': `${testIdPrefix}-reason` } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{cancelText}</Button>
        <Button variant="contained" color="warning" onClick={() => void save()} data-testid={`${testIdPrefix}-confirm`}>
          {confirmText}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
