import { createContext, useContext } from 'react';
import type { Area } from './areas';

/** The area being shown, for pages shared by several areas (the "not available yet" page). */
export const AreaContext = createContext<Area | null>(null);

export function useCurrentArea(): Area | null {
  return useContext(AreaContext);
}
