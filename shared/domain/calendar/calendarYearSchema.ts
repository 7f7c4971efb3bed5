import { z } from 'zod';
import { parseIsoDate } from './isoDate';

const dateInYear = z.string({ error: '日期必须是文字。' }).refine((s) => parseIsoDate(s) !== null, {
  error: (issue) => `“${String(issue.input)}”不是有效日期（YYYY-MM-DD）。`,
});

/**
 * A year of holiday arrangements as an office imports it (e.g. from the State Council notice):
 * checked here so registerCalendarYear never sees bad data.
 */
export const calendarYearImportSchema = z
  .object({
    year: z.number({ error: '年份必须是数字。' }).int({ error: '年份必须是整数。' }).min(1900, { error: '年份不能早于 1900。' }).max(9999),
    holidays: z.array(dateInYear, { error: '放假日期必须是列表。' }),
    workdays: z.array(dateInYear, { error: '调休上班日期必须是列表。' }),
  })
  .superRefine((value, ctx) => {
    const prefix = `${value.year}-`;
    value.holidays.forEach((d, i) => {
      if (!d.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `放假日期 ${d} 不在 ${value.year} 年。` });
    });
    value.workdays.forEach((d, i) => {
      if (!d.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `调休上班日期 ${d} 不在 ${value.year} 年。` });
      if (value.holidays.includes(d)) {
        ctx.addIssue({ code: 'custom', path: ['workdays', i], message: `${d} 不能既是放假日又是调休上班日。` });
      }
    });
  });
export type CalendarYearImport = z.infer<typeof calendarYearImportSchema>;
