import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCustomerSearch } from '../../data/customersHooks';
import { useCustomerRow, usePackages } from '../../data/applicationsHooks';
import type { ApplicationInput } from '../../data/applicationsValidation';
import type { StoredPackage } from '../../data/packages';
import { hotline, yuan } from './format';

type Patch = (p: Partial<ApplicationInput>) => void;

/** Step 1: find a registered customer (a new one is registered in the customers area). */
export function CustomerStep({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('applications');
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const rows = useCustomerSearch(deferred, 20);
  const chosen = useCustomerRow(value || null);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {chosen && (
        <Alert severity="success" data-testid="chosen-customer">
          {t('wizard.chosenCustomer')}：{chosen.name}（{chosen.uscc}）
        </Alert>
      )}
      <TextField
        type="search"
        label={t('wizard.customerSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'wizard-customer-search' } }}
      />
      <Paper variant="outlined" sx={{ maxHeight: 320, overflow: 'auto' }}>
        <List dense>
          {rows?.map((c) => (
            <ListItemButton key={c.id} selected={c.id === value} onClick={() => onChange(c.id)} data-testid="wizard-customer">
              <ListItemText primary={c.name} secondary={`${c.uscc} · ${c.handlerName} ${c.handlerMobile}`} />
            </ListItemButton>
          ))}
        </List>
      </Paper>
      <Typography variant="body2" color="text.secondary">
        {t('wizard.customerHint')}{' '}
        <Button size="small" component={RouterLink} to="/customers/new">
          {t('wizard.registerCustomer')}
        </Button>
      </Typography>
    </Box>
  );
}

export function packageSummary(t: (k: string, o: Record<string, unknown>) => string, p: StoredPackage): string {
  return t('wizard.packageSummary', {
    prepay: yuan(p.prepaymentFen),
    minimum: yuan(p.monthlyMinimumFen),
    rate: yuan(p.tariffFenPerMinute),
    term: p.termMonths,
  });
}

/** Step 3: the package and the features it offers. */
export function PackageStep({ input, patch, errors }: { input: ApplicationInput; patch: Patch; errors: Record<string, string> }) {
  const { t } = useTranslation('applications');
  const packages = usePackages();
  const chosen = packages?.find((p) => p.id === input.packageId);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <TextField
        select
        label={t('wizard.package')}
        value={input.packageId ?? ''}
        onChange={(e) => patch({ packageId: e.target.value || null, features: [] })}
        error={!!errors.packageId}
        helperText={errors.packageId ?? (chosen ? packageSummary(t, chosen) : ' ')}
        slotProps={{ htmlInput: { 'data-testid': 'wizard-package' } }}
      >
        {packages?.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}
          </MenuItem>
        ))}
      </TextField>
      {chosen && chosen.featureFees.length > 0 && (
        <Box>
          <Typography variant="subtitle2">{t('wizard.features')}</Typography>
          <FormGroup row>
            {chosen.featureFees.map((f) => (
              <FormControlLabel
                key={f.name}
                label={t('wizard.featureWithFee', { name: f.name, fee: yuan(f.monthlyFen) })}
                control={
                  <Checkbox
                    checked={input.features.includes(f.name)}
                    onChange={(e) => patch({ features: e.target.checked ? [...input.features, f.name] : input.features.filter((x) => x !== f.name) })}
                  />
                }
              />
            ))}
          </FormGroup>
          {errors.features && <Alert severity="error">{errors.features}</Alert>}
        </Box>
      )}
    </Box>
  );
}

type TextFieldName = 'usageScope' | 'callCentreLocation' | 'business' | 'contactName' | 'contactPhone';

