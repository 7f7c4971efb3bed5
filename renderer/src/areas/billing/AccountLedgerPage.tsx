import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useAccount } from '../../data/accountsHooks';
import { useCustomer } from '../../data/customersHooks';
import { useCurrentUser } from '../../data/usersHooks';
import { useLedgerSummary } from '../../data/billingHooks';
import { firstRenewalFen, isPendingEntry } from '../../data/ledger';
import { can } from '../../../../shared';
import { PaymentDialog } from './PaymentDialog';
import { AdjustDialog } from './AdjustDialog';
import { ReverseEntryDialog } from './ReverseEntryDialog';
import { DisputesPanel } from './DisputesPanel';
import type { StoredLedgerEntry } from '../../data/ledgerTypes';
import { BillPreviewPanel } from './BillPreviewPanel';
import { hotline, yuan } from './money';

function Figure({ label, value, tone, testId }: { label: string; value: string; tone?: 'error' | 'success'; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 180 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" color={tone ? `${tone}.main` : undefined} data-testid={testId}>
        {value}
      </Typography>
    </Paper>
  );
}

/** One account's ledger: the derived balance, payments (with receipts), renewals, adjustments and a bill preview. */
export function AccountLedgerPage() {
  const { t } = useTranslation('billing');
  const { accountId } = useParams();
  const navigate = useNavigate();
  const account = useAccount(accountId);
  const customer = useCustomer(account?.customerId);
  const summary = useLedgerSummary(accountId);
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<'prepayment' | 'renewal' | 'adjust' | null>(null);
  const [reversing, setReversing] = useState<StoredLedgerEntry | null>(null);
  if (account === undefined || summary === undefined) return <LinearProgress />;
  if (account === null) return <Alert severity="error">{accountId}</Alert>;
  const first = firstRenewalFen(summary.entries);
  const mayPay = !!user && can(user.role, 'payment.record') && user.role !== 'field_agent' && account.status !== 'closed';
  const mayAdjust = !!user && can(user.role, 'payment.void') && account.status !== 'closed';
  const reversed = new Set(summary.entries.map((e) => e.reverses).filter((id): id is string => !!id));
  return (
    <Box>
      <Button component={RouterLink} to="/billing" size="small" sx={{ mb: 1 }}>
        ← {t('ledger.back')}
      </Button>
      <Typography variant="h6" component="h2">
        {customer?.name ?? ''} · <span style={{ fontFamily: 'monospace' }}>{hotline(account.numberDigits)}</span> · {account.no}{' '}
        <Chip size="small" label={t(`status.${account.status}`, { defaultValue: account.status })} color={account.status === 'active' ? 'success' : 'warning'} />
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, my: 2, flexWrap: 'wrap' }}>
        <Figure label={summary.balanceFen < 0 ? t('ledger.owed') : t('ledger.balance')} value={`¥${yuan(summary.balanceFen)}`} tone={summary.balanceFen < 0 ? 'error' : undefined} testId="ledger-balance" />
        <Figure label={t('ledger.overdue')} value={`¥${yuan(summary.overdueFen)}`} tone={summary.overdueFen > 0 ? 'error' : undefined} testId="ledger-overdue" />
        {summary.pendingCount > 0 && <Figure label={t('ledger.pending')} value={String(summary.pendingCount)} testId="ledger-pending" />}
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', ml: 'auto' }}>
          <Button variant="contained" disabled={!mayPay} onClick={() => setDialog('prepayment')} data-testid="pay-button">
            {t('ledger.pay')}
          </Button>
          <Button variant="outlined" disabled={!mayPay} onClick={() => setDialog('renewal')} data-testid="renew-button">
            {t('ledger.renew')}
          </Button>
          <Button variant="outlined" disabled={!mayAdjust} onClick={() => setDialog('adjust')} title={mayAdjust ? undefined : t('adjust.managerOnly')} data-testid="adjust-button">
            {t('ledger.adjust')}
          </Button>
        </Box>
      </Box>
      {summary.pendingCount > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('ledger.pendingHint', { count: summary.pendingCount })}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="first-renewal">
        {first === null ? t('ledger.noRenewal') : t('ledger.firstRenewal', { amount: yuan(first) })}
      </Typography>
      <Paper variant="outlined" sx={{ mb: 3 }}>
        <Table size="small" aria-label={t('tabs.accounts')} data-testid="ledger-table">
          <TableHead>
            <TableRow>
              {(['date', 'kind', 'amount', 'method', 'reference', 'reason', 'due', 'state'] as const).map((c) => (
                <TableCell key={c} align={c === 'amount' ? 'right' : 'left'}>
                  {t(`ledger.columns.${c}`)}
                </TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {summary.entries.map((e) => (
              <TableRow key={e.id} data-testid="ledger-row">
                <TableCell>{e.effectiveOn}</TableCell>
                <TableCell>{t(`kinds.${e.kind}`)}</TableCell>
                <TableCell align="right" sx={{ color: e.amountFen < 0 ? 'error.main' : 'success.main', fontFamily: 'monospace' }}>
                  {e.amountFen > 0 ? '+' : ''}
                  {yuan(e.amountFen)}
                </TableCell>
                <TableCell>{e.method ? t(`methods.${e.method}`) : ''}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{e.reference ?? ''}</TableCell>
                <TableCell>{e.reason ?? ''}</TableCell>
                <TableCell>{e.amountFen < 0 ? e.dueOn : ''}</TableCell>
                <TableCell>{isPendingEntry(e) ? <Chip size="small" label={t('ledger.local')} /> : t('ledger.confirmed')}</TableCell>
                <TableCell>
                  {(e.kind === 'prepayment' || e.kind === 'renewal') && e.method && (
                    <Button size="small" component={RouterLink} to={`/billing/receipt/${e.id}`}>
                      {t('ledger.receipt')}
                    </Button>
                  )}
                  {reversed.has(e.id) ? (
                    <Chip size="small" variant="outlined" label={t('ledger.reversedBy')} />
                  ) : (
                    mayAdjust &&
                    e.kind !== 'reversal' && (
                      <Button size="small" color="warning" onClick={() => setReversing(e)} data-testid="reverse-entry">
                        {t('ledger.reverse')}
                      </Button>
                    )
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {summary.entries.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('ledger.empty')}
          </Typography>
        )}
      </Paper>
      <DisputesPanel accountId={account.id} mayRaise={mayPay} mayResolve={mayAdjust} />
      <BillPreviewPanel accountId={account.id} />
      {(dialog === 'prepayment' || dialog === 'renewal') && (
        <PaymentDialog
          accountId={account.id}
          kind={dialog}
          firstRenewalFen={first}
          onClose={() => setDialog(null)}
          onSaved={(entryId) => {
            setDialog(null);
            navigate(`/billing/receipt/${entryId}`);
          }}
        />
      )}
      {dialog === 'adjust' && user && <AdjustDialog accountId={account.id} managerName={user.name} onClose={() => setDialog(null)} />}
      {reversing && <ReverseEntryDialog entry={reversing} onClose={() => setReversing(null)} />}
    </Box>
  );
}
