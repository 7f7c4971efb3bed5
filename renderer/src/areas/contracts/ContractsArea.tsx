import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Route, Routes, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { preloadContractDocx } from '../../../../shared';
import { testHooksEnabled } from '../../data/clock';
import type { ContractRow } from '../../data/contractsTypes';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { ApplicationsPage } from './ApplicationsPage';
import { ContractPage } from './ContractPage';
import { RegisterPage } from './RegisterPage';
import { SignDialog } from './SignDialog';
import { VoidDialog } from './VoidDialog';

// The Word writer (docx, ~230 kB) is not in the app's first load; it is fetched with this area,
// which saves Word files, so that 下载 Word works even if the network is gone when it is clicked.
void preloadContractDocx();

// End-to-end tests reach an approved 受理单 through a seeding hook, only when they asked for hooks
// before the app started (see data/contractsTestSeed.ts); the production app never installs it.
if (testHooksEnabled()) void import('../../data/contractsTestSeed').then((m) => m.installContractsSeedHook());

/** 合同: `#/contracts` register, `#/contracts/applications` approved 受理单 and batch, `#/contracts/<id>` preview and print. */
export default function ContractsArea() {
  const { t } = useTranslation('contracts');
  const location = useLocation();
  const [signing, setSigning] = useState<ContractRow | null>(null);
  const [voiding, setVoiding] = useState<ContractRow | null>(null);
  const tab = location.pathname.endsWith('/applications') ? 'applications' : location.pathname.replace(/\/$/, '').endsWith('/contracts') ? 'register' : false;
  const actions = { onSign: setSigning, onVoid: setVoiding };
  return (
    <Box sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Tabs value={tab} sx={{ flexGrow: 1 }}>
          <Tab value="register" label={t('tabs.register')} component={RouterLink} to="/contracts" data-testid="tab-register" />
          <Tab value="applications" label={t('tabs.applications')} component={RouterLink} to="/contracts/applications" data-testid="tab-applications" />
        </Tabs>
        <CurrentUserSwitch />
      </Box>
      <Routes>
        <Route index element={<RegisterPage {...actions} />} />
        <Route path="applications" element={<ApplicationsPage />} />
        <Route path=":id" element={<ContractPage {...actions} />} />
      </Routes>
      <SignDialog contract={signing} onClose={() => setSigning(null)} />
      <VoidDialog contract={voiding} onClose={() => setVoiding(null)} />
    </Box>
  );
}
