import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import { useOfficeName, useReceipt } from '../../data/billingHooks';
import { useCustomer } from '../../data/customersHooks';
import { platform } from '../../platform';
import { PRINT_ONLY_CSS } from '../../print/printDocument';
import { ReceiptView } from './ReceiptView';

/** While mounted, printing shows only the receipt (same mechanism as the contracts' print view). */
function usePrintOnlyCss(): void {
  useEffect(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${PRINT_ONLY_CSS}\n@page { size: A5 landscape; margin: 10mm; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, []);
}

/** A payment's receipt: preview on screen, print (or PDF) with only the receipt on paper. */
export function ReceiptPage() {
  const { t } = useTranslation('billing');
  const { entryId } = useParams();
  const receipt = useReceipt(entryId);
  const customer = useCustomer(receipt?.customerId);
  const officeName = useOfficeName();
  usePrintOnlyCss();
  if (receipt === undefined) return <LinearProgress />;
  if (receipt === null) return <Alert severity="error">{t('receipt.notFound')}</Alert>;
  const view = <ReceiptView receipt={receipt} customerName={String(customer?.name ?? '')} officeName={officeName ?? ''} />;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, mb: 2 }}>
        <Button component={RouterLink} to={`/billing/account/${receipt.accountId}`}>
          ← {t('receipt.back')}
        </Button>
        <Button variant="contained" onClick={() => void platform.printView()} data-testid="receipt-print">
          {t('receipt.print')}
        </Button>
      </Box>
      <Paper variant="outlined" sx={{ display: 'inline-block' }}>
        {view}
      </Paper>
      {createPortal(<div id="print-root">{view}</div>, document.body)}
    </Box>
  );
}
