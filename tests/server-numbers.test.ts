// The number pool: online allocation in a server transaction, reservations, releases, field
// agents' leases (including offline sales pushed after expiry), and the race of 50 clients for
// 10 numbers — exactly 10 winners, clear refusals for the rest.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { http, seededServer, suiteTitle, testBackends, type TestClient } from './server-harness';

// Generous limits: PGlite start-up and child processes are slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 240_000 });

const backends = await testBackends();
const range = (prefix: string, from: number, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(from + i).padStart(10 - prefix.length, '0')}`);

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(suiteTitle('number pool', backend), () => {
    const server = seededServer(backend);
    const client = server.client;
    const addNumbers = async (who: string, numbers: string[]) => {
      const r = await http(server.url, 'POST', `/v1/offices/${server.fx.users[who]!.office}/numbers`, { token: server.token(who), json: { numbers } });
      expect(r.status).toBe(200);
      return r.body as { added: string[]; duplicates: string[] };
    };
    const newCustomer = async (c: TestClient) => {
      const id = randomUUID();
      expect((await c.run('record.create', { entity: 'customer', id, data: { name: `客户${id.slice(0, 4)}` } })).status).toBe('applied');
      return id;
    };

    it('only managers add numbers to the pool; duplicates are reported', async () => {
      const denied = await http(server.url, 'POST', `/v1/offices/${server.fx.officeA}/numbers`, { token: server.token('clerkA'), json: { numbers: ['4001000000'] } });
      expect(denied.status).toBe(403);
      const r = await addNumbers('managerA', ['4001000000', '4001000001']);
      expect(r.added).toEqual(['4001000000', '4001000001']);
      expect((await addNumbers('managerA', ['4001000001', '4001000002'])).duplicates).toEqual(['4001000001']);
      const bad = await http(server.url, 'POST', `/v1/offices/${server.fx.officeA}/numbers`, { token: server.token('managerA'), json: { numbers: ['5001000000'] } });
      expect(bad.status).toBe(400);
    });

    it('reserve → the same customer turns it into a sale; another customer is refused; release cools it down', async () => {
      const c = client('clerkA');
      const [n] = await addNumbers('managerA', ['4006000001']).then((r) => r.added);
      const alice = await newCustomer(c);
      const bob = await newCustomer(c);
      const res = await c.run('number.reserve', { number: n, customerId: alice });
      expect(res).toMatchObject({ status: 'applied', result: { number: n, holdUntil: expect.any(String) } });
      const holdDays = (Date.parse((res.result as { holdUntil: string }).holdUntil) - Date.now()) / 86_400_000;
      expect(Math.round(holdDays)).toBe(15);
      expect((await c.run('number.allocate', { number: n, customerId: bob })).reason?.code).toBe('NUMBER_UNAVAILABLE');
      expect((await c.run('number.allocate', { number: n, customerId: alice })).status).toBe('applied');
      expect((await c.run('number.release', { number: n })).result).toMatchObject({ status: 'cooling' });
      expect((await c.run('number.allocate', { number: n, customerId: bob })).reason?.code).toBe('NUMBER_UNAVAILABLE');
      await c.pullAll();
      expect(c.record('hotlineNumber', n!)!.data).toMatchObject({ status: 'cooling', customerId: null });
    });

    it('field agents: a lease keeps numbers away from others; the agent sells only from its lease', async () => {
      const pool = range('4008', 100, 12);
      await addNumbers('managerA', pool);
      const agent = client('agentA');
      const agent2 = client('agentA2');
      const clerk = client('clerkA');
      const leaseId = randomUUID();
      const lease = await agent.run('lease.take', { leaseId, count: 5, prefix: '4008', hours: 8 });
      expect(lease.status).toBe('applied');
      const leased = (lease.result as { numbers: string[] }).numbers;
      expect(leased).toHaveLength(5);
      const lease2 = await agent2.run('lease.take', { leaseId: randomUUID(), count: 5, prefix: '4008' });
      const leased2 = (lease2.result as { numbers: string[] }).numbers;
      expect(leased2.filter((n) => leased.includes(n))).toEqual([]);

      const cust = await newCustomer(clerk);
      // Nobody else takes a leased number, not even the office clerk.
      expect((await clerk.run('number.allocate', { number: leased[0], customerId: cust })).reason?.code).toBe('NUMBER_UNAVAILABLE');
      // The agent sells from its lease (no number given: the lowest of the lease).
      const sale = await agent.run('number.allocate', { customerId: cust, leaseId });
      expect(sale).toMatchObject({ status: 'applied', result: { number: leased[0] } });
      // …but not outside it, nor without a lease.
      const free = pool.find((n) => !leased.includes(n) && !leased2.includes(n))!;
      expect((await agent.run('number.allocate', { number: free, customerId: cust })).reason?.code).toBe('LEASE_NOT_HELD');
      expect((await agent.run('number.allocate', { customerId: cust })).reason?.code).toBe('LEASE_NOT_HELD');
      expect((await agent.run('number.allocate', { number: leased2[0], customerId: cust })).status).toBe('rejected');
      // Returning the lease frees the unsold numbers at once.
      const ret = await agent2.run('lease.return', { leaseId: (lease2.result as { leaseId: string }).leaseId });
      expect((ret.result as { returned: string[] }).returned.sort()).toEqual([...leased2].sort());
      expect((await clerk.run('number.allocate', { number: leased2[0], customerId: cust })).status).toBe('applied');
      // The agent's device sees its lease and the numbers.
      await agent.pullAll();
      expect(agent.record('lease', leaseId)!.data).toMatchObject({ userId: server.fx.users.agentA!.id, numbers: leased });
      expect(agent.record('hotlineNumber', leased[0]!)!.data).toMatchObject({ status: 'active', customerId: cust });
      // …but not its colleague's lease.
      expect(agent.record('lease', (lease2.result as { leaseId: string }).leaseId)).toBeUndefined();
      await clerk.pullAll();
      expect(clerk.record('lease', (lease2.result as { leaseId: string }).leaseId)).toBeDefined();
    });

    it('offline sales pushed late: accepted while the number is still the agent\'s, refused once someone else took it', async () => {
      const pool = range('4009', 500, 4);
      await addNumbers('managerA', pool);
      const agent = client('agentA');
      const clerk = client('clerkA');
      const leaseId = randomUUID();
      const taken = ((await agent.run('lease.take', { leaseId, count: 4, prefix: '40090005' })).result as { numbers: string[] }).numbers;
      expect(taken).toEqual(pool);
      const cust = await newCustomer(clerk);
      // Offline, the agent sells all four; meanwhile the SERVER clock moves on (simulated by
      // moving the lease back in time: clients' clocks play no part).
      const offline = taken.map((n) => agent.mutation('number.allocate', { number: n, customerId: cust, leaseId }));

      // Expired an hour ago: within the 24 h grace the numbers are still the agent's only.
      await server.db.query("UPDATE leases SET expires_at = now() - interval '1 hour' WHERE id = $1", [leaseId]);
      expect((await clerk.run('number.allocate', { number: taken[0], customerId: cust })).reason?.code).toBe('NUMBER_UNAVAILABLE');
      // Past the grace period the numbers are back in the pool: the clerk takes one.
      await server.db.query("UPDATE leases SET expires_at = now() - interval '25 hours' WHERE id = $1", [leaseId]);
      expect((await clerk.run('number.allocate', { number: taken[1], customerId: cust })).status).toBe('applied');

      const r = await agent.push(offline);
      expect(r.body.results.map((x) => x.status)).toEqual(['applied', 'rejected', 'applied', 'applied']);
      expect(r.body.results[1]!.reason).toMatchObject({ code: 'NUMBER_UNAVAILABLE', field: 'number' });
    });

    it('race: 50 concurrent clients for 10 numbers → exactly 10 winners, the rest refused (any free number)', async () => {
      const pool = range('4000', 7000, 10);
      await addNumbers('managerB', pool);
      const setup = client('clerkB');
      const customers = Array.from({ length: 50 }, () => randomUUID());
      const created = await setup.push(customers.map((id) => setup.mutation('record.create', { entity: 'customer', id, data: { name: id } })));
      expect(created.body.results.every((x) => x.status === 'applied')).toBe(true);
      const clients = customers.map((_, i) => client(i % 2 ? 'clerkB' : 'managerB'));
      const results = await Promise.all(clients.map((c, i) => c.run('number.allocate', { customerId: customers[i] })));
      const winners = results.filter((r) => r.status === 'applied');
      const losers = results.filter((r) => r.status !== 'applied');
      expect(winners).toHaveLength(10);
      expect(new Set(winners.map((w) => (w.result as { number: string }).number))).toEqual(new Set(pool));
      expect(losers).toHaveLength(40);
      for (const l of losers) expect(l.reason).toMatchObject({ code: 'POOL_EMPTY', message: expect.stringContaining('号码池') });
      const open = await server.db.query<{ number: string; holders: number }>(
        'SELECT number, count(*)::int AS holders FROM number_assignments WHERE office_id = $1 AND ended_at IS NULL GROUP BY number',
        [server.fx.officeB],
      );
      expect(open.rows).toHaveLength(10);
      expect(open.rows.every((r) => r.holders === 1)).toBe(true);
      console.log(`[${backend.kind}] race any-number: ${winners.length} winners, ${losers.length} refused (POOL_EMPTY)`);
    });

    it('race: 50 concurrent clients for the same 10 specific numbers → exactly one winner per number', async () => {
      const pool = range('4007', 8000, 10);
      await addNumbers('managerB', pool);
      const setup = client('clerkB');
      const customers = Array.from({ length: 50 }, () => randomUUID());
      const created = await setup.push(customers.map((id) => setup.mutation('record.create', { entity: 'customer', id, data: { name: id } })));
      expect(created.body.results.every((x) => x.status === 'applied')).toBe(true);
      const clients = customers.map((_, i) => client(i % 2 ? 'clerkB' : 'managerB'));
      const results = await Promise.all(clients.map((c, i) => c.run('number.allocate', { number: pool[i % 10], customerId: customers[i] })));
      const winners = results.filter((r) => r.status === 'applied');
      expect(winners).toHaveLength(10);
      expect(new Set(winners.map((w) => (w.result as { number: string }).number))).toEqual(new Set(pool));
      const losers = results.filter((r) => r.status !== 'applied');
      expect(losers).toHaveLength(40);
      for (const l of losers) expect(l.reason?.code).toBe('NUMBER_UNAVAILABLE');
      console.log(`[${backend.kind}] race specific-number: ${winners.length} winners, ${losers.length} refused (NUMBER_UNAVAILABLE)`);
    });
  });
}
