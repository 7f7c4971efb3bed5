import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NUMBER_EVENTS, NUMBER_STATES, coolingEndsOn, numberEventsFrom, reservationExpiresOn, transitionNumber,
} from './numberLifecycle';
import {
  SERVICE_ACCOUNT_EVENTS, SERVICE_ACCOUNT_STATES, serviceAccountEventsFrom, transitionServiceAccount,
} from './serviceAccountLifecycle';
import { APPLICATION_EVENTS, APPLICATION_STATUSES, applicationEventsFrom, transitionApplication } from './applicationLifecycle';
import { DEFAULT_OFFICE_SETTINGS } from '../settings/officeSettings';

const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? '' : (r.reason ?? ''));

describe('number lifecycle', () => {
  it('walks the whole circle', () => {
    let s = transitionNumber('available', 'reserve');
    expect(s).toEqual({ ok: true, state: 'reserved' });
    s = transitionNumber('reserved', 'activate');
    expect(s).toEqual({ ok: true, state: 'active' });
    expect(transitionNumber('active', 'suspend')).toEqual({ ok: true, state: 'suspended' });
    expect(transitionNumber('suspended', 'freeze')).toEqual({ ok: true, state: 'frozen' });
    expect(transitionNumber('frozen', 'reclaim')).toEqual({ ok: true, state: 'reclaimed' });
    expect(transitionNumber('reclaimed', 'startCooling')).toEqual({ ok: true, state: 'cooling' });
    expect(transitionNumber('cooling', 'endCooling', { today: '2026-04-01', stateSince: '2026-01-01' })).toEqual({
      ok: true,
      state: 'available',
    });
  });

  it('refuses illegal steps with a zh-CN reason naming the states', () => {
    const r = transitionNumber('available', 'activate');
    expect(r.ok).toBe(false);
    expect(reason(r)).toContain('“可选”');
    expect(reason(r)).toContain('开通');
    expect(reason(r)).toContain('“预占”');
    expect(transitionNumber('active', 'reserve').ok).toBe(false);
    expect(transitionNumber('cooling', 'reserve').ok).toBe(false);
  });

  it('keeps a number cooling until the cooling period (a setting) has passed', () => {
    const early = transitionNumber('cooling', 'endCooling', { today: '2026-03-31', stateSince: '2026-01-01' });
    expect(reason(early)).toContain('2026-04-01');
    const shorter = { ...DEFAULT_OFFICE_SETTINGS, coolingDays: 30 };
    expect(transitionNumber('cooling', 'endCooling', { today: '2026-01-31', stateSince: '2026-01-01', settings: shorter }).ok).toBe(true);
    expect(reason(transitionNumber('cooling', 'endCooling'))).toContain('缺少');
  });

  it('computes reservation and cooling dates from settings', () => {
    expect(reservationExpiresOn('2026-11-22')).toBe('2026-12-07');
    expect(coolingEndsOn('2026-01-01')).toBe('2026-04-01');
    expect(numberEventsFrom('active').sort()).toEqual(['freeze', 'reclaim', 'suspend']);
  });

  it('never throws and only reaches known states', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NUMBER_STATES), fc.constantFrom(...NUMBER_EVENTS), (s, e) => {
        const r = transitionNumber(s, e, { today: '2026-06-01', stateSince: '2026-01-01' });
        if (r.ok) expect(NUMBER_STATES).toContain(r.state);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
    );
    expect(reason(transitionNumber('available', 'fly' as never))).toContain('未知');
  });
});

