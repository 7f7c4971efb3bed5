import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCachedSession } from '../../data/syncStateHooks';
import { logout } from '../../sync/session';
import { ConflictsCard } from './ConflictsCard';
import { LoginForm } from './LoginForm';
import { RejectedCard } from './RejectedCard';
import { SyncRunCard } from './SyncRunCard';

function AccountCard() {
  const { t } = useTranslation('sync');
  const cached = useCachedSession();
  if (cached === undefined) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="h6">{cached ? t('account.title') : t('login.title')}</Typography>
          {cached ? (
            <Stack spacing={0.5} data-testid="sync-account">
              <Typography variant="body2">
                {t('account.user')}: <b data-testid="sync-account-user">{cached.session.user.displayName || cached.session.user.username}</b> ({t(`account.roles.${cached.session.user.role}`)})
              </Typography>
              <Typography variant="body2">
                {t('account.office')}: <b data-testid="sync-account-office">{cached.session.user.offices.map((o) => o.name).join('、')}</b>
              </Typography>
              <Typography variant="body2">{t('account.server')}: {cached.serverUrl}</Typography>
              <Stack direction="row">
                <Button size="small" onClick={() => void logout()} data-testid="sync-logout">{t('account.logout')}</Button>
              </Stack>
            </Stack>
          ) : (
            <LoginForm mode="login" />
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** The sync area (#/sync): account, end-of-day sync with progress, refused changes, conflicts. */
export default function SyncArea() {
  const cached = useCachedSession();
  return (
    <Stack spacing={2} sx={{ p: 2, maxWidth: 960 }} data-testid="sync-area">
      <AccountCard />
      <SyncRunCard loggedIn={Boolean(cached)} />
      <ConflictsCard />
      <RejectedCard />
    </Stack>
  );
}
