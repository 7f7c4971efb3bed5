import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { platform } from '../../platform';

/** Version and runtime, so a support call can start with "which build, desktop or browser?". */
export function AboutCard() {
  const { t } = useTranslation('settings');
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    platform.appVersion().then(
      (v) => live && setVersion(v),
      () => live && setVersion('?'),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <Paper variant="outlined" sx={{ p: 3, mt: 3 }} data-testid="about">
      <Typography variant="h6" component="h2" gutterBottom>
        {t('about.title')}
      </Typography>
      <Typography>
        {t('about.version', { version: version ?? '…' })} · {t(`about.runtime.${platform.kind}`)}
      </Typography>
    </Paper>
  );
}
