import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { voidContract } from '../../data/contracts';
import type { ContractRow } from '../../data/contractsTypes';
import { ValidationError } from '../../data/errors';
import { useUiStore } from '../../state/uiStore';
import { errorText } from './format';
import { errorFields } from '../../i18n/errors';

/** 作废: a reason is required (the repository refuses an empty one too). */
export function VoidDialog({ contract, onClose }: { contract: ContractRow | null; onClose(): void }) {
  const { t } = useTranslation('contracts');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setReason('');
    setError('');
  }, [contract]);

  const submit = async () => {
    if (!contract) return;
    try {
      await voidContract(contract.id, reason);
      showSnackbar(t('void.done', { number: contract.number }), 'success');
      onClose();
    } catch (e) {
      setError((e instanceof ValidationError ? errorFields(e).reason : undefined) ?? errorText(e));
    }
  };

  return (
    <Dialog open={!!contract} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('void.title', { number: contract?.number ?? '' })}</DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={2}
          label={t('void.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!error}
          helperText={error || t('void.hint')}
          slotProps={{ htmlInput: { 'data-testid': 'void-reason' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('void.cancel')}</Button>
        <Button variant="contained" color="error" onClick={() => void submit()} data-testid="void-submit">
          {t('void.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