describe('service account lifecycle', () => {
  it('walks applied → closed', () => {
    const steps: [string, string, object?][] = [
      ['applied', 'verify'],
      ['verified', 'sign'],
      ['contracted', 'deliverCompletion'],
      ['awaiting_acceptance', 'accept'],
      ['active', 'suspend'],
      ['suspended', 'terminate', { today: '2026-03-03', stateSince: '2026-02-01' }],
      ['terminated', 'close', { outstandingFen: 0 }],
    ];
    const reached = steps.map(([s, e, ctx]) => transitionServiceAccount(s as never, e as never, ctx));
    expect(reached.map((r) => (r.ok ? r.state : r.reason))).toEqual([
      'verified', 'contracted', 'awaiting_acceptance', 'active', 'suspended', 'terminated', 'closed',
    ]);
  });

  it('deems acceptance only after the 5th working day after receipt (4008 contract 4.3)', () => {
    const ctx = { completionReceivedOn: '2026-02-12' };
    const onLastDay = transitionServiceAccount('awaiting_acceptance', 'deemAccepted', { ...ctx, today: '2026-02-26' });
    expect(reason(onLastDay)).toContain('2026-02-26');
    expect(transitionServiceAccount('awaiting_acceptance', 'deemAccepted', { ...ctx, today: '2026-02-27' })).toEqual({
      ok: true,
      state: 'active',
    });
    expect(transitionServiceAccount('awaiting_acceptance', 'object')).toEqual({ ok: true, state: 'contracted' });
  });

  it('terminates after suspension only once the 30 days have passed (400 agreement 第五条)', () => {
    const early = transitionServiceAccount('suspended', 'terminate', { today: '2026-03-02', stateSince: '2026-02-01' });
    expect(reason(early)).toContain('30');
    expect(reason(early)).toContain('2026-03-03');
    expect(transitionServiceAccount('suspended', 'terminate', { ground: 'violation' }).ok).toBe(true);
  });

  it('terminates an active account for overdue fees only after the configured days (4008 contract 7.1)', () => {
    expect(reason(transitionServiceAccount('active', 'terminate', { overdueDays: 89 }))).toContain('90');
    expect(transitionServiceAccount('active', 'terminate', { overdueDays: 90 }).ok).toBe(true);
    const settings = { ...DEFAULT_OFFICE_SETTINGS, overdueDaysToTermination: 15 };
    expect(transitionServiceAccount('active', 'terminate', { overdueDays: 15, settings }).ok).toBe(true);
    expect(reason(transitionServiceAccount('active', 'terminate', {}))).toContain('逾期天数');
    expect(reason(transitionServiceAccount('active', 'terminate', { ground: 'unpaid_after_suspension' }))).toContain('暂停');
  });

  it('closes only when all fees are settled (400 agreement 第五条(一))', () => {
    const owing = transitionServiceAccount('terminated', 'close', { outstandingFen: 12_345 });
    expect(reason(owing)).toContain('123.45');
    expect(reason(transitionServiceAccount('terminated', 'close'))).toContain('欠费');
    expect(transitionServiceAccount('applied', 'cancel')).toEqual({ ok: true, state: 'closed' });
  });

  it('refuses skipping steps', () => {
    expect(reason(transitionServiceAccount('applied', 'sign'))).toContain('“已受理”');
    expect(transitionServiceAccount('closed', 'resume').ok).toBe(false);
    expect(serviceAccountEventsFrom('closed')).toEqual([]);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SERVICE_ACCOUNT_STATES),
        fc.constantFrom(...SERVICE_ACCOUNT_EVENTS),
        fc.record({ today: fc.constant('2026-06-01'), stateSince: fc.constant('2026-01-01'), overdueDays: fc.nat(400), outstandingFen: fc.nat() }),
        (s, e, ctx) => {
          const r = transitionServiceAccount(s, e, ctx);
          if (r.ok) expect(SERVICE_ACCOUNT_STATES).toContain(r.state);
        },
      ),
    );
  });
});

describe('application (受理单) flow', () => {
  it('draft → submitted → approved → completed, with reasons for reject and cancel', () => {
    expect(transitionApplication('draft', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(transitionApplication('submitted', 'approve')).toEqual({ ok: true, state: 'approved' });
    expect(transitionApplication('approved', 'complete')).toEqual({ ok: true, state: 'completed' });
    expect(reason(transitionApplication('submitted', 'reject'))).toContain('原因');
    expect(transitionApplication('submitted', 'reject', { reason: '营业执照不清晰' })).toEqual({ ok: true, state: 'rejected' });
    expect(transitionApplication('rejected', 'revise')).toEqual({ ok: true, state: 'draft' });
    expect(transitionApplication('completed', 'cancel', { reason: 'x' }).ok).toBe(false);
    expect(applicationEventsFrom('draft').sort()).toEqual(['cancel', 'submit']);
    fc.assert(
      fc.property(fc.constantFrom(...APPLICATION_STATUSES), fc.constantFrom(...APPLICATION_EVENTS), (s, e) => {
        transitionApplication(s, e, { reason: 'r' });
      }),
    );
  });
});
