import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { saveOfficeSettings } from '../../data/officeProfile';
import { useOfficeSettings } from '../../data/numbersHooks';
import { useCurrentUser } from '../../data/usersHooks';
import { localizeError } from '../../data/errors';
import { useUiStore } from '../../state/uiStore';
import { can } from '../../../../shared';
import { RULE_FIELDS, RULE_UNITS, checkRuleValues, ruleDefault, toRuleValues, type RuleError, type RuleField, type RuleValues } from './officeRules';

/**
 * 业务规则: the periods the number and account lifecycles run on, each with the clause it comes
 * from. Managers and admins edit them (saved offline, sent as office.update); others read them.
 */
export function OfficeRulesForm() {
  const { t, i18n } = useTranslation(['settings', 'users']);
  const settings = useOfficeSettings();
  const user = useCurrentUser();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [values, setValues] = useState<RuleValues | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<RuleField, RuleError>>>({});
  const [saving, setSaving] = useState(false);

  // follow the stored settings (a pull, a save) until the user starts typing
  useEffect(() => {
    if (settings && !dirty) setValues(toRuleValues(settings));
  }, [settings, dirty]);

  if (!settings || !values || user === undefined) return <LinearProgress sx={{ mt: 3 }} />;
  const editable = !!user && can(user.role, 'settings.edit');

  const setField = (field: RuleField, value: string) => {
    setDirty(true);
    setValues((v) => (v ? { ...v, [field]: value } : v));
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRuleValues(values, settings);
    if (!checked.ok) {
      setErrors(checked.errors);
      showSnackbar(t('rules.invalid', { count: Object.keys(checked.errors).length }), 'error');
      const first = RULE_FIELDS.find((f) => checked.errors[f]);
      document.querySelector<HTMLInputElement>(`[name="rule-${first}"]`)?.focus();
      return;
    }
    if (Object.keys(checked.patch).length === 0) {
      showSnackbar(t('rules.unchanged'), 'info');
      return;
    }
    setSaving(true);
    try {
      await saveOfficeSettings(checked.patch);
      setDirty(false);
      showSnackbar(t('rules.saved'), 'success');
    } catch (e) {
      showSnackbar(t('rules.failed', { message: localizeError(e, i18n.language) }), 'error');
    } finally {
      setSaving(false);
    }
  };

  const label = (field: RuleField) => t(`rules.fields.${field}`);
  const helper = (field: RuleField) => {
    const error = errors[field];
    const unit = t(`rules.units.${RULE_UNITS[field]}`);
    if (error) return t(error.key, { label: label(field), min: error.min, max: error.max, unit });
    return t(`rules.clauses.${field}`, { default: ruleDefault(field), unit });
  };

  return (
    <Paper variant="outlined" sx={{ p: 3, mt: 3 }} component="form" noValidate onSubmit={onSubmit} aria-labelledby="office-rules-title" data-testid="office-rules">
      <Typography variant="h6" component="h2" id="office-rules-title">
        {t('rules.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('rules.description')}
      </Typography>
      {!editable && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="office-rules-readonly">
          {t('rules.readOnly', { name: user?.name ?? '—', role: user ? t(`users:roles.${user.role}`) : '—' })}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, rowGap: 1 }}>
        {RULE_FIELDS.map((field) => (
          <TextField
            key={field}
            name={`rule-${field}`}
            label={label(field)}
            value={values[field]}
            disabled={!editable}
            required
            onChange={(e) => setField(field, e.target.value)}
            error={Boolean(errors[field])}
            helperText={helper(field)}
            slotProps={{
              htmlInput: { inputMode: 'numeric', 'data-testid': `rule-${field}` },
              input: { endAdornment: <InputAdornment position="end">{t(`rules.units.${RULE_UNITS[field]}`)}</InputAdornment> },
            }}
          />
        ))}
      </Box>
      {editable && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2 }}>
          <Button type="submit" variant="contained" disabled={saving} data-testid="office-rules-save">
            {saving ? t('rules.saving') : t('rules.save')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t('rules.syncNote')}
          </Typography>
        </Box>
      )}
    </Paper>
  );
}
