import { useTranslation } from 'react-i18next';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCustomerHistory } from '../../data/customersHooks';
import { useOfficeTime } from './officeTime';

/** Who changed what, when, from what to what — newest first. ID numbers were stored masked. */
export function HistoryPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const rows = useCustomerHistory(customerId);
  const time = useOfficeTime();
  if (!rows) return null;
  if (rows.length === 0) return <Typography color="text.secondary">{t('history.empty')}</Typography>;
  const fieldName = (f: string) => t(`history.fields.${f}`, { defaultValue: '' }) || t(`fields.${f}`);
  return (
    <Table size="small" data-testid="customer-history">
      <TableHead>
        <TableRow>
          <TableCell>{t('history.at')}</TableCell>
          <TableCell>{t('history.user')}</TableCell>
          <TableCell>{t('history.field')}</TableCell>
          <TableCell>{t('history.old')}</TableCell>
          <TableCell>{t('history.new')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((h) => (
          <TableRow key={h.id} data-testid="history-row">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(h.at)}</TableCell>
            <TableCell>{h.userName}</TableCell>
            <TableCell>{fieldName(h.field)}</TableCell>
            <TableCell sx={{ color: 'text.secondary' }}>{h.oldValue ?? '—'}</TableCell>
            <TableCell>{h.newValue ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
