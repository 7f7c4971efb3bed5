import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { countByStatus, numberHistory, officeSettings, type NumberHistoryItem } from './numbers';
import { queryNumbers, type PickerPage, type PickerQuery } from './numbersPicker';
import { listGradeRules, type StoredGradeRule } from './gradeRules';
import { listPackages, type StoredPackage } from './packages';
import { nowMs, onClockChange } from './clock';
import type { NumberStatus } from './rows';
import type { OfficeSettings } from '../../../shared';

/**
 * Live views of the number pool, grade table and packages for React: they re-render when the rows
 * change (this tab or another). `undefined` while the first answer loads.
 */

export function useNumberPage(query: PickerQuery, pageSize: number, after: string | null): PickerPage | undefined {
  // compared by its JSON: a new object with the same filters is the same query
  const key = JSON.stringify(query);
  return useLiveQuery(() => queryNumbers(query, { pageSize, after }), [key, pageSize, after]);
}

export function useGradeRules(): StoredGradeRule[] | undefined {
  return useLiveQuery(() => listGradeRules(), []);
}

export function usePackages(includeRetired = false): StoredPackage[] | undefined {
  return useLiveQuery(() => listPackages({ includeRetired }), [includeRetired]);
}

export function useNumberHistory(digits: string | null): NumberHistoryItem[] | undefined {
  return useLiveQuery(async () => (digits ? numberHistory(digits) : []), [digits]);
}

export function useStatusCounts(): Record<NumberStatus, number> | undefined {
  return useLiveQuery(() => countByStatus(), []);
}

export function useOfficeSettings(): OfficeSettings | undefined {
  return useLiveQuery(() => officeSettings(), []);
}

/** The data-layer clock as React state: re-renders when a test moves it, and every minute. */
export function useClockNow(): number {
  const [now, setNow] = useState(nowMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(nowMs()), 60_000);
    const off = onClockChange((t) => setNow(t));
    return () => {
      clearInterval(timer);
      off();
    };
  }, []);
  return now;
}
