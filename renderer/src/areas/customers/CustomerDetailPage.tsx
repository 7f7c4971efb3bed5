import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useCustomer } from '../../data/customersHooks';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { AttachmentsPanel } from './AttachmentsPanel';
import { CustomerForm } from './CustomerForm';
import { HistoryPanel } from './HistoryPanel';
import { HoldingsPanel } from './HoldingsPanel';
import { VerificationBar } from './VerificationBar';

const TABS = ['profile', 'attachments', 'history'] as const;

export function CustomerDetailPage() {
  const { t } = useTranslation('customers');
  const { id } = useParams();
  const customer = useCustomer(id);
  const [tab, setTab] = useState<(typeof TABS)[number]>('profile');

  return (
    <Box sx={{ p: 3, maxWidth: 1100 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Button component={RouterLink} to=".." relative="path" startIcon={<ArrowBackIcon />}>
          {t('detail.back')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        <CurrentUserSwitch />
      </Box>
      {customer === undefined && <LinearProgress />}
      {customer === null && <Alert severity="error">{t('detail.notFound')}</Alert>}
      {customer && (
        <>
          <Typography variant="h5" component="h1" data-testid="customer-title">
            {customer.name}
          </Typography>
          <Typography color="text.secondary" sx={{ fontFamily: 'monospace', mb: 1 }}>
            {customer.uscc}
          </Typography>
          <VerificationBar customer={customer} />
          <HoldingsPanel customerId={customer.id} />
          <Tabs value={tab} onChange={(_e, v: (typeof TABS)[number]) => setTab(v)} sx={{ mb: 2 }}>
            {TABS.map((k) => (
              <Tab key={k} value={k} label={t(`detail.tabs.${k}`)} data-testid={`tab-${k}`} />
            ))}
          </Tabs>
          <Paper variant="outlined" sx={{ p: 3 }}>
            {/* keyed by version: after any save the form starts from the stored values */}
            {tab === 'profile' && <CustomerForm key={customer.version} customer={customer} onSaved={() => undefined} />}
            {tab === 'attachments' && <AttachmentsPanel customerId={customer.id} />}
            {tab === 'history' && <HistoryPanel customerId={customer.id} />}
          </Paper>
        </>
      )}
    </Box>
  );
}
