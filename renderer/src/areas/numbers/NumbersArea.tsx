import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Route, Routes, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { NumberRow } from '../../data/rows';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { PoolPage } from './PoolPage';
import { PickerPage } from './PickerPage';
import { LeasePage } from './LeasePage';
import { ReserveDialog } from './ReserveDialog';
import { HistoryDialog } from './HistoryDialog';

/** 号码: `#/numbers` the pool, `#/numbers/pick` the picker (选号), `#/numbers/leases` field agents' leases (领用号码). */
export default function NumbersArea() {
  const { t } = useTranslation('numbers');
  const location = useLocation();
  const tab = location.pathname.endsWith('/pick') ? 'pick' : location.pathname.endsWith('/leases') ? 'leases' : 'pool';
  const [reserving, setReserving] = useState<NumberRow | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const page = { onReserve: setReserving, onHistory: setHistory };
  return (
    <Box sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('title')}
        </Typography>
        <CurrentUserSwitch />
      </Box>
      <Tabs value={tab} sx={{ mb: 2 }}>
        <Tab value="pool" label={t('tabs.pool')} component={RouterLink} to="/numbers" data-testid="tab-pool" />
        <Tab value="pick" label={t('tabs.pick')} component={RouterLink} to="/numbers/pick" data-testid="tab-pick" />
        <Tab value="leases" label={t('tabs.leases')} component={RouterLink} to="/numbers/leases" data-testid="tab-leases" />
      </Tabs>
      <Routes>
        <Route index element={<PoolPage {...page} />} />
        <Route path="pick" element={<PickerPage {...page} />} />
        <Route path="leases" element={<LeasePage />} />
      </Routes>
      <ReserveDialog number={reserving} onClose={() => setReserving(null)} />
      <HistoryDialog digits={history} onClose={() => setHistory(null)} />
    </Box>
  );
}
