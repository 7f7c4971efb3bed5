import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorFields, errorText } from '../../i18n/errors';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { createCustomer, updateCustomer } from '../../data/customers';
import { CUSTOMER_FIELDS, checkCustomerInput, type CustomerField, type CustomerInput } from '../../data/customersValidation';
import { PermissionError, ValidationError } from '../../data/errors';
import type { CustomerRow } from '../../data/rows';
import { useUiStore } from '../../state/uiStore';
import { UsccOverrideDialog } from './UsccOverrideDialog';
import { useOfficeTime } from './officeTime';

const WIDE: readonly CustomerField[] = ['name', 'address'];
const MONO: readonly CustomerField[] = ['uscc', 'handlerIdNumber'];

export const EMPTY_CUSTOMER: CustomerInput = {
  name: '',
  uscc: '',
  legalRepresentative: '',
  address: '',
  handlerName: '',
  handlerIdNumber: '',
  handlerMobile: '',
  landline: '',
  email: '',
};

export function toCustomerInput(c: CustomerRow): CustomerInput {
  const input = { ...EMPTY_CUSTOMER };
  for (const f of CUSTOMER_FIELDS) input[f] = c[f] ?? '';
  return input;
}

type Errors = Partial<Record<CustomerField, string>>;

interface Props {
  /** The customer being edited; absent when registering a new one. */
  customer?: CustomerRow;
  onSaved(row: CustomerRow): void;
  onCancel?(): void;
}

/**
 * Create / edit form of the real-name data. Each field shows its own message as soon as it has
 * been left (and all of them on save); the repository validates again, so the two never disagree.
 */
export function CustomerForm({ customer, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation('customers');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const time = useOfficeTime();
  const [values, setValues] = useState<CustomerInput>(() => (customer ? toCustomerInput(customer) : { ...EMPTY_CUSTOMER }));
  const [touched, setTouched] = useState<ReadonlySet<CustomerField>>(new Set());
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [overrideOpen, setOverrideOpen] = useState(false);

  // A code a manager already let through stays accepted while it is unchanged.
  const keptOverride = customer?.usccOverrideReason && values.uscc.trim().toUpperCase() === customer.uscc ? customer : null;
  const check = checkCustomerInput(values, i18n.language);
  const liveErrors: Errors = { ...check.errors };
  if (keptOverride && check.usccChecksumFailed) delete liveErrors.uscc;

  const shown = (f: CustomerField) => serverErrors[f] ?? (touched.has(f) ? liveErrors[f] : undefined);

  const setField = (f: CustomerField, v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setServerErrors(({ [f]: _gone, ...rest }) => rest);
  };

  const save = async (usccOverrideReason?: string) => {
    setSaving(true);
    try {
      const options = { ...(usccOverrideReason ? { usccOverrideReason } : {}), ...(customer ? { baseVersion: customer.version } : {}) };
      const row = customer ? await updateCustomer(customer.id, values, options) : await createCustomer(values, options);
      setOverrideOpen(false);
      showSnackbar(
        customer ? (row.version === customer.version ? t('form.unchanged') : t('form.updated', { name: row.name })) : t('form.created', { name: row.name }),
        'success',
      );
      onSaved(row);
    } catch (e) {
      if (e instanceof ValidationError && e.usccChecksumOverridable && !usccOverrideReason) {
        setOverrideOpen(true);
      } else if (e instanceof ValidationError) {
        const { form, ...fields } = errorFields(e);
        setServerErrors(fields as Errors);
        if (form || Object.keys(fields).length === 0) showSnackbar(form ?? errorText(e), 'error');
        // Errors of the override dialog itself are shown there.
        if (!('usccOverrideReason' in e.fields)) setOverrideOpen(false);
        throw e;
      } else if (e instanceof PermissionError) {
        showSnackbar(errorText(e), 'error');
        throw e;
      } else {
        showSnackbar(t('form.failed', { message: errorText(e) }), 'error');
        throw e;
      }
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(new Set(CUSTOMER_FIELDS));
    const blocking = Object.keys(liveErrors).filter((f) => !(f === 'uscc' && check.usccChecksumFailed));
    if (blocking.length > 0) {
      showSnackbar(t('form.invalid', { count: Object.keys(liveErrors).length }), 'error');
      const first = CUSTOMER_FIELDS.find((f) => liveErrors[f]);
      document.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    await save().catch(() => undefined);
  };

  return (
    <Box component="form" noValidate onSubmit={onSubmit} data-testid="customer-form">
      {keptOverride && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="uscc-override-banner">
          {t('override.banner', { by: keptOverride.usccOverrideBy ?? '', at: time(keptOverride.usccOverrideAt ?? ''), reason: keptOverride.usccOverrideReason })}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, rowGap: 1 }}>
        {CUSTOMER_FIELDS.map((f) => {
          const error = shown(f);
          return (
            <Box key={f} sx={{ gridColumn: WIDE.includes(f) ? '1 / -1' : undefined }}>
              <TextField
                fullWidth
                required={f !== 'email'}
                name={f}
                label={t(`fields.${f}`)}
                value={values[f] ?? ''}
                onChange={(e) => setField(f, e.target.value)}
                onBlur={() => setTouched((s) => new Set(s).add(f))}
                error={Boolean(error)}
                helperText={error ?? (t(`hints.${f}`, { defaultValue: '' }) || ' ')}
                slotProps={{
                  htmlInput: { 'data-testid': `field-${f}`, style: MONO.includes(f) ? { fontFamily: 'monospace' } : undefined },
                  formHelperText: { 'data-testid': `error-${f}` } as object,
                }}
              />
            </Box>
          );
        })}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, mt: 2 }}>
        <Button type="submit" variant="contained" disabled={saving} data-testid="customer-save">
          {saving ? t('form.saving') : t('form.save')}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={saving}>
            {t('form.cancel')}
          </Button>
        )}
      </Box>
      <UsccOverrideDialog
        open={overrideOpen}
        uscc={values.uscc.trim().toUpperCase()}
        reason={liveErrors.uscc ?? ''}
        saving={saving}
        onCancel={() => setOverrideOpen(false)}
        onConfirm={(reason) => save(reason)}
      />
    </Box>
  );
}
