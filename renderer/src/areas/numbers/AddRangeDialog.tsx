import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { addRange, MAX_RANGE_SIZE, NumberImportError } from '../../data/numbers';
import { ValidationError } from '../../data/errors';
import { useUiStore } from '../../state/uiStore';
import { errorText } from './format';
import { errorFields, messageText } from '../../i18n/errors';

/** 添加号段: every number from one to another (same segment, capped), all or none. */
export function AddRangeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('numbers');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const close = () => {
    setFields({});
    setError('');
    onClose();
  };
  const run = async () => {
    setBusy(true);
    setFields({});
    setError('');
    try {
      const { added } = await addRange(from, to);
      showSnackbar(t('range.done', { count: added }));
      close();
    } catch (e) {
      if (e instanceof NumberImportError) {
        setError(`${errorText(e)} ${e.rowErrors.slice(0, 5).map((r) => messageText(r.text ?? r.reason)).join(' ')}`);
      } else if (e instanceof ValidationError) setFields(errorFields(e));
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={close} maxWidth="xs" fullWidth aria-labelledby="range-title">
      <DialogTitle id="range-title">{t('range.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <TextField label={t('range.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={!!fields.from} helperText={fields.from ?? '400-800-1000'} slotProps={{ htmlInput: { 'data-testid': 'range-from' } }} />
          <TextField label={t('range.to')} value={to} onChange={(e) => setTo(e.target.value)} error={!!fields.to} helperText={fields.to ?? t('range.cap', { max: MAX_RANGE_SIZE })} slotProps={{ htmlInput: { 'data-testid': 'range-to' } }} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void run()} data-testid="range-run">
          {t('range.run')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
