import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { createAppRouter } from './router';
import { theme } from './theme';
import { loadAreaOfAddress } from './areas';

// Evaluated when main.tsx imports the app, before its start-up reads (see loadAreaOfAddress).
if (typeof window !== 'undefined') void loadAreaOfAddress(window.location.hash)?.catch(() => undefined);

export function App() {
  const router = useMemo(() => createAppRouter(), []);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <RouterProvider router={router} />
    </ThemeProvider>
  );
}
