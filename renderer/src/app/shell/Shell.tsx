import { useEffect } from 'react';
import { Outlet } from 'react-router';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import { preloadAreas } from '../areas';
import { whenFirstAreaReady } from '../firstAreaReady';
import { GlobalSnackbar } from './GlobalSnackbar';
import { NavDrawer } from './NavDrawer';
import { TopBar } from './TopBar';
import { DemoOfficeOffer } from '../DemoOfficeOffer';

/** The frame around every area: top bar, navigation drawer, the area, the snackbar. */
export function Shell() {
  useEffect(() => {
    // Not before the area on screen shows its data: parsing every area's code at once delayed the
    // first customer list by seconds on a loaded machine (bench/numbers-idb.ts).
    void whenFirstAreaReady().then(() => preloadAreas());
  }, []);
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <TopBar />
      <NavDrawer />
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0 }}>
        <Toolbar />
        <DemoOfficeOffer />
        <Outlet />
      </Box>
      <GlobalSnackbar />
    </Box>
  );
}
