import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';

/** Title, the applications / accounts tabs, the current-user switch and the page's own buttons. */
export function ListHeader({ tab, title, children }: { tab: 'applications' | 'accounts'; title: string; children?: ReactNode }) {
  const { t } = useTranslation('applications');
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <CurrentUserSwitch />
        {children}
      </Box>
      <Tabs value={tab} sx={{ mb: 2 }}>
        <Tab value="applications" label={t('list.title')} component={RouterLink} to="/applications" />
        <Tab value="accounts" label={t('list.accounts')} component={RouterLink} to="/applications/accounts" data-testid="tab-accounts" />
      </Tabs>
    </>
  );
}
