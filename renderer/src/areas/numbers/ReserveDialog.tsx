import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCustomerSearch } from '../../data/customersHooks';
import type { CustomerListItem } from '../../data/customersSearch';
import { reserveNumber } from '../../data/numbers';
import { useOfficeSettings } from '../../data/numbersHooks';
import type { NumberRow } from '../../data/rows';
import { useUiStore } from '../../state/uiStore';
import { errorText, formatHotline, formatYuan } from './format';

/** 预占: hold a number for a registered customer for N days (office setting, 15 by default). */
export function ReserveDialog({ number, onClose }: { number: NumberRow | null; onClose: () => void }) {
  const { t } = useTranslation('numbers');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const settings = useOfficeSettings();
  const [input, setInput] = useState('');
  const query = useDeferredValue(input);
  const options = useCustomerSearch(query, 20) ?? [];
  const [customer, setCustomer] = useState<CustomerListItem | null>(null);
  const [days, setDays] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const close = () => {
    setCustomer(null);
    setInput('');
    setDays('');
    setError('');
    onClose();
  };
  const run = async () => {
    if (!number || !customer) return;
    setBusy(true);
    setError('');
    try {
      await reserveNumber(number.digits, customer.id, days ? Number(days) : undefined);
      showSnackbar(t('reserve.done', { number: formatHotline(number.digits), customer: customer.name }));
      close();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={number !== null} onClose={close} maxWidth="sm" fullWidth aria-labelledby="reserve-title">
      <DialogTitle id="reserve-title">{t('reserve.title')}</DialogTitle>
      <DialogContent dividers>
        {number && (
          <Stack spacing={2}>
            <Typography>
              <span style={{ fontFamily: 'monospace', fontSize: 20 }}>{formatHotline(number.digits)}</span>{" "}{formatYuan(number.priceFen)}
            </Typography>
            <Autocomplete
              options={options}
              value={customer}
              onChange={(_, v) => setCustomer(v)}
              inputValue={input}
              onInputChange={(_, v) => setInput(v)}
              filterOptions={(x) => x}
              getOptionLabel={(c) => c.name}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              renderOption={(props, c) => (
                <li {...props} key={c.id}>
                  {c.name}{" "}<Typography component="span" variant="caption" color="text.secondary">{c.uscc}</Typography>
                </li>
              )}
              noOptionsText={t('reserve.noCustomer')}
              renderInput={(params) => <TextField {...params} label={t('reserve.customer')} data-testid="reserve-customer" />}
            />
            <TextField
              label={t('reserve.days')}
              type="number"
              value={days}
              placeholder={String(settings?.reservationDays ?? 15)}
              onChange={(e) => setDays(e.target.value)}
              helperText={t('reserve.daysHelp', { days: settings?.reservationDays ?? 15 })}
              slotProps={{ htmlInput: { min: 1, max: 365, 'data-testid': 'reserve-days' } }}
            />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!customer || busy} onClick={() => void run()} data-testid="reserve-run">
          {t('reserve.run')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
