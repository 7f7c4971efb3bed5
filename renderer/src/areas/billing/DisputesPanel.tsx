import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { raiseDispute, resolveDispute } from '../../data/billingDisputes';
import { useAccountDisputes, type DisputeRow } from '../../data/billingDisputesHooks';
import { shownError } from './shownError';
import { yuan } from './money';

/** Each field's message, and anything else under 'form', in the UI's language. */
function errorsOf(e: unknown): Record<string, string> {
  const { fields, failure } = shownError(e);
  return failure === null ? fields : { form: failure };
}

function RaiseDialog({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const [carrier, setCarrier] = useState('telecom');
  const [carrierRecordId, setRecord] = useState('');
  const [reason, setReason] = useState('');
  const [thrown, setThrown] = useState<unknown>(null);
  const errors = errorsOf(thrown);
  async function save() {
    try {
      await raiseDispute({ accountId, carrier, carrierRecordId, reason });
      onClose();
    } catch (e) {
      setThrown(e);
    }
  }
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('disputes.raiseTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label={t('disputes.carrier')} value={carrier} onChange={(e) => setCarrier(e.target.value)} error={!!errors.carrier} helperText={errors.carrier} />
          <TextField label={t('disputes.record')} value={carrierRecordId} onChange={(e) => setRecord(e.target.value)} error={!!errors.carrierRecordId} helperText={errors.carrierRecordId ?? t('disputes.windowHint')} slotProps={{ htmlInput: { 'data-testid': 'dispute-record' } }} />
          <TextField label={t('disputes.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={!!errors.reason} helperText={errors.reason} multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'dispute-reason' } }} />
          {errors.form && <Alert severity="error">{errors.form}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('payment.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="dispute-save">
          {t('disputes.raise')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ResolveDialog({ dispute, onClose }: { dispute: DisputeRow; onClose: () => void }) {
  const { t } = useTranslation('billing');
  const [outcome, setOutcome] = useState<'upheld' | 'rejected'>('upheld');
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [thrown, setThrown] = useState<unknown>(null);
  const errors = errorsOf(thrown);
  async function save() {
    try {
      await resolveDispute(dispute.id, { outcome, note, adjustmentYuan: outcome === 'upheld' ? amount : undefined });
      onClose();
    } catch (e) {
      setThrown(e);
    }
  }
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('disputes.resolveTitle')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          {dispute.carrierRecordId} · {dispute.reason}
        </Typography>
        <Stack spacing={2}>
          <TextField select label={t('disputes.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as 'upheld' | 'rejected')} error={!!errors.outcome} helperText={errors.outcome}>
            <MenuItem value="upheld">{t('disputes.status.upheld')}</MenuItem>
            <MenuItem value="rejected">{t('disputes.status.rejected')}</MenuItem>
          </TextField>
          <TextField label={t('disputes.note')} value={note} onChange={(e) => setNote(e.target.value)} error={!!errors.note} helperText={errors.note} multiline minRows={2} />
          {outcome === 'upheld' && <TextField label={t('disputes.credit')} value={amount} onChange={(e) => setAmount(e.target.value)} error={!!errors.adjustmentYuan} helperText={errors.adjustmentYuan} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />}
          {errors.form && <Alert severity="error">{errors.form}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('payment.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {t('disputes.resolve')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** 话单异议 of one account (400 agreement 第四条(一)6): raised by staff, decided by a manager, both offline. */
export function DisputesPanel({ accountId, mayRaise, mayResolve }: { accountId: string; mayRaise: boolean; mayResolve: boolean }) {
  const { t } = useTranslation('billing');
  const rows = useAccountDisputes(accountId);
  const [raising, setRaising] = useState(false);
  const [resolving, setResolving] = useState<DisputeRow | null>(null);
  return (
    <Box sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1 }}>
          {t('disputes.title')}
        </Typography>
        <Button size="small" variant="outlined" disabled={!mayRaise} onClick={() => setRaising(true)} data-testid="dispute-raise">
          {t('disputes.raise')}
        </Button>
      </Box>
      <Paper variant="outlined">
        <Table size="small" aria-label={t('disputes.title')} data-testid="disputes-table">
          <TableHead>
            <TableRow>
              {(['raisedOn', 'record', 'reason', 'status', 'outcome'] as const).map((c) => (
                <TableCell key={c}>{t(`disputes.columns.${c}`)}</TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(rows ?? []).map((d) => (
              <TableRow key={d.id}>
                <TableCell>{d.raisedOn}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>
                  {d.carrier} {d.carrierRecordId}
                </TableCell>
                <TableCell>{d.reason}</TableCell>
                <TableCell>
                  <Chip size="small" label={t(`disputes.status.${d.status}`)} color={d.status === 'upheld' ? 'success' : 'default'} /> {d.pending && <Chip size="small" label={t('ledger.local')} />}
                </TableCell>
                <TableCell>
                  {d.outcome ?? ''}
                  {d.adjustmentFen ? ` (+${yuan(d.adjustmentFen)})` : ''}
                </TableCell>
                <TableCell>
                  {d.status === 'open' && mayResolve && (
                    <Button size="small" onClick={() => setResolving(d)}>
                      {t('disputes.resolve')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows?.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('disputes.empty')}
          </Typography>
        )}
      </Paper>
      {raising && <RaiseDialog accountId={accountId} onClose={() => setRaising(false)} />}
      {resolving && <ResolveDialog dispute={resolving} onClose={() => setResolving(null)} />}
    </Box>
  );
}
