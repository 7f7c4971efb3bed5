import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { PastCallImport } from '../../data/callImport';

/** The office's past imports as the server lists them (newest first), times in this computer's zone. */
export function CallImportHistory({ imports }: { imports: PastCallImport[] }) {
  const { t, i18n } = useTranslation('billing');
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mt: 4, mb: 1 }}>
        {t('callImport.historyTitle')}
      </Typography>
      {imports.length === 0 ? (
        <Typography color="text.secondary">{t('callImport.historyEmpty')}</Typography>
      ) : (
        <Paper variant="outlined">
          <Table size="small" data-testid="call-import-history">
            <TableHead>
              <TableRow>
                <TableCell>{t('callImport.history.at')}</TableCell>
                <TableCell>{t('callImport.history.carrier')}</TableCell>
                <TableCell>{t('callImport.history.file')}</TableCell>
                <TableCell align="right">{t('callImport.history.rows')}</TableCell>
                <TableCell align="right">{t('callImport.history.imported')}</TableCell>
                <TableCell align="right">{t('callImport.history.skipped')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {imports.map((i) => (
                <TableRow key={i.id} data-testid="call-import-history-row">
                  <TableCell>{when(i.createdAt)}</TableCell>
                  <TableCell>{i.carrier}</TableCell>
                  <TableCell>{i.fileName}</TableCell>
                  <TableCell align="right">{i.rowsRead}</TableCell>
                  <TableCell align="right">{i.imported}</TableCell>
                  <TableCell align="right">{i.skippedDuplicates}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </>
  );
}
