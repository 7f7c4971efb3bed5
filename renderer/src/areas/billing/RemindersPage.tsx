import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useReminders } from '../../data/billingHooks';
import type { ReminderRow } from '../../data/billing';
import { hotline, yuan } from './money';

type Col = 'no' | 'customer' | 'number' | 'balance' | 'overdue' | 'days' | 'termEnds' | 'minimum';

function List({ id, title, rows, cols }: { id: string; title: string; rows: ReminderRow[]; cols: Col[] }) {
  const { t } = useTranslation('billing');
  const navigate = useNavigate();
  const cell = (r: ReminderRow, c: Col) =>
    c === 'no' ? r.accountNo : c === 'customer' ? r.customerName : c === 'number' ? hotline(r.numberDigits) : c === 'balance' ? yuan(r.balanceFen) : c === 'overdue' ? yuan(r.overdueFen) : c === 'days' ? String(r.overdueDays) : c === 'termEnds' ? (r.termEndsOn ?? '') : yuan(r.monthlyMinimumFen);
  return (
    <Paper variant="outlined" sx={{ mb: 3 }} data-testid={`reminders-${id}`}>
      <Typography variant="subtitle1" component="h2" sx={{ px: 2, pt: 1.5 }}>
        {title}（{rows.length}）
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            {cols.map((c) => (
              <TableCell key={c}>{t(`reminders.columns.${c}`)}</TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.accountId} data-testid="reminder-row">
              {cols.map((c) => (
                <TableCell key={c} sx={{ color: (c === 'balance' && r.balanceFen < 0) || c === 'overdue' ? 'error.main' : undefined }}>
                  {cell(r, c)}
                </TableCell>
              ))}
              <TableCell>
                <Button size="small" onClick={() => navigate(`/billing/account/${r.accountId}`)}>
                  {t('reminders.open')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length === 0 && (
        <Typography sx={{ p: 2 }} color="text.secondary">
          {t('reminders.empty')}
        </Typography>
      )}
    </Paper>
  );
}

/** 催缴提醒: in arrears, package expiring, low balance (thresholds from the billing settings). */
export function RemindersPage() {
  const { t } = useTranslation('billing');
  const r = useReminders();
  if (!r) return <LinearProgress />;
  return (
    <Box>
      <List id="arrears" title={t('reminders.arrears')} rows={r.arrears} cols={['no', 'customer', 'number', 'balance', 'overdue', 'days']} />
      <List id="expiring" title={t('reminders.expiring')} rows={r.expiring} cols={['no', 'customer', 'number', 'termEnds', 'balance']} />
      <List id="low" title={t('reminders.lowBalance')} rows={r.lowBalance} cols={['no', 'customer', 'number', 'balance', 'minimum']} />
    </Box>
  );
}
