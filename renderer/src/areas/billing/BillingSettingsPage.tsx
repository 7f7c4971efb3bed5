import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useBillingSettings } from '../../data/billingHooks';
import { useCurrentUser } from '../../data/usersHooks';
import { saveBillingSettings } from '../../data/billingSettings';
import { shownError } from './shownError';
import { can } from '../../../../shared';

const FIELDS = ['renewalFloorMonthlyMinimums', 'lowBalanceMonths', 'expiringWithinDays'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = { renewalFloorMonthlyMinimums: 'renewalFloor', lowBalanceMonths: 'lowBalanceMonths', expiringWithinDays: 'expiringWithinDays' };

/**
 * The office's billing settings a manager edits here: the renewal policy floor and the reminder
 * thresholds. They come from the server with the sync; a change is queued for it (works offline).
 * The time zone billing reads dates in is the office's: shown, not edited here (office profile).
 */
export function BillingSettingsPage() {
  const { t } = useTranslation('billing');
  const settings = useBillingSettings();
  const user = useCurrentUser();
  const [values, setValues] = useState<Record<Field, string> | null>(null);
  const [thrown, setThrown] = useState<unknown>(null);
  const shown = shownError(thrown);
  const errors: Record<string, string> = shown.failure === null ? shown.fields : { form: shown.failure };
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings && !values) setValues({ renewalFloorMonthlyMinimums: String(settings.renewalFloorMonthlyMinimums), lowBalanceMonths: String(settings.lowBalanceMonths), expiringWithinDays: String(settings.expiringWithinDays) });
  }, [settings, values]);
  if (!settings || !values) return <LinearProgress />;
  const manager = !!user && can(user.role, 'settings.edit');

  async function save() {
    setThrown(null);
    setSaved(false);
    try {
      // a blank or non-numeric field goes to the schema as NaN, which names the field in its message
      const patch = Object.fromEntries(FIELDS.map((f) => [f, values![f].trim() === '' ? Number.NaN : Number(values![f])]));
      await saveBillingSettings(patch);
      setSaved(true);
    } catch (e) {
      setThrown(e);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2, maxWidth: 560 }}>
      {!manager && <Alert severity="info" sx={{ mb: 2 }}>{t('settings.managerOnly')}</Alert>}
      <Stack spacing={2}>
        {FIELDS.map((f) => (
          <TextField
            key={f}
            type="number"
            label={t(`settings.${LABELS[f]}`)}
            value={values[f]}
            disabled={!manager}
            onChange={(e) => setValues({ ...values, [f]: e.target.value })}
            error={!!errors[f]}
            helperText={errors[f] ?? (f === 'renewalFloorMonthlyMinimums' ? t('settings.renewalFloorHint') : undefined)}
            slotProps={{ htmlInput: { 'data-testid': `setting-${f}` } }}
          />
        ))}
        <TextField
          label={t('settings.timeZone')}
          value={settings.timeZone}
          helperText={t('settings.timeZoneHint')}
          slotProps={{ input: { readOnly: true }, htmlInput: { 'data-testid': 'setting-timeZone' } }}
        />
        {errors.form && <Alert severity="error">{errors.form}</Alert>}
        {saved && (
          <Alert severity="success">
            {t('settings.saved')} {t('settings.savedPending')}
          </Alert>
        )}
        <Button variant="contained" disabled={!manager} onClick={() => void save()} sx={{ alignSelf: 'flex-start' }} data-testid="settings-save">
          {t('settings.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
