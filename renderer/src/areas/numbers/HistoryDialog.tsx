import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useNumberHistory } from '../../data/numbersHooks';
import { formatHotline, useOfficeTime } from './format';

/** 号码历史: every state change of a number — when, who, from → to, why. */
export function HistoryDialog({ digits, onClose }: { digits: string | null; onClose: () => void }) {
  const { t } = useTranslation('numbers');
  const time = useOfficeTime();
  const events = useNumberHistory(digits);
  const state = (s: string | null) => (s ? t(`status.${s}`) : t('history.new'));
  return (
    <Dialog open={digits !== null} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="history-title">
      <DialogTitle id="history-title">{t('history.title', { number: digits ? formatHotline(digits) : '' })}</DialogTitle>
      <DialogContent dividers>
        <Table size="small" data-testid="number-history">
          <TableHead>
            <TableRow>
              <TableCell>{t('history.at')}</TableCell>
              <TableCell>{t('history.who')}</TableCell>
              <TableCell>{t('history.change')}</TableCell>
              <TableCell>{t('history.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(events ?? []).map((e) => (
              <TableRow key={e.id} data-testid="history-row">
                <TableCell>{time(e.at)}</TableCell>
                <TableCell>{e.userName}</TableCell>
                <TableCell>
                  {state(e.from)} → {state(e.to)}
                </TableCell>
                <TableCell>{e.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
