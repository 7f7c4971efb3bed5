import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { toOfficeDate } from '../../../../shared';
import { nowIso } from '../../data/clock';
import { signContract } from '../../data/contracts';
import type { ContractRow } from '../../data/contractsTypes';
import { ValidationError } from '../../data/errors';
import { useUiStore } from '../../state/uiStore';
import { errorText } from './format';
import { errorFields } from '../../i18n/errors';

/** 登记签署: the date and signatory written on the contract, and the scanned signed copy. */
export function SignDialog({ contract, onClose }: { contract: ContractRow | null; onClose(): void }) {
  const { t } = useTranslation('contracts');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const zone = useUiStore((s) => s.officeProfile?.timeZone) || 'Asia/Shanghai';
  const [signedOn, setSignedOn] = useState('');
  const [signer, setSigner] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!contract) return;
    setSignedOn(toOfficeDate(nowIso(), zone));
    const customer = (contract.snapshot?.data ?? contract.input).customer as { legalRepresentative?: string } | undefined;
    setSigner(customer?.legalRepresentative ?? '');
    setFile(null);
    setErrors({});
  }, [contract, zone]);

  const submit = async () => {
    if (!contract) return;
    setBusy(true);
    try {
      const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
      await signContract(contract.id, { signedOn, signer, file: file && bytes ? { fileName: file.name, mime: file.type, bytes } : null });
      showSnackbar(t('sign.done', { number: contract.number }), 'success');
      onClose();
    } catch (e) {
      if (e instanceof ValidationError) setErrors(errorFields(e));
      showSnackbar(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={!!contract} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('sign.title', { number: contract?.number ?? '' })}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <TextField
          type="date"
          label={t('sign.signedOn')}
          value={signedOn}
          onChange={(e) => setSignedOn(e.target.value)}
          error={!!errors.signedOn}
          helperText={errors.signedOn}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'sign-date' } }}
        />
        <TextField
          label={t('sign.signer')}
          value={signer}
          onChange={(e) => setSigner(e.target.value)}
          error={!!errors.signer}
          helperText={errors.signer}
          slotProps={{ htmlInput: { 'data-testid': 'sign-signer' } }}
        />
        <div>
          <Typography variant="body2" color={errors.signedCopy ? 'error' : 'text.secondary'} sx={{ mb: 1 }}>
            {t('sign.file')}
          </Typography>
          <Button variant="outlined" component="label" startIcon={<UploadFileIcon />}>
            {t('sign.choose')}
            <input hidden type="file" accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf" data-testid="sign-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Button>
          <Typography component="span" variant="body2" sx={{ ml: 2 }}>
            {file ? file.name : t('sign.none')}
          </Typography>
          {errors.signedCopy && (
            <Typography variant="body2" color="error" sx={{ mt: 1 }}>
              {errors.signedCopy}
            </Typography>
          )}
        </div>
        {errors.status && <Typography color="error">{errors.status}</Typography>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('sign.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void submit()} data-testid="sign-submit">
          {t('sign.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
