import { createTheme } from '@mui/material/styles';

/** System CJK fonts first (macOS, Windows, Linux), so Chinese never falls back to boxes or a serif face. */
export const FONT_STACK = [
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  'sans-serif',
].join(',');

export const theme = createTheme({
  typography: { fontFamily: FONT_STACK },
  palette: {
    primary: { main: '#0b5cad' },
    secondary: { main: '#c2410c' },
    background: { default: '#f5f7fa' },
  },
  shape: { borderRadius: 8 },
  components: {
    // Uppercasing does nothing for Chinese and shouts in English: keep labels as written.
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
    MuiToggleButton: { styleOverrides: { root: { textTransform: 'none' } } },
  },
});

export const DRAWER_WIDTH = 200;
