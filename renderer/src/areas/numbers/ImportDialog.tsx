import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { guessMapping, readTableFile, type ColumnMapping, type SourceTable } from '../../imports';
import { NUMBER_IMPORT_FIELDS, candidatesFromTable } from '../../data/numbersImport';
import { NumberImportError, importNumbers, type NumberRowError } from '../../data/numbers';
import { useUiStore } from '../../state/uiStore';
import { errorText } from './format';
import { messageText } from '../../i18n/errors';

/**
 * 导入号码: pick a CSV/XLSX file → choose which column holds the numbers (guessed from the
 * headers, shown with a preview) → import. A file with any bad row imports nothing and lists
 * every bad row with its row number and reason, so the clerk fixes the file and tries again.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('numbers');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [fileName, setFileName] = useState('');
  const [table, setTable] = useState<SourceTable | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({ number: null });
  const [rowErrors, setRowErrors] = useState<NumberRowError[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFileName('');
    setTable(null);
    setMapping({ number: null });
    setRowErrors([]);
    setError('');
  };
  const close = () => {
    reset();
    onClose();
  };

  const pick = async (file: File | undefined) => {
    reset();
    if (!file) return;
    setBusy(true);
    try {
      const read = await readTableFile(file);
      setFileName(file.name);
      setTable(read);
      setMapping(guessMapping(read.headers, NUMBER_IMPORT_FIELDS));
      if (read.rows.length === 0) setError(t('import.empty'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!table) return;
    setBusy(true);
    setRowErrors([]);
    setError('');
    try {
      const { added } = await importNumbers(candidatesFromTable(table, mapping), fileName);
      showSnackbar(t('import.done', { count: added }));
      close();
    } catch (e) {
      if (e instanceof NumberImportError) setRowErrors(e.rowErrors);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const col = mapping.number ?? null;
  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth aria-labelledby="import-title">
      <DialogTitle id="import-title">{t('import.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('import.help')}
        </Typography>
        <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} sx={{ my: 1 }}>
          {fileName || t('import.choose')}
          <input
            hidden
            type="file"
            accept=".csv,.xlsx,.txt"
            data-testid="import-file"
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </Button>
        {busy && <LinearProgress sx={{ my: 1 }} />}
        {table && table.rows.length > 0 && (
          <Box sx={{ mt: 2 }}>
            <FormControl size="small" sx={{ minWidth: 240 }}>
              <InputLabel id="map-number">{t('import.numberColumn')}</InputLabel>
              <Select
                labelId="map-number"
                label={t('import.numberColumn')}
                value={col === null ? '' : String(col)}
                onChange={(e) => setMapping({ number: e.target.value === '' ? null : Number(e.target.value) })}
                data-testid="map-number"
              >
                {table.headers.map((h, i) => (
                  <MenuItem key={i} value={String(i)}>
                    {h}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <Typography variant="caption" component="p" sx={{ mt: 1 }}>
              {t('import.preview', { count: table.rows.length })}
            </Typography>
            <TableContainer sx={{ maxHeight: 180 }}>
              <Table size="small" stickyHeader>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('import.row')}</TableCell>
                    {table.headers.map((h, i) => (
                      <TableCell key={i} sx={i === col ? { fontWeight: 700, bgcolor: 'action.selected' } : undefined}>
                        {h}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {table.rows.slice(0, 5).map((r) => (
                    <TableRow key={r.rowNumber}>
                      <TableCell>{r.rowNumber}</TableCell>
                      {table.headers.map((_, i) => (
                        <TableCell key={i}>{r.cells[i] ?? ''}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Box>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="import-error">
            {error}
          </Alert>
        )}
        {rowErrors.length > 0 && (
          <TableContainer sx={{ maxHeight: 260, mt: 1 }}>
            <Table size="small" stickyHeader data-testid="import-errors" aria-label={t('import.errorsTitle')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('import.row')}</TableCell>
                  <TableCell>{t('import.value')}</TableCell>
                  <TableCell>{t('import.reason')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rowErrors.map((r) => (
                  <TableRow key={r.rowNumber} data-testid="import-error-row">
                    <TableCell>{t('import.rowN', { n: r.rowNumber })}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{r.value}</TableCell>
                    <TableCell>{messageText(r.text ?? r.reason)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void run()} disabled={!table || col === null || busy || table.rows.length === 0} data-testid="import-run">
          {t('import.run')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
