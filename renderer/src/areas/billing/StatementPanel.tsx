import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { officeSummaryDocument, statementDocument } from '../../data/statements';
import { useAccountBills, useSeesOfficeSummary } from '../../data/statementsHooks';
import { StatementDialog, type StatementDoc } from './StatementDialog';
import { yuan } from './money';

type Open = { load: () => Promise<StatementDoc>; title: string } | null;

/** Opens a bill's statement (月度账单) from anywhere in the billing area. */
export function useStatementDialog() {
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  return {
    openStatement: (billId: string, title: string) => setOpen({ load: () => statementDocument(billId), title }),
    openSummary: (month: string, title: string) => setOpen({ load: () => officeSummaryDocument(month), title }),
    dialog: <StatementDialog load={open?.load ?? null} title={open?.title ?? ''} onClose={close} />,
  };
}

/**
 * The account's published bills, each with its statement; for managers the office summary of the
 * month chosen in the bill preview. Both from the synced bills and ledger, offline.
 */
export function StatementPanel({ accountId, month }: { accountId: string; month: string }) {
  const { t } = useTranslation('billing');
  const bills = useAccountBills(accountId);
  const seesSummary = useSeesOfficeSummary();
  const { openStatement, openSummary, dialog } = useStatementDialog();
  return (
    <Box sx={{ mt: 2 }} data-testid="statement-panel">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle2" component="h4" sx={{ flexGrow: 1 }}>
          {t('statement.bills')}
        </Typography>
        {seesSummary && /^\d{4}-\d{2}$/.test(month) && (
          <Button size="small" onClick={() => openSummary(month, t('statement.summaryTitle', { month }))} data-testid="statement-summary">
            {t('statement.summary', { month })}
          </Button>
        )}
      </Box>
      {bills && bills.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('statement.none')}
        </Typography>
      )}
      {bills && bills.length > 0 && (
        <Table size="small" sx={{ maxWidth: 640 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('statement.month')}</TableCell>
              <TableCell>{t('statement.billNo')}</TableCell>
              <TableCell align="right">{t('statement.total')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {bills.map((b) => (
              <TableRow key={b.id} data-testid={`statement-bill-${b.month}`}>
                <TableCell>{b.month}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{b.billNo ?? b.id}</TableCell>
                <TableCell align="right">¥{yuan(b.totalFen)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => openStatement(b.id, t('statement.title', { billNo: b.billNo ?? b.id }))} data-testid={`statement-open-${b.month}`}>
                    {t('statement.open')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {dialog}
    </Box>
  );
}
