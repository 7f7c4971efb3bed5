import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';

/**
 * The head of a detail page (受理单, account): back to its list, the title with its status chip,
 * and who is working (the actions below depend on the role).
 */
export function DetailHeader({ backTo, backLabel, title, chip }: { backTo: string; backLabel: string; title: string; chip: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
      <Button component={RouterLink} to={backTo}>
        {backLabel}
      </Button>
      <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
        {title} {chip}
      </Typography>
      <CurrentUserSwitch />
    </Box>
  );
}

/** One label/value pair of a detail page's <dl> grid. */
export function DetailField({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ display: 'contents' }}>
      <Typography component="dt" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0 }} data-testid={testId}>
        {children}
      </Typography>
    </Box>
  );
}
