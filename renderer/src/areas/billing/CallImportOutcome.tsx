import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { CallImportRefused, type CallImportResult } from '../../sync/callImportApi';
import { errorText } from '../../i18n/errors';

/** The server's answer to an upload: the counts, or why the whole file was refused with each bad row named. */
export function CallImportOutcome({ result, error }: { result: CallImportResult | null; error: unknown }) {
  const { t, i18n } = useTranslation('billing');
  const english = i18n.language.startsWith('en');
  if (result) {
    return (
      <Alert severity="success" sx={{ mt: 2 }} data-testid="call-import-result">
        {t('callImport.done', { carrier: result.carrier, rows: result.rowsRead })}{' '}
        <strong data-testid="call-import-imported">{t('callImport.imported', { count: result.imported })}</strong>
        {' · '}
        <span data-testid="call-import-skipped">{t('callImport.skipped', { count: result.skippedDuplicates })}</span>
      </Alert>
    );
  }
  if (error === null || error === undefined) return null;
  if (!(error instanceof CallImportRefused)) {
    return (
      <Alert severity="error" sx={{ mt: 2 }} data-testid="call-import-error">
        {errorText(error)}
      </Alert>
    );
  }
  // The server's row messages are zh-CN; an English UI shows them as given beside the English field name.
  const summary = english ? t('callImport.refused', { count: error.errorCount }) : error.message;
  return (
    <>
      <Alert severity="error" sx={{ mt: 2 }} data-testid="call-import-error">
        {summary} {english && error.errors.length === 0 ? error.message : ''}
        {error.errorCount > error.errors.length && error.errors.length > 0 && (
          <Typography variant="body2">{t('callImport.firstErrors', { shown: error.errors.length, count: error.errorCount })}</Typography>
        )}
      </Alert>
      {error.errors.length > 0 && (
        <TableContainer sx={{ maxHeight: 300, mt: 1 }}>
          <Table size="small" stickyHeader data-testid="call-import-errors">
            <TableHead>
              <TableRow>
                <TableCell>{t('callImport.row')}</TableCell>
                <TableCell>{t('callImport.field')}</TableCell>
                <TableCell>{t('callImport.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {error.errors.map((e, i) => (
                <TableRow key={`${e.row}-${e.field}-${i}`} data-testid="call-import-error-row">
                  <TableCell>{t('callImport.rowN', { n: e.row })}</TableCell>
                  <TableCell>{e.field ? t(`callImport.fields.${e.field}`) : '—'}</TableCell>
                  <TableCell>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
