import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { previewBill, type BillPreview } from '../../data/billing';
import { officeToday } from '../../data/ledger';
import { errorText } from '../../i18n/errors';
import { yuan } from './money';
import { StatementPanel } from './StatementPanel';
import { useEffect } from 'react';

/** A month's bill computed on this device with shared/billing (works offline). */
export function BillPreviewPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('billing');
  const [month, setMonth] = useState('');
  const [result, setResult] = useState<BillPreview | null>(null);
  const [thrown, setThrown] = useState<unknown>(null);
  const error = thrown === null ? null : errorText(thrown);
  useEffect(() => {
    void officeToday().then((d) => setMonth(d.slice(0, 7)));
  }, []);

  async function compute() {
    setThrown(null);
    try {
      setResult(await previewBill(accountId, month));
    } catch (e) {
      setResult(null);
      setThrown(e);
    }
  }

  const b = result?.bill;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="bill-preview">
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {t('preview.title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
        <TextField size="small" type="month" label={t('preview.month')} value={month} onChange={(e) => setMonth(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'preview-month' } }} />
        <Button variant="outlined" onClick={() => void compute()} data-testid="preview-compute">
          {t('preview.compute')}
        </Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {result && !b && <Alert severity="info">{t('preview.notOpen')}</Alert>}
      {result && b && (
        <>
          <Typography variant="body2" color="text.secondary">
            {t('preview.offlineNote')} {t('preview.calls', { count: result.callCount })}
          </Typography>
          <Table size="small" sx={{ maxWidth: 640 }}>
            <TableBody>
              <TableRow>
                <TableCell>{t('preview.period')}</TableCell>
                <TableCell>
                  {b.periodFrom} – {b.periodTo}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{t('preview.minutes')}</TableCell>
                <TableCell>
                  {b.totalMinutes}（{t('preview.included')} {b.includedUsed}，{t('preview.charged')} {b.chargedMinutes}）
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{t('preview.usage')}</TableCell>
                <TableCell>¥{yuan(b.usageFen)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{t('preview.minimum')}</TableCell>
                <TableCell>¥{yuan(b.minimumFen)}</TableCell>
              </TableRow>
              {b.lines.map((l, i) => (
                <TableRow key={i}>
                  <TableCell>{l.label}</TableCell>
                  <TableCell>¥{yuan(l.amountFen)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell sx={{ fontWeight: 'bold' }}>{t('preview.total')}</TableCell>
                <TableCell sx={{ fontWeight: 'bold' }} data-testid="preview-total">
                  ¥{yuan(b.totalFen)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          {result.issued && <Alert severity="success">{t('preview.issued', { billNo: result.issued.billNo ?? result.issued.id, total: yuan(result.issued.totalFen) })}</Alert>}
        </>
      )}
      <StatementPanel accountId={accountId} month={month} />
    </Paper>
  );
}
