import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Route, Routes, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { preloadContractDocx } from '../../../../shared';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { BillingAccountsPage } from './BillingAccountsPage';
import { AccountLedgerPage } from './AccountLedgerPage';
import { ReceiptPage } from './ReceiptPage';
import { RemindersPage } from './RemindersPage';
import { ActionsPage } from './ActionsPage';
import { BillingSettingsPage } from './BillingSettingsPage';
import { CallImportPage } from './CallImportPage';

// The Word writer (docx, ~230 kB) is not in the app's first load; it is fetched with this area,
// which saves Word files, so that 下载 Word works even if the network is gone when it is clicked.
void preloadContractDocx();

const TABS = ['accounts', 'reminders', 'actions', 'imports', 'settings'] as const;

/**
 * 收费与催缴: `#/billing` account ledgers (payments, renewals, adjustments, bill preview, receipts),
 * `#/billing/reminders`, `#/billing/actions` (the collections job's log), `#/billing/imports` (话单导入, online) and `#/billing/settings`.
 */
export default function BillingArea() {
  const { t } = useTranslation('billing');
  const location = useLocation();
  const seg = location.pathname.split('/')[2] ?? '';
  const tab = (TABS as readonly string[]).includes(seg) ? seg : 'accounts';
  return (
    <Box sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('title')}
        </Typography>
        <CurrentUserSwitch />
      </Box>
      <Tabs value={tab} sx={{ mb: 2 }}>
        {TABS.map((k) => (
          <Tab key={k} value={k} label={t(`tabs.${k}`)} component={RouterLink} to={k === 'accounts' ? '/billing' : `/billing/${k}`} data-testid={`billing-tab-${k}`} />
        ))}
      </Tabs>
      <Routes>
        <Route index element={<BillingAccountsPage />} />
        <Route path="reminders" element={<RemindersPage />} />
        <Route path="actions" element={<ActionsPage />} />
        <Route path="imports" element={<CallImportPage />} />
        <Route path="settings" element={<BillingSettingsPage />} />
        <Route path="receipt/:entryId" element={<ReceiptPage />} />
        <Route path="account/:accountId" element={<AccountLedgerPage />} />
      </Routes>
    </Box>
  );
}
