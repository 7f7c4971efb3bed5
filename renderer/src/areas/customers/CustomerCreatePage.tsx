import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { CustomerForm } from './CustomerForm';

export function CustomerCreatePage() {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  return (
    <Box sx={{ p: 3, maxWidth: 960 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('form.newTitle')}
        </Typography>
        <CurrentUserSwitch />
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('form.intro')}
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <CustomerForm onSaved={(row) => navigate(`../${row.id}`, { relative: 'path' })} onCancel={() => navigate('..', { relative: 'path' })} />
      </Paper>
    </Box>
  );
}
