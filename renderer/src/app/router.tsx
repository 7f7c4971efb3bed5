import { createHashRouter, Navigate, type RouteObject } from 'react-router';
import { AREAS, CRASH_TEST_AREA } from './areas';
import { AreaRoute } from './AreaRoute';
import NotFoundPage from './pages/NotFoundPage';
import ShellErrorPage from './pages/ShellErrorPage';
import { Shell } from './shell/Shell';

/**
 * Hash routes (`#/customers`): they work from file:// inside Electron and from any static server,
 * with no server rewrites. Each area owns everything under `#/<id>/`.
 */
export function appRoutes(): RouteObject[] {
  const areaRoutes = [...AREAS, CRASH_TEST_AREA].map<RouteObject>((area) => ({
    path: `${area.id}/*`,
    // The key gives each area its own boundary and state when moving between areas.
    element: <AreaRoute key={area.id} area={area} />,
  }));
  return [
    {
      path: '/',
      element: <Shell />,
      errorElement: <ShellErrorPage />,
      children: [{ index: true, element: <Navigate to={`/${AREAS[0]!.id}`} replace /> }, ...areaRoutes, { path: '*', element: <NotFoundPage /> }],
    },
  ];
}

export function createAppRouter() {
  return createHashRouter(appRoutes());
}
