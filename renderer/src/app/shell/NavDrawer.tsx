import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import { AREAS } from '../areas';
import { DRAWER_WIDTH } from '../theme';

export function NavDrawer() {
  const { t } = useTranslation('shell');
  const { pathname } = useLocation();
  return (
    <Drawer
      variant="permanent"
      sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
    >
      {/* Spacer under the fixed top bar. */}
      <Toolbar />
      <nav aria-label={t('navigation')}>
        <List>
          {AREAS.map((area) => {
            const selected = pathname === `/${area.id}` || pathname.startsWith(`/${area.id}/`);
            return (
              <ListItemButton
                key={area.id}
                component={Link}
                to={`/${area.id}`}
                selected={selected}
                aria-current={selected ? 'page' : undefined}
              >
                <ListItemIcon sx={{ minWidth: 40 }}>
                  <area.icon />
                </ListItemIcon>
                <ListItemText primary={t(area.labelKey)} />
              </ListItemButton>
            );
          })}
        </List>
      </nav>
    </Drawer>
  );
}
