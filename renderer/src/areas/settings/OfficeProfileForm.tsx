import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { saveOfficeProfile, type StoredOfficeProfile } from '../../data/officeProfile';
import {
  emptyOfficeProfileInput,
  OFFICE_PROFILE_FIELDS,
  validateOfficeProfile,
  type FieldErrors,
  type OfficeProfileField,
  type OfficeProfileInput,
} from '../../data/officeProfileSchema';
import { useUiStore } from '../../state/uiStore';
import { useCurrentUser } from '../../data/usersHooks';
import { localizeError } from '../../data/errors';
import { can } from '../../../../shared';
import { TimeZoneField } from './TimeZoneField';

/** Fields shown wide (one per row); the others sit two per row. */
const WIDE: readonly OfficeProfileField[] = ['name', 'address'];

// Validation returns message *keys* (identity translator), rendered with t() at display time,
// so messages already on screen follow a language switch.
const asKeys = (key: string) => key;

function toInput(profile: StoredOfficeProfile | null): OfficeProfileInput {
  if (!profile) return emptyOfficeProfileInput();
  const input = emptyOfficeProfileInput();
  for (const field of OFFICE_PROFILE_FIELDS) input[field] = profile[field];
  return input;
}

export function OfficeProfileForm() {
  const { t, i18n } = useTranslation(['settings', 'officeProfile', 'users']);
  const user = useCurrentUser();
  // the office's data: managers and admins change it (the server refuses anyone else's office.update)
  const editable = !!user && can(user.role, 'settings.edit');
  const profile = useUiStore((s) => s.officeProfile);
  const setOfficeProfile = useUiStore((s) => s.setOfficeProfile);
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [values, setValues] = useState<OfficeProfileInput>(() => toInput(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const setField = (field: OfficeProfileField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateOfficeProfile(values, asKeys);
    if (!checked.ok) {
      setErrors(checked.errors);
      showSnackbar(t('settings:officeProfile.invalid', { count: Object.keys(checked.errors).length }), 'error');
      const first = OFFICE_PROFILE_FIELDS.find((f) => checked.errors[f]);
      document.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await saveOfficeProfile(values);
      setOfficeProfile(saved);
      setValues(toInput(saved));
      showSnackbar(t('settings:officeProfile.saved'), 'success');
    } catch (e) {
      showSnackbar(t('settings:officeProfile.failed', { message: localizeError(e, i18n.language) }), 'error');
    } finally {
      setSaving(false);
    }
  };

  const helper = (field: OfficeProfileField) => {
    const error = errors[field];
    if (error) return t(`officeProfile:${error}`);
    return i18n.exists(`officeProfile:hints.${field}`) ? t(`officeProfile:hints.${field}`) : ' ';
  };

  return (
    <Paper variant="outlined" sx={{ p: 3 }} component="form" noValidate onSubmit={onSubmit} aria-labelledby="office-profile-title">
      <Typography variant="h6" component="h2" id="office-profile-title">
        {t('settings:officeProfile.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('settings:officeProfile.description')}
      </Typography>
      {user !== undefined && !editable && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="office-profile-readonly">
          {t('settings:officeProfile.readOnly', { name: user?.name ?? '—', role: user ? t(`users:roles.${user.role}`) : '—' })}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, rowGap: 1 }}>
        {OFFICE_PROFILE_FIELDS.map((field) => (
          <Box key={field} sx={{ gridColumn: WIDE.includes(field) ? '1 / -1' : undefined }}>
            {field === 'timeZone' ? (
              <TimeZoneField
                value={values.timeZone}
                label={t('officeProfile:fields.timeZone')}
                helperText={helper(field)}
                error={Boolean(errors.timeZone)}
                disabled={!editable}
                onChange={(zone) => setField('timeZone', zone)}
              />
            ) : (
              <TextField
                fullWidth
                required
                disabled={!editable}
                name={field}
                label={t(`officeProfile:fields.${field}`)}
                value={values[field]}
                onChange={(e) => setField(field, e.target.value)}
                error={Boolean(errors[field])}
                helperText={helper(field)}
              />
            )}
          </Box>
        ))}
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2 }}>
        <Button type="submit" variant="contained" disabled={saving || !editable}>
          {saving ? t('settings:officeProfile.saving') : t('settings:officeProfile.save')}
        </Button>
        {profile && (
          <Typography variant="body2" color="text.secondary" data-testid="office-profile-updated-at">
            {t('settings:officeProfile.updatedAt', { time: formatInZone(profile.updatedAt, profile.timeZone, i18n.language) })}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}

/** A stored UTC time shown in the office's time zone. */
function formatInZone(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
