import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AboutCard } from './AboutCard';
import { OfficeProfileForm } from './OfficeProfileForm';
import { OfficeRulesForm } from './OfficeRulesForm';
import { UsersPanel } from '../users/UsersPanel';

/** 设置: the office profile, the office's rule settings (periods of the number and account lifecycles), users, about. */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Box sx={{ p: 3, maxWidth: 880 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('title')}
      </Typography>
      <OfficeProfileForm />
      <OfficeRulesForm />
      <UsersPanel />
      <AboutCard />
    </Box>
  );
}
