import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { CALL_FIELDS, type CallField } from '../../../../shared';
import { REQUIRED_CALL_FIELDS, type CallColumns } from '../../data/callImport';
import type { SourceTable } from '../../imports';

/**
 * The file's header row and first rows as read on the device, and one column picker per call
 * field (required ones marked). A mapped column is highlighted in the preview.
 */
export function CallImportMapping({ table, cols, onChange, disabled }: { table: SourceTable; cols: CallColumns; onChange: (field: CallField, col: number | null) => void; disabled?: boolean }) {
  const { t } = useTranslation('billing');
  const mapped = new Set(Object.values(cols).filter((v): v is number => v !== null));
  const required = (f: CallField) => REQUIRED_CALL_FIELDS.includes(f);
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
        {t('callImport.previewTitle', { count: table.rows.length })}
      </Typography>
      <TableContainer sx={{ maxHeight: 240, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader data-testid="call-import-preview">
          <TableHead>
            <TableRow>
              <TableCell>{t('callImport.row')}</TableCell>
              {table.headers.map((h, i) => (
                <TableCell key={i} sx={mapped.has(i) ? { fontWeight: 700, bgcolor: 'action.selected' } : undefined}>
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.map((r) => (
              <TableRow key={r.rowNumber}>
                <TableCell>{r.rowNumber}</TableCell>
                {table.headers.map((_, i) => (
                  <TableCell key={i} sx={{ whiteSpace: 'nowrap' }}>
                    {r.cells[i] ?? ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
        {t('callImport.mappingTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('callImport.mappingHelp')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 1.5 }}>
        {CALL_FIELDS.map((f) => {
          const label = `${t(`callImport.fields.${f}`)}${required(f) ? ' *' : ''}`;
          return (
            <FormControl key={f} size="small" disabled={disabled}>
              <InputLabel id={`call-map-${f}`}>{label}</InputLabel>
              <Select
                labelId={`call-map-${f}`}
                label={label}
                value={cols[f] === null ? '' : String(cols[f])}
                onChange={(e) => onChange(f, e.target.value === '' ? null : Number(e.target.value))}
                data-testid={`call-map-${f}`}
              >
                <MenuItem value="">
                  <em>{t('callImport.notMapped')}</em>
                </MenuItem>
                {table.headers.map((h, i) => (
                  <MenuItem key={i} value={String(i)}>
                    {h}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          );
        })}
      </Box>
    </Box>
  );
}
