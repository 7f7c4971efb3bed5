import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ConstructionIcon from '@mui/icons-material/Construction';
import { useCurrentArea } from '../AreaContext';

/** Shown for every area that is not built yet. */
export default function NotAvailablePage() {
  const { t } = useTranslation('shell');
  const area = useCurrentArea();
  const label = area ? t(area.labelKey) : '';
  return (
    <Box sx={{ p: 3 }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 640, display: 'flex', gap: 3, alignItems: 'flex-start' }} data-testid="not-available">
        <ConstructionIcon color="warning" sx={{ fontSize: 48 }} />
        <Box>
          <Typography variant="h5" component="h1" gutterBottom>
            {label} · {t('notAvailable.title')}
          </Typography>
          <Typography color="text.secondary">{t('notAvailable.body', { area: label })}</Typography>
        </Box>
      </Paper>
    </Box>
  );
}
