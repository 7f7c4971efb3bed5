import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import PeopleIcon from '@mui/icons-material/People';
import DialpadIcon from '@mui/icons-material/Dialpad';
import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import AssignmentIcon from '@mui/icons-material/Assignment';
import DescriptionIcon from '@mui/icons-material/Description';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import SyncIcon from '@mui/icons-material/Sync';
import InsightsIcon from '@mui/icons-material/Insights';
import SettingsIcon from '@mui/icons-material/Settings';

/**
 * The areas of the application, in navigation order.
 *
 * TO BUILD AN AREA replace its placeholder loader with one line, e.g.
 *   defineArea('customers', PeopleIcon, () => import('../areas/customers/CustomersArea')),
 * The module's default export is rendered at `#/customers/*`, inside its own error boundary and
 * Suspense; it may use react-router's <Routes> for sub-pages (`#/customers/42`). Its label is
 * `shell:areas.<id>` (locales/<language>/shell.json); its own texts go in namespace `<id>`.
 */

export type AreaModule = { default: ComponentType };

export interface Area {
  id: string;
  /** i18n key of the navigation label, e.g. 'shell:areas.customers'. */
  labelKey: string;
  icon: ComponentType<SvgIconProps>;
  /** Loads the area's code; called early by preloadAreas so areas open offline too. */
  load: () => Promise<AreaModule>;
  Component: LazyExoticComponent<ComponentType>;
}

export function defineArea(id: string, icon: ComponentType<SvgIconProps>, load: () => Promise<AreaModule>, labelKey = `shell:areas.${id}`): Area {
  return { id, labelKey, icon, load, Component: lazy(load) };
}

/** Placeholder for areas not built yet: a clear "not available yet" page. */
export const notYetBuilt = () => import('./pages/NotAvailablePage');

export const AREAS: readonly Area[] = [
  defineArea('customers', PeopleIcon, () => import('../areas/customers/CustomersArea')),
  defineArea('numbers', DialpadIcon, () => import('../areas/numbers/NumbersArea')),
  defineArea('packages', LocalOfferIcon, () => import('../areas/packages/PackagesArea')),
  defineArea('applications', AssignmentIcon, () => import('../areas/applications/ApplicationsArea')),
  defineArea('contracts', DescriptionIcon, () => import('../areas/contracts/ContractsArea')),
  defineArea('billing', ReceiptLongIcon, () => import('../areas/billing/BillingArea')),
  defineArea('dashboard', InsightsIcon, () => import('../areas/dashboard/DashboardArea'), 'dashboard:title'),
  defineArea('sync', SyncIcon, () => import('../areas/sync/SyncArea')),
  defineArea('settings', SettingsIcon, () => import('../areas/settings/SettingsPage')),
];

/**
 * A hidden area at `#/__crash` that throws while rendering: the end-to-end tests use it to prove
 * that an error in one area leaves the shell and the other areas working. Not in the navigation.
 */
export const CRASH_TEST_AREA = defineArea('__crash', SettingsIcon, () => import('./pages/CrashTestPage'), 'shell:crashTest');

/**
 * Fetches every area's code once the first area shows its data (Shell, firstAreaReady.ts). In a
 * browser it means a clerk who loses the network can still open any area. All are requested at
 * once: the fetches finish together, so "network idle" still means "every area is loaded".
 */
export function preloadAreas(areas: readonly Area[] = AREAS): Promise<void> {
  return Promise.allSettled(areas.map((a) => a.load())).then(() => undefined);
}

/**
 * Starts loading the code of the area the address opens (`#/customers…`, or the first area for an
 * empty hash) at once, while the app still reads its start-up state and sets up i18n: the first
 * list then waits for its query, not for its script. The lazy component finds the same module.
 */
export function loadAreaOfAddress(hash: string, areas: readonly Area[] = AREAS): Promise<AreaModule> | undefined {
  const id = /^#\/([^/?#]*)/.exec(hash)?.[1] || areas[0]?.id;
  return areas.find((a) => a.id === id)?.load();
}
