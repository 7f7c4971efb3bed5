import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { dismissRejected } from '../../data/syncState';
import { useRejectedMutations } from '../../data/syncStateHooks';
import { formatTime, rejectionText } from './format';

/** Mutations the server refused for good: shown with the reason until the person dismisses them. */
export function RejectedCard() {
  const { t, i18n } = useTranslation('sync');
  const rows = useRejectedMutations() ?? [];
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="h6">{t('rejected.title')}</Typography>
          {rows.length === 0 ? (
            <Typography variant="body2" color="text.secondary" data-testid="sync-rejected-empty">{t('rejected.empty')}</Typography>
          ) : (
            <>
              <Typography variant="body2" color="text.secondary">{t('rejected.description')}</Typography>
              <Table size="small" data-testid="sync-rejected">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('rejected.time')}</TableCell>
                    <TableCell>{t('rejected.operation')}</TableCell>
                    <TableCell>{t('rejected.reason')}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.seq} data-testid="sync-rejected-row">
                      <TableCell>{formatTime(r.createdAt)}</TableCell>
                      <TableCell>{t(`rejected.operations.${r.name}`, { defaultValue: r.name })}</TableCell>
                      <TableCell>{rejectionText(r.rejection, i18n.language)}</TableCell>
                      <TableCell align="right">
                        <Button size="small" onClick={() => void dismissRejected(r.seq)}>{t('rejected.dismiss')}</Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
