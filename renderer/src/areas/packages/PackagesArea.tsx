import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Route, Routes, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { PackageListPage } from './PackageListPage';
import { GradeTableEditor } from './GradeTableEditor';

/** 套餐资费: `#/packages` packages and tariffs, `#/packages/grades` the vanity-grade table. */
export default function PackagesArea() {
  const { t } = useTranslation('packages');
  const location = useLocation();
  const tab = location.pathname.endsWith('/grades') ? 'grades' : 'list';
  return (
    <Box sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('title')}
        </Typography>
        <CurrentUserSwitch />
      </Box>
      <Tabs value={tab} sx={{ mb: 2 }}>
        <Tab value="list" label={t('tabs.list')} component={RouterLink} to="/packages" data-testid="tab-packages" />
        <Tab value="grades" label={t('tabs.grades')} component={RouterLink} to="/packages/grades" data-testid="tab-grades" />
      </Tabs>
      <Routes>
        <Route index element={<PackageListPage />} />
        <Route path="grades" element={<GradeTableEditor />} />
      </Routes>
    </Box>
  );
}
