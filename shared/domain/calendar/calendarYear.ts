/**
 * One year of the State Council arrangement: statutory holiday dates (including the weekend days
 * inside a holiday block) and make-up workdays (调休, weekend days that are worked). Every other
 * Monday–Friday is a working day, every other Saturday/Sunday a rest day.
 */
export type CalendarYearData = { holidays: readonly string[]; workdays: readonly string[] };

export class CalendarDataMissingError extends Error {
  readonly year: number;
  constructor(year: number) {
    super(`没有 ${year} 年的节假日安排数据，无法计算工作日；请在设置中导入国务院公布的 ${year} 年放假安排。`);
    this.name = 'CalendarDataMissingError';
    this.year = year;
  }
}
