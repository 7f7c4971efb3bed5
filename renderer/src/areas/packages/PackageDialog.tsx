import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorFields, errorText } from '../../i18n/errors';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { STANDARD_FEATURES, createPackage, updatePackage, type StoredPackage } from '../../data/packages';
import { ValidationError } from '../../data/errors';
import { useUiStore } from '../../state/uiStore';
import { yuanText, yuanToFen } from './money';

interface FeatureState {
  on: boolean;
  fee: string;
}

interface FormState {
  name: string;
  prepayment: string;
  monthlyMinimum: string;
  tariff: string;
  includedMinutes: string;
  termMonths: string;
  features: Record<string, FeatureState>;
  active: boolean;
  notes: string;
}

function initial(p: StoredPackage | null): FormState {
  const features: Record<string, FeatureState> = {};
  for (const name of STANDARD_FEATURES) {
    const f = p?.featureFees.find((x) => x.name === name);
    features[name] = { on: !!f, fee: f ? yuanText(f.monthlyFen) : '' };
  }
  return {
    name: p?.name ?? '',
    prepayment: p ? yuanText(p.prepaymentFen) : '',
    monthlyMinimum: p ? yuanText(p.monthlyMinimumFen) : '',
    tariff: p ? yuanText(p.tariffFenPerMinute) : '',
    includedMinutes: p ? String(p.includedMinutes) : '0',
    termMonths: p ? String(p.termMonths) : '12',
    features,
    active: p?.active ?? true,
    notes: p?.notes ?? '',
  };
}

/**
 * 套餐编辑: amounts typed in 元 and stored in fen (parseYuanToFen, never a float); the per-minute
 * tariff in 元/分钟 to the fen (0.25 → 25). Only managers may save (the repository checks).
 */
export function PackageDialog({ open, editing, onClose }: { open: boolean; editing: StoredPackage | null; onClose: () => void }) {
  const { t } = useTranslation('packages');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [form, setForm] = useState<FormState>(() => initial(editing));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  useEffect(() => {
    if (open) {
      setForm(initial(editing));
      setErrors({});
      setError('');
    }
  }, [open, editing]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));

  const save = async () => {
    const errs: Record<string, string> = {};
    const money = (key: string, text: string, label: string, emptyIsZero = false) => {
      const r = yuanToFen(text, label, emptyIsZero);
      if ('error' in r) {
        errs[key] = r.error;
        return NaN;
      }
      return r.fen;
    };
    const int = (key: string, text: string, label: string) => {
      if (!/^\d+$/.test(text.trim())) {
        errs[key] = t('errors.wholeNumber', { field: label });
        return NaN;
      }
      return Number(text);
    };
    const featureFees = STANDARD_FEATURES.filter((n) => form.features[n]?.on).map((name) => ({
      name,
      monthlyFen: money(`feature.${name}`, form.features[name]?.fee ?? '', `${name}${t('field.monthlyFee')}`, true),
    }));
    const input = {
      name: form.name,
      prepaymentFen: money('prepaymentFen', form.prepayment, t('field.prepayment')),
      monthlyMinimumFen: money('monthlyMinimumFen', form.monthlyMinimum, t('field.monthlyMinimum'), true),
      tariffFenPerMinute: money('tariffFenPerMinute', form.tariff, t('field.tariff')),
      includedMinutes: int('includedMinutes', form.includedMinutes, t('field.includedMinutes')),
      termMonths: int('termMonths', form.termMonths, t('field.termMonths')),
      featureFees,
      active: form.active,
      notes: form.notes,
    };
    setErrors(errs);
    setError('');
    if (Object.keys(errs).length > 0) return;
    try {
      if (editing) await updatePackage(editing.id, input, editing.version);
      else await createPackage(input);
      showSnackbar(t('saved', { name: form.name.trim() }));
      onClose();
    } catch (e) {
      if (e instanceof ValidationError) setErrors(errorFields(e));
      setError(errorText(e));
    }
  };

  const field = (key: keyof FormState & string, errKey: string, label: string, suffix?: string) => (
    <TextField
      fullWidth
      size="small"
      label={label}
      value={form[key] as string}
      onChange={(e) => set(key, e.target.value as never)}
      error={!!errors[errKey]}
      helperText={errors[errKey] ?? suffix}
      slotProps={{ htmlInput: { 'data-testid': `pkg-${key}` } }}
    />
  );

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="pkg-title">
      <DialogTitle id="pkg-title">{editing ? t('edit') : t('new')}</DialogTitle>
      <DialogContent dividers>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 8 }}>{field('name', 'name', t('field.name'))}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <FormControlLabel control={<Switch checked={form.active} onChange={(e) => set('active', e.target.checked)} />} label={t('field.active')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>{field('prepayment', 'prepaymentFen', t('field.prepayment'), t('unit.yuan'))}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>{field('termMonths', 'termMonths', t('field.termMonths'), t('unit.months'))}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>{field('monthlyMinimum', 'monthlyMinimumFen', t('field.monthlyMinimum'), t('unit.yuanPerMonth'))}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>{field('tariff', 'tariffFenPerMinute', t('field.tariff'), t('unit.yuanPerMinute'))}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>{field('includedMinutes', 'includedMinutes', t('field.includedMinutes'), t('unit.minutesPerMonth'))}</Grid>
        </Grid>
        <Typography variant="subtitle1" sx={{ mt: 3, mb: 1 }}>
          {t('field.features')}
        </Typography>
        <Stack spacing={1}>
          {STANDARD_FEATURES.map((name) => {
            const f = form.features[name] ?? { on: false, fee: '' };
            const setF = (next: FeatureState) => set('features', { ...form.features, [name]: next });
            return (
              <Stack key={name} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <FormControlLabel sx={{ width: 240 }} control={<Checkbox checked={f.on} onChange={(e) => setF({ ...f, on: e.target.checked })} />} label={name} />
                <TextField
                  size="small"
                  label={t('field.monthlyFee')}
                  value={f.fee}
                  disabled={!f.on}
                  onChange={(e) => setF({ ...f, fee: e.target.value })}
                  error={!!errors[`feature.${name}`]}
                  helperText={errors[`feature.${name}`] ?? t('unit.yuanPerMonth')}
                  sx={{ width: 200 }}
                />
              </Stack>
            );
          })}
        </Stack>
        <TextField fullWidth multiline minRows={2} size="small" sx={{ mt: 2 }} label={t('field.notes')} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="pkg-error">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="pkg-save">
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
