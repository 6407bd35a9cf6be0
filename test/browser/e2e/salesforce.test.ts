/**
 * End to end, as in production: the Lightning console emulator (its own origin) frames the panel
 * in its utility bar; the panel logs on to the CIC simulator (another origin) and talks Open CTI
 * to the console over postMessage. The test acts only as the agent would — in the softphone frame,
 * by role and name — and as the customer (the simulator's control API). Every assertion reads
 * what the emulator (Open CTI log, Tasks, rendered page) or the simulator reports.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  ACME_ACCOUNT,
  agent,
  dom,
  eventually,
  json,
  logOn,
  open,
  openCtiLog,
  PAT_CONTACT,
  ring,
  simInteractions,
  simState,
  tasks,
  type Console,
  type Sim,
  type SimInteraction,
} from './support.js';

describe('Salesforce end to end: console emulator + panel + CIC simulator', () => {
  let sim: Sim;
  let c: Console;
  let frame: HTMLIFrameElement;

  beforeEach(async () => {
    sim = (await executeServerCommand('sim:start', {})) as Sim;
  });
  afterEach(async () => {
    frame.remove();
    await executeServerCommand('console:stop', { id: c.id });
    await executeServerCommand('sim:stop', { id: sim.id });
  });

  it('known caller: one pop of the Contact, a Task at pickup, the same Task updated with duration and disposition', async () => {
    ({ c, frame } = await open(sim));
    await logOn(sim, c);
    const a = agent(c);
    const id = await ring(sim, '+13175550101', 'Pat Doe');

    await eventually('the Contact popped', async () => (await dom(c, 'text', '#workspace h1')) === 'Pat Doe');
    // A deferred searchAndScreenPop only searches; what navigates is screenPop or a non-deferred search.
    const pops = (await openCtiLog(c)).filter(
      (e) => e.method === 'screenPop' || (e.method === 'searchAndScreenPop' && e.args['deferred'] !== true),
    );
    expect(pops.length, 'exactly one screen pop').to.equal(1);

    await a.click('button', 'Pickup');
    await eventually('connected on the server', async () => (await simState(sim, id)) === 'C');
    const created = await eventually('a Task for the call', async () => {
      const list = (await tasks(c)).filter((t) => t.CallObject === id);
      return list.length > 0 ? list : null;
    });
    expect(created).to.have.length(1);
    expect(created[0]?.WhoId).to.equal(PAT_CONTACT);
    expect(created[0]?.CallType).to.equal('Inbound');
    expect(created[0]?.TaskSubtype).to.equal('Call');

    await a.click('button', 'Hold');
    await eventually('held on the server', async () => (await simState(sim, id)) === 'H');
    await a.click('button', 'Hold');
    await eventually('back from hold', async () => (await simState(sim, id)) === 'C');

    await a.click('button', 'Disconnect');
    await eventually('disconnected on the server', async () => (await simState(sim, id)) === 'I');
    await eventually('the wrap-up prompt', async () => (await a.count('radio')) > 0);
    await a.click('text', 'Resolved');
    await a.click('button', 'Assign');

    const updated = await eventually('the Task updated with the disposition', async () => {
      const t = (await tasks(c)).filter((x) => x.CallObject === id);
      return t.length === 1 && t[0]?.CallDisposition ? t : null;
    });
    expect(updated[0]?.Id).to.equal(created[0]?.Id);
    expect(updated[0]?.CallDurationInSeconds).to.be.a('number');
    expect((await tasks(c)).filter((x) => x.CallObject === id)).to.have.length(1);
  });

  it('unknown number → new-record modal; a number two Contacts share → search page', async () => {
    ({ c, frame } = await open(sim));
    await logOn(sim, c);
    const a = agent(c);
    const unknown = await ring(sim, '+13175550199', 'Unknown Caller');
    await eventually('the new-record modal', async () => ((await dom(c, 'count', '.modal')) as number) > 0);
    await a.click('button', 'Pickup');
    await eventually('connected', async () => (await simState(sim, unknown)) === 'C');
    await a.click('button', 'Disconnect');
    await eventually('disconnected', async () => (await simState(sim, unknown)) === 'I');
    await json('POST', `${c.url}/__console/v1/modal/cancel`, {});

    await ring(sim, '+13175550102', 'Lee Household');
    await eventually(
      'the search page with both Contacts',
      async () => ((await dom(c, 'count', '#workspace [data-group="Contact"] tr')) as number) >= 2,
    );
  });

  it('custom attribute → URL pop with ?key=', async () => {
    ({ c, frame } = await open(sim, {
      '/screenPop/attributeName': 'CRM_CaseNumber',
      '/screenPop/attributePopType': 'url',
      '/screenPop/attributePopUrl': '/apex/CicCasePage',
    }));
    await logOn(sim, c);
    await ring(sim, '+13175550101', 'Pat Doe', { CRM_CaseNumber: '00042' });
    await eventually(
      'the URL pop',
      async () => (await dom(c, 'text', '#workspace code[data-url]')) === '/apex/CicCasePage?key=00042',
    );
  });

  it('click-to-dial from an Account: one call however often it is clicked, an Outbound Task related to the Account', async () => {
    ({ c, frame } = await open(sim));
    await logOn(sim, c);
    await json('POST', `${c.url}/__console/v1/navigate`, { recordId: ACME_ACCOUNT });
    await json('POST', `${c.url}/__console/v1/click-to-dial`, { recordId: ACME_ACCOUNT, field: 'Phone' });
    await json('POST', `${c.url}/__console/v1/click-to-dial`, {
      recordId: ACME_ACCOUNT,
      field: 'Phone',
    }).catch(() => undefined);
    const outbound = await eventually('the outbound call on the server', async () => {
      const list = (await simInteractions(sim)).filter((i) => i.attributes['Eic_CallDirection'] === 'O');
      return list.length > 0 ? list : null;
    });
    expect(outbound, 'one call for two clicks').to.have.length(1);
    const id = (outbound[0] as SimInteraction).interactionId;
    await json('POST', `${sim.url}/sim/v1/interactions/${id}/remote-answer`);
    const task = await eventually(
      'the Outbound Task',
      async () => (await tasks(c)).find((t) => t.CallObject === id) ?? null,
    );
    expect(task.CallType).to.equal('Outbound');
    expect(task.WhatId).to.equal(ACME_ACCOUNT);
  });

  it('navigation during a call adds the record to Related To and the saved Task carries it', async () => {
    ({ c, frame } = await open(sim));
    await logOn(sim, c);
    const a = agent(c);
    const id = await ring(sim, '+13175550101', 'Pat Doe');
    await a.click('button', 'Pickup');
    await eventually('connected', async () => (await simState(sim, id)) === 'C');
    await json('POST', `${c.url}/__console/v1/navigate`, { recordId: ACME_ACCOUNT });
    await a.click('button', 'Disconnect');
    const task = await eventually(
      'the Task related to Acme',
      async () => (await tasks(c)).find((t) => t.CallObject === id && t.WhatId === ACME_ACCOUNT) ?? null,
    );
    expect(task.WhoId).to.equal(PAT_CONTACT);
  });
  it('Omni-Channel sync both ways with several maps, busy while on an ACD call, and no echo loop', async () => {
    ({ c, frame } = await open(sim, {
      '/omniSync/enabled': 'true',
      '/omniSync/statusMaps': 'Available|both|Available; At Lunch|toOmni|Break',
      '/omniSync/busyOmniStatus': 'Busy_On_Phone',
    }));
    await logOn(sim, c);
    interface Omni {
      statusId: string | null;
      statuses: { statusId: string; statusApiName: string }[];
      history: { toStatusApiName: string | null; origin: string }[];
    }
    const omniState = (): Promise<Omni> => json<Omni>('GET', `${c.url}/__console/v1/omni`);
    const omni = async (): Promise<{
      status: { statusApiName: string } | null;
      history: Omni['history'];
    }> => {
      const o = await omniState();
      const status = o.statuses.find((x) => x.statusId === o.statusId) ?? null;
      return { status, history: o.history };
    };
    const cicStatus = async (): Promise<string | undefined> =>
      (
        await json<{ users: { userId: string; statusId: string }[] }>('GET', `${sim.url}/sim/v1/state`)
      ).users.find((u) => u.userId === 'agent1')?.statusId;

    // The sync has started once the softphone has read Omni's statuses through the bridge.
    await eventually('the Omni-Channel sync running', async () => {
      const lms = await json<{ messages: { source: string; message: { method?: string } }[] }>(
        'GET',
        `${c.url}/__console/v1/lms`,
      );
      return lms.messages.some(
        (m) => m.source === 'softphone' && m.message.method === 'getServicePresenceStatuses',
      );
    });
    // The agent logs in to Omni as Available: CIC is already Available, nothing to send either way.
    await json('POST', `${c.url}/__console/v1/omni/status`, { statusApiName: 'Available' });
    // A supervisor puts the agent at lunch in CIC → Omni Break (one-way map).
    await json('PUT', `${sim.url}/sim/v1/users/agent1/status`, { statusId: 'At Lunch' });
    await eventually('Omni on Break', async () => (await omni()).status?.statusApiName === 'Break');
    // The agent goes Available in Omni → CIC Available (two-way map).
    await json('POST', `${c.url}/__console/v1/omni/status`, { statusApiName: 'Available' });
    await eventually('CIC Available', async () => (await cicStatus())?.toLowerCase() === 'available');
    // An ACD call: Omni busy while connected, back to Available afterwards.
    const id = await ring(sim, '+13175550101', 'Pat Doe');
    const a = agent(c);
    await a.click('button', 'Pickup');
    await eventually('connected', async () => (await simState(sim, id)) === 'C');
    await eventually(
      'Omni busy on the phone',
      async () => (await omni()).status?.statusApiName === 'Busy_On_Phone',
    );
    await a.click('button', 'Disconnect');
    await eventually(
      'Omni Available again',
      async () => (await omni()).status?.statusApiName === 'Available',
    );

    // Settle, then count: every change is accounted for, none echoed back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const changes = (await omni()).history.map((h) => `${h.origin}:${h.toStatusApiName ?? 'offline'}`);
    // `agent`: the agent in the presence widget (the control API acts as the agent).
    expect(changes).to.deep.equal([
      'agent:Available',
      'toolkit:Break',
      'agent:Available',
      'toolkit:Busy_On_Phone',
      'toolkit:Available',
    ]);
    expect((await cicStatus())?.toLowerCase()).to.equal('available');
  });
});
