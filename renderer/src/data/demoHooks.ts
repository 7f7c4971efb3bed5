import { useLiveQuery } from 'dexie-react-hooks';
import { demoOfferState, type DemoOfferState } from './demoLoad';

/** Live: whether to offer the demo office (goes away as soon as the store has data). */
export function useDemoOfferState(): DemoOfferState | undefined {
  return useLiveQuery(() => demoOfferState(), []);
}
