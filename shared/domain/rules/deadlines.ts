import { addWorkingDays } from '../calendar/workingDays';
import { addMonthsClamped } from '../calendar/isoDate';

/**
 * 4008 contract 4.3: the completion form (竣工单) is deemed accepted if neither signed nor objected
 * to within five working days of receipt. Returns the last of those five working days (the receipt
 * day not counted); from the next day on the service counts as accepted. Throws
 * CalendarDataMissingError when the days run into a year without calendar data.
 */
export function deemedAcceptanceDate(receivedOn: string): string {
  return addWorkingDays(receivedOn, 5);
}

/**
 * 400 agreement 第四条(一)6: a call record may be disputed within three months. The last day is
 * the same day three calendar months later, clamped to the end of a shorter month
 * (2026-01-31 → 2026-04-30). Throws RangeError for a malformed date.
 */
export function disputeDeadline(recordDate: string): string {
  return addMonthsClamped(recordDate, 3);
}

/** 4008 contract 8.1: force majeure must be notified in writing within 15 days. */
export const FORCE_MAJEURE_NOTICE_DAYS = 15;
