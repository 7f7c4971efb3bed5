import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';

/**
 * Last line of defence: an error in the shell itself (outside every area's boundary) replaces
 * react-router's developer page with a message and a way back.
 */
export default function ShellErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation('shell');
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Box sx={{ p: 4, maxWidth: 720 }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" variant="outlined" onClick={() => window.location.reload()}>
            {t('error.retry')}
          </Button>
        }
      >
        <AlertTitle>{t('error.title')}</AlertTitle>
        {t('error.details')}: {message}
      </Alert>
    </Box>
  );
}
