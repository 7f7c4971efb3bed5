import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  activateApplication,
  approveApplication,
  cancelApplication,
  receiveCompletion,
  rejectApplication,
  sendToCarrier,
  signContract,
  type Acceptance,
  type StoredApplication,
} from '../../data/applications';
import type { ApplicationFlowEvent } from '../../data/applicationsFlow';
import { addDays, deemedAcceptanceDate, isIsoDate } from '../../../../shared';
import { errorInfo } from './format';

/** Events that need more than a click: a reason, a note, a date, or how the form was accepted. */
export const DIALOG_EVENTS: readonly ApplicationFlowEvent[] = ['approve', 'reject', 'cancel', 'signContract', 'sendToCarrier', 'receiveCompletion', 'activate'];

function previewDeemed(date: string): string | null {
  if (!isIsoDate(date)) return null;
  try {
    return deemedAcceptanceDate(date);
  } catch {
    return null;
  }
}

/** The dialog for one step; calls the repository and reports its zh-CN refusal beside the field. */
export function StepDialog({ app, event, today, onClose, onDone }: { app: StoredApplication; event: ApplicationFlowEvent; today: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('applications');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(today);
  const [openedOn, setOpenedOn] = useState(today);
  const [acceptance, setAcceptance] = useState<Acceptance>('signed');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const deemedOk = !!app.deemedAcceptanceOn && today > app.deemedAcceptanceOn;

  const confirm = async () => {
    setBusy(true);
    setErrors({});
    setMessage('');
    try {
      if (event === 'approve') await approveApplication(app.id, reason);
      else if (event === 'reject') await rejectApplication(app.id, reason);
      else if (event === 'cancel') await cancelApplication(app.id, reason);
      else if (event === 'signContract') await signContract(app.id, date);
      else if (event === 'sendToCarrier') await sendToCarrier(app.id, date);
      else if (event === 'receiveCompletion') await receiveCompletion(app.id, date, openedOn);
      else if (event === 'activate') await activateApplication(app.id, acceptance);
      onDone();
    } catch (e) {
      const info = errorInfo(e);
      setErrors(info.fields);
      setMessage(info.message);
    } finally {
      setBusy(false);
    }
  };

  const preview = event === 'receiveCompletion' ? previewDeemed(date) : null;
  const dateField = (label: string, value: string, set: (v: string) => void, field: string, testId: string) => (
    <TextField
      type="date"
      label={label}
      value={value}
      onChange={(e) => set(e.target.value)}
      error={!!errors[field]}
      helperText={errors[field] ?? ' '}
      fullWidth
      sx={{ mt: 1 }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    />
  );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="step-dialog">
      <DialogTitle>{event === 'activate' ? t('dialog.activateTitle') : t(`detail.actions.${event}`)}</DialogTitle>
      <DialogContent>
        {(event === 'reject' || event === 'cancel' || event === 'approve') && (
          <TextField
            autoFocus
            multiline
            minRows={2}
            fullWidth
            sx={{ mt: 1 }}
            label={event === 'approve' ? t('dialog.note') : t('dialog.reason')}
            required={event !== 'approve'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={!!errors.reason}
            helperText={errors.reason ?? ' '}
            slotProps={{ htmlInput: { 'data-testid': 'step-reason' } }}
          />
        )}
        {(event === 'signContract' || event === 'sendToCarrier') && dateField(t('dialog.date'), date, setDate, event === 'signContract' ? 'contractSignedOn' : 'sentToCarrierOn', 'step-date')}
        {event === 'receiveCompletion' && (
          <>
            {dateField(t('dialog.receivedOn'), date, (v) => {
              setDate(v);
              setOpenedOn(v);
            }, 'completionReceivedOn', 'step-received-on')}
            {dateField(t('dialog.openedOn'), openedOn, setOpenedOn, 'openedOn', 'step-opened-on')}
            <Typography variant="body2" color="text.secondary">
              {t('dialog.openedOnHint')}
            </Typography>
            {preview && (
              <Alert severity="info" sx={{ mt: 2 }} data-testid="deemed-preview">
                {t('dialog.deemedPreview', { date: preview })}
              </Alert>
            )}
          </>
        )}
        {event === 'activate' && (
          <>
            <RadioGroup value={acceptance} onChange={(e) => setAcceptance(e.target.value as Acceptance)}>
              <FormControlLabel value="signed" control={<Radio />} label={t('dialog.activateSigned')} data-testid="acceptance-signed" />
              <FormControlLabel
                value="deemed"
                control={<Radio />}
                disabled={!deemedOk}
                label={t('dialog.activateDeemed', { date: app.deemedAcceptanceOn ?? '—' })}
                data-testid="acceptance-deemed"
              />
            </RadioGroup>
            <Typography variant="body2" color="text.secondary">
              {t('dialog.activateHint')}
              {app.deemedAcceptanceOn && !deemedOk ? ` ${t('detail.deemedHint', { date: app.deemedAcceptanceOn, next: addDays(app.deemedAcceptanceOn, 1) })}` : ''}
            </Typography>
          </>
        )}
        {/* a message already shown beside its field is not repeated */}
        {message && !['reason', 'contractSignedOn', 'sentToCarrierOn', 'completionReceivedOn', 'openedOn'].some((f) => errors[f]) && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="step-error">
            {message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('dialog.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void confirm()} data-testid="step-confirm">
          {t('dialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
