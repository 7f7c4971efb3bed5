import { useTranslation } from 'react-i18next';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import PhoneIcon from '@mui/icons-material/Phone';
import { useUiStore } from '../../state/uiStore';
import { SyncStatusSlot } from '../slots';
import { LanguageSwitch } from './LanguageSwitch';

export function TopBar() {
  const { t } = useTranslation('shell');
  const officeName = useUiStore((s) => s.officeProfile?.name);
  return (
    <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
      <Toolbar sx={{ gap: 2 }}>
        <PhoneIcon />
        <Typography variant="h6" component="div" noWrap data-testid="office-name" sx={{ flexGrow: 1 }}>
          {officeName || t('appName')}
        </Typography>
        <Box data-testid="sync-status-slot" sx={{ display: 'flex', alignItems: 'center' }}>
          {SyncStatusSlot && <SyncStatusSlot />}
        </Box>
        <LanguageSwitch />
      </Toolbar>
    </AppBar>
  );
}
