import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorFields, errorText } from '../../i18n/errors';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ValidationError } from '../../data/errors';
import type { Role, UserRow } from '../../data/rows';
import { ROLES, can } from '../../data/session';
import { createUser, updateUser } from '../../data/users';
import { useCurrentUser, useUsers } from '../../data/usersHooks';
import { useUiStore } from '../../state/uiStore';
import { CurrentUserSwitch } from './CurrentUserSwitch';

/**
 * 用户与角色: the local user profiles of this device. Everyone sees who exists and may switch;
 * only an admin adds people, changes roles or deactivates (the repository enforces it too).
 */
export function UsersPanel() {
  const { t } = useTranslation('users');
  const users = useUsers();
  const current = useCurrentUser();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [nameError, setNameError] = useState<string | null>(null);
  const isAdmin = !!current && can(current.role, 'user.manage');

  const report = (e: unknown) => showSnackbar(errorText(e), 'error');

  const add = async () => {
    setNameError(null);
    try {
      const u = await createUser({ name, role });
      setName('');
      showSnackbar(t('manage.added', { name: u.name }), 'success');
    } catch (e) {
      if (e instanceof ValidationError && e.fields.name) setNameError(errorFields(e).name ?? e.fields.name);
      else report(e);
    }
  };

  const change = (u: UserRow, patch: { role?: Role; active?: boolean }) =>
    updateUser(u.id, { name: u.name, role: patch.role ?? u.role, active: patch.active ?? u.active }).catch(report);

  return (
    <Paper variant="outlined" sx={{ p: 3, mt: 3 }} data-testid="users-panel">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('manage.title')}
        </Typography>
        <CurrentUserSwitch />
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('manage.description')}
      </Typography>
      {!isAdmin && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('manage.adminOnly')}
        </Alert>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('manage.name')}</TableCell>
            <TableCell>{t('manage.role')}</TableCell>
            <TableCell>{t('manage.active')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users?.map((u) => (
            <TableRow key={u.id} data-testid="user-row">
              <TableCell>{u.name}</TableCell>
              <TableCell>
                <TextField select size="small" variant="standard" value={u.role} disabled={!isAdmin} onChange={(e) => void change(u, { role: e.target.value as Role })}>
                  {ROLES.map((r) => (
                    <MenuItem key={r} value={r}>
                      {t(`roles.${r}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
              <TableCell>
                <Switch checked={u.active} disabled={!isAdmin} onChange={(e) => void change(u, { active: e.target.checked })} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {isAdmin && (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', mt: 2 }}>
          <TextField size="small" label={t('manage.name')} value={name} onChange={(e) => setName(e.target.value)} error={Boolean(nameError)} helperText={nameError ?? ' '} />
          <TextField select size="small" label={t('manage.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} sx={{ minWidth: 140 }}>
            {ROLES.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`roles.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="contained" onClick={() => void add()}>
            {t('manage.add')}
          </Button>
        </Box>
      )}
    </Paper>
  );
}