/** Step 4: the requirement form (业务需求单, 4008 contract 3.1.5). */
export function RequirementStep({ input, patch, errors }: { input: ApplicationInput; patch: Patch; errors: Record<string, string> }) {
  const { t } = useTranslation('applications');
  const destErrors = Object.entries(errors).filter(([k]) => k.startsWith('destinationNumbers'));
  const field = (name: TextFieldName) => (
    <TextField
      key={name}
      label={t(`wizard.fields.${name}`)}
      value={input[name]}
      onChange={(e) => patch({ [name]: e.target.value })}
      error={!!errors[name]}
      helperText={errors[name] ?? ' '}
      required
      slotProps={{ htmlInput: { 'data-testid': `field-${name}` } }}
    />
  );
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, columnGap: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ gridColumn: '1 / -1', mb: 2 }}>
        {t('wizard.contractNote')}
      </Typography>
      {field('usageScope')}
      {field('callCentreLocation')}
      {field('business')}
      <TextField
        label={t('wizard.fields.requestedOpeningDate')}
        type="date"
        value={input.requestedOpeningDate}
        onChange={(e) => patch({ requestedOpeningDate: e.target.value })}
        error={!!errors.requestedOpeningDate}
        helperText={errors.requestedOpeningDate ?? ' '}
        required
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'field-requestedOpeningDate' } }}
      />
      <TextField
        label={t('wizard.fields.destinationNumbers')}
        multiline
        minRows={3}
        value={input.destinationNumbers.join('\n')}
        onChange={(e) => patch({ destinationNumbers: e.target.value.split('\n') })}
        error={destErrors.length > 0}
        helperText={destErrors.length > 0 ? destErrors.map(([, m]) => m).join('；') : t('wizard.fields.destinationHint')}
        required
        slotProps={{ htmlInput: { 'data-testid': 'field-destinationNumbers' } }}
        sx={{ gridRow: 'span 2' }}
      />
      <TextField
        label={t('wizard.fields.termMonths')}
        type="number"
        value={Number.isFinite(input.termMonths) ? input.termMonths : ''}
        onChange={(e) => patch({ termMonths: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
        error={!!errors.termMonths}
        helperText={errors.termMonths ?? ' '}
        required
        slotProps={{ htmlInput: { min: 1, 'data-testid': 'field-termMonths' } }}
      />
      {field('contactName')}
      {field('contactPhone')}
      <TextField
        label={t('wizard.fields.technicalRequirements')}
        multiline
        minRows={2}
        value={input.technicalRequirements}
        onChange={(e) => patch({ technicalRequirements: e.target.value })}
        error={!!errors.technicalRequirements}
        helperText={errors.technicalRequirements ?? ' '}
        sx={{ gridColumn: '1 / -1' }}
      />
    </Box>
  );
}

/** Step 5: everything on one page before saving. */
export function ReviewStep({ input }: { input: ApplicationInput }) {
  const { t } = useTranslation('applications');
  const customer = useCustomerRow(input.customerId || null);
  const packages = usePackages();
  const pkg = packages?.find((p) => p.id === input.packageId);
  const rows: [string, string][] = [
    [t('detail.customer'), customer?.name ?? '—'],
    [t('detail.number'), hotline(input.numberDigits)],
    [t('detail.package'), pkg ? `${pkg.name} · ${packageSummary(t, pkg)}` : '—'],
    [t('detail.features'), input.features.join('、') || t('detail.none')],
    [t('wizard.fields.usageScope'), input.usageScope],
    [t('wizard.fields.destinationNumbers'), input.destinationNumbers.filter((s) => s.trim()).join('、')],
    [t('wizard.fields.callCentreLocation'), input.callCentreLocation],
    [t('wizard.fields.business'), input.business],
    [t('wizard.fields.technicalRequirements'), input.technicalRequirements],
    [t('wizard.fields.requestedOpeningDate'), input.requestedOpeningDate],
    [t('wizard.fields.termMonths'), Number.isFinite(input.termMonths) ? String(input.termMonths) : ''],
    [t('wizard.fields.contactName'), input.contactName],
    [t('wizard.fields.contactPhone'), input.contactPhone],
  ];
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }} data-testid="wizard-review">
      {rows.map(([k, v]) => (
        <Box key={k} sx={{ display: 'contents' }}>
          <Typography component="dt" color="text.secondary">
            {k}
          </Typography>
          <Typography component="dd" sx={{ m: 0 }}>
            {v || '—'}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
