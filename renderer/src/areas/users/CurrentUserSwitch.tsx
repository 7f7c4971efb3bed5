import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errors';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { setCurrentUser } from '../../data/session';
import { useCurrentUser, useLoginUserId, useUsers } from '../../data/usersHooks';
import { useUiStore } from '../../state/uiStore';

/**
 * Who is working at this device. The repositories check this user's role on every write, so
 * switching here is what lets a manager approve or override (a hidden button is never the guard).
 */
export function CurrentUserSwitch() {
  const { t } = useTranslation('users');
  const current = useCurrentUser();
  const users = useUsers();
  const loginUser = useLoginUserId();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  if (!users || current === undefined) return null;

  const onChange = async (id: string) => {
    try {
      const user = await setCurrentUser(id);
      showSnackbar(t('switched', { name: user.name, role: t(`roles.${user.role}`) }), 'info');
    } catch (e) {
      showSnackbar(errorText(e), 'error');
    }
  };

  return (
    <TextField
      select
      size="small"
      label={t('current')}
      value={current?.id ?? ''}
      // after a sync login the login decides who works here (session.ts)
      disabled={Boolean(loginUser)}
      onChange={(e) => void onChange(e.target.value)}
      sx={{ minWidth: 180 }}
      slotProps={{ htmlInput: { 'data-testid': 'current-user' } }}
    >
      {users
        .filter((u) => u.active)
        .map((u) => (
          <MenuItem key={u.id} value={u.id} data-testid={`user-option-${u.role}`}>
            {/* default profiles are named after their role: say it once */}
            {u.name === t(`roles.${u.role}`) ? u.name : `${u.name} · ${t(`roles.${u.role}`)}`}
          </MenuItem>
        ))}
    </TextField>
  );
}
