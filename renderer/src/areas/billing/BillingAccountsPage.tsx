import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useBillingAccounts } from '../../data/billingHooks';
import { hotline, yuan } from './money';

/** Running accounts with the balance summed from each ledger; a row opens the account's ledger. */
export function BillingAccountsPage() {
  const { t } = useTranslation('billing');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const rows = useBillingAccounts(useDeferredValue(text));
  return (
    <>
      <TextField fullWidth type="search" size="small" label={t('accounts.search')} value={text} onChange={(e) => setText(e.target.value)} sx={{ mb: 2 }} slotProps={{ htmlInput: { 'data-testid': 'billing-search' } }} />
      <Paper variant="outlined">
        {rows === undefined && <LinearProgress />}
        <TableContainer sx={{ maxHeight: 'calc(100vh - 260px)' }}>
          <Table size="small" stickyHeader aria-label={t('tabs.accounts')} data-testid="billing-accounts">
            <TableHead>
              <TableRow>
                {(['no', 'customer', 'number', 'status', 'balance', 'overdue'] as const).map((c) => (
                  <TableCell key={c} align={c === 'balance' || c === 'overdue' ? 'right' : 'left'}>
                    {t(`accounts.columns.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows?.map((r) => (
                <TableRow key={r.accountId} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`account/${r.accountId}`)} data-testid="billing-account-row">
                  <TableCell sx={{ fontFamily: 'monospace' }}>{r.accountNo}</TableCell>
                  <TableCell>{r.customerName}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{hotline(r.numberDigits)}</TableCell>
                  <TableCell>{t(`status.${r.status}`, { defaultValue: r.status })}</TableCell>
                  <TableCell align="right" sx={{ color: r.balanceFen < 0 ? 'error.main' : undefined }}>{yuan(r.balanceFen)}</TableCell>
                  <TableCell align="right" sx={{ color: r.overdueFen > 0 ? 'error.main' : undefined }}>{r.overdueFen > 0 ? yuan(r.overdueFen) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {rows?.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('accounts.empty')}
          </Typography>
        )}
      </Paper>
    </>
  );
}
