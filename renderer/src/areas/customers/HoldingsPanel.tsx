import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { parseHotline } from '../../../../shared';
import { useCustomerHoldings } from '../../data/customersHooks';
import { useOfficeTime } from './officeTime';

function display(digits: string): string {
  const p = parseHotline(digits);
  return p.ok ? p.display : digits;
}

/** The customer's hotline numbers (reserved or assigned) and service accounts, at a glance. */
export function HoldingsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation(['customers', 'numbers', 'accounts']);
  const holdings = useCustomerHoldings(customerId);
  const time = useOfficeTime();
  if (!holdings) return null;
  const { numbers, accounts } = holdings;
  const accountNumbers = new Set(accounts.map((a) => a.numberDigits));
  const heldOnly = numbers.filter((n) => !accountNumbers.has(n.digits));
  return (
    <Box sx={{ mb: 2 }} data-testid="customer-holdings">
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>
        {t('customers:holdings.title')}
      </Typography>
      {accounts.length === 0 && heldOnly.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('customers:holdings.none')}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {accounts.map((a) => (
          <Chip
            key={a.id}
            color={a.status === 'active' ? 'success' : a.status === 'suspended' ? 'warning' : 'default'}
            label={`${display(a.numberDigits)} · ${t(`accounts:status.${a.status}`, { defaultValue: a.status })}`}
          />
        ))}
        {heldOnly.map((n) => (
          <Chip
            key={n.digits}
            variant="outlined"
            label={
              n.reservedUntil
                ? t('customers:holdings.reserved', { number: display(n.digits), until: time(n.reservedUntil) })
                : `${display(n.digits)} · ${t(`numbers:status.${n.status}`, { defaultValue: n.status })}`
            }
          />
        ))}
      </Box>
    </Box>
  );
}
