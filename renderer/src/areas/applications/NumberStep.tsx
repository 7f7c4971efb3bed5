import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useReservedNumbers } from '../../data/applicationsHooks';
import { queryNumbers } from '../../data/numbersPicker';
import { SEGMENTS, PICKER_PATTERNS } from '../../data/numbersFilter';
import { reserveNumber } from '../../data/numbers';
import type { NumberRow } from '../../data/rows';
import { useUiStore } from '../../state/uiStore';
import { NUMBER_PATTERN_LABELS } from '../../../../shared';
import { errorInfo, hotline, yuan } from './format';
import { useOfficeTime } from '../customers/officeTime';

/**
 * Step 2 of the wizard: a number reserved for this customer, or the picker (选号) to find an
 * available one and reserve it on the spot (the numbers repository records the hold).
 */
export function NumberStep({ customerId, value, onChange }: { customerId: string; value: string | null; onChange: (digits: string) => void }) {
  const { t } = useTranslation('applications');
  const reserved = useReservedNumbers(customerId);
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const time = useOfficeTime();
  const [segment, setSegment] = useState('');
  const [tail, setTail] = useState('');
  const [pattern, setPattern] = useState('');
  const [found, setFound] = useState<NumberRow[] | null>(null);
  const [error, setError] = useState('');

  // one number held for the customer: it is the one, no need to click it
  const only = reserved?.length === 1 ? reserved[0]!.digits : null;
  useEffect(() => {
    if (only && !value) onChange(only);
  }, [only, value, onChange]);

  const search = async () => {
    setError('');
    try {
      const page = await queryNumbers({ status: 'available', segment: segment || undefined, tail: tail || undefined, pattern: pattern || undefined }, { pageSize: 20 });
      setFound(page.rows);
    } catch (e) {
      setError(errorInfo(e).message);
    }
  };

  const reserve = async (digits: string) => {
    setError('');
    try {
      await reserveNumber(digits, customerId);
      onChange(digits);
      setFound((rows) => rows?.filter((r) => r.digits !== digits) ?? null);
      showSnackbar(t('wizard.reservedFor', { number: hotline(digits) }));
    } catch (e) {
      setError(errorInfo(e).message);
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Typography variant="subtitle1">{t('wizard.reservedNumbers')}</Typography>
      {reserved && reserved.length === 0 && <Alert severity="info">{t('wizard.noReserved')}</Alert>}
      {reserved && reserved.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" data-testid="reserved-numbers">
            <TableBody>
              {reserved.map((n) => (
                <TableRow key={n.digits} hover selected={value === n.digits} onClick={() => onChange(n.digits)} sx={{ cursor: 'pointer' }} data-testid="reserved-number">
                  <TableCell padding="checkbox">
                    <Radio checked={value === n.digits} slotProps={{ input: { 'aria-label': hotline(n.digits) } }} />
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', fontSize: 16 }}>{hotline(n.digits)}</TableCell>
                  <TableCell>{n.reservedUntil ? t('wizard.reservedUntil', { date: time(n.reservedUntil) }) : t('wizard.heldForForm')}</TableCell>
                  <TableCell>
                    {t('wizard.price')} ¥{yuan(n.priceFen)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}

      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {t('wizard.picker')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select size="small" label={t('wizard.segment')} value={segment} onChange={(e) => setSegment(e.target.value)} sx={{ minWidth: 140 }} slotProps={{ htmlInput: { 'data-testid': 'picker-segment' } }}>
          <MenuItem value="">{t('wizard.anySegment')}</MenuItem>
          {SEGMENTS.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('wizard.pattern')} value={pattern} onChange={(e) => setPattern(e.target.value)} sx={{ minWidth: 200 }}>
          <MenuItem value="">{t('wizard.anyPattern')}</MenuItem>
          {PICKER_PATTERNS.map((p) => (
            <MenuItem key={p} value={p}>
              {NUMBER_PATTERN_LABELS[p]}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" label={t('wizard.tail')} value={tail} onChange={(e) => setTail(e.target.value)} sx={{ width: 120 }} slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'picker-tail' } }} />
        <Button variant="outlined" onClick={() => void search()} data-testid="picker-search">
          {t('wizard.search')}
        </Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {found && found.length === 0 && <Typography color="text.secondary">{t('wizard.noNumbers')}</Typography>}
      {found && found.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" data-testid="picker-results">
            <TableHead>
              <TableRow>
                <TableCell>{t('columns.number')}</TableCell>
                <TableCell>{t('wizard.price')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {found.map((n) => (
                <TableRow key={n.digits} data-testid="picker-row">
                  <TableCell sx={{ fontFamily: 'monospace', fontSize: 16 }}>{hotline(n.digits)}</TableCell>
                  <TableCell>¥{yuan(n.priceFen)}</TableCell>
                  <TableCell align="right">
                    <Button size="small" variant="contained" onClick={() => void reserve(n.digits)} data-testid={`reserve-${n.digits}`}>
                      {t('wizard.reserve')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Box>
  );
}
