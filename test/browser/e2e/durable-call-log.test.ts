/**
 * Durable call logs, end to end (issue 5): the console emulator frames the real panel, which logs
 * on to the CIC simulator. Mid-call the agent's Salesforce page is killed (the console page and
 * the softphone frame in it are removed from the document without any goodbye) and opened again;
 * the agent logs on again, the call is still connected on the server, and when it ends and is
 * wrapped up the emulator holds exactly one Task for it, with duration and disposition.
 *
 * Three moments of the kill: after Salesforce confirmed the create; while the create was in flight
 * and Salesforce had made the Task (its answer never reached the page); while the create was in
 * flight and Salesforce did not make the Task. The last two are staged in the softphone frame (same
 * origin as this test page): a capturing `message` listener swallows the console's answer to the
 * create before Open CTI's library sees it, so the panel is left waiting, as a page dying at that
 * instant is — and for the third case the emulator's `/faults` makes that create fail first.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  addConsoleWindow,
  agent,
  eventually,
  json,
  openCtiLog,
  PAT_CONTACT,
  simState,
  type Console,
  type LogEntry,
  type Sim,
  type Task,
} from './support.js';

interface ConsoleAnswer {
  readonly kind?: string;
  readonly response?: { returnValue?: { recordId?: unknown } | null; errors?: { description?: string }[] };
}

/** The description of the `/faults` failure the third case injects. */
const LOST = 'the create never reached Salesforce';

const tasksFor = async (c: Console, id: string): Promise<Task[]> =>
  (await json<{ tasks: Task[] }>('GET', `${c.url}/__console/v1/tasks`)).tasks.filter(
    (t) => t.CallObject === id,
  );
/** Task creates the panel sent for an interaction (valid or not). */
const creates = async (c: Console, id: string): Promise<LogEntry[]> =>
  (await openCtiLog(c)).filter((e) => {
    const value = e.args['value'] as Record<string, unknown> | undefined;
    return e.method === 'saveLog' && value?.['entityApiName'] === 'Task' && value['CallObject'] === id;
  });

/** Opens the agent's Salesforce page (a console window) and waits for the panel in it. */
async function openPage(c: Console): Promise<HTMLIFrameElement> {
  const frame = await addConsoleWindow(c);
  await json('POST', `${c.url}/__console/v1/utility/toggle`, { open: true });
  return frame;
}

/** The panel's window inside the console page (same origin as this test page). */
function panelWindow(frame: HTMLIFrameElement): Window {
  const consoleWindow = frame.contentWindow;
  const panel = consoleWindow?.frames[0];
  if (!panel) throw new Error('no softphone frame in the console page');
  return panel;
}

/**
 * From now on the panel never hears how a Task write went: the console's answer (a Task id, or
 * the injected failure) reads as `null` in the panel's realm, so Open CTI's library drops it, as
 * it drops any message that is not its own. Returns how often that happened.
 */
function loseSaveLogAnswers(panel: Window): { dropped: number } {
  const counter = { dropped: 0 };
  const proto = (panel as Window & { MessageEvent: typeof MessageEvent }).MessageEvent.prototype;
  const read = Object.getOwnPropertyDescriptor(proto, 'data')?.get;
  if (read === undefined) throw new Error('MessageEvent.data has no getter');
  Object.defineProperty(proto, 'data', {
    configurable: true,
    get(this: MessageEvent): unknown {
      const data = read.call(this) as ConsoleAnswer | null;
      if (data?.kind !== 'response') return data;
      const id = data.response?.returnValue?.recordId;
      const taskAnswer = typeof id === 'string' && id.startsWith('00T');
      if (!taskAnswer && data.response?.errors?.[0]?.description !== LOST) return data;
      counter.dropped += 1;
      return null;
    },
  });
  return counter;
}

async function logOn(sim: Sim, c: Console, enableCount: number): Promise<void> {
  const a = agent(c);
  await eventually('the log-on form', async () => (await a.count('label', 'User ID')) > 0);
  await a.fill('User ID', 'agent1');
  await a.fill('Password', '1234');
  await a.click('button', 'Log On');
  await a.click('button', 'Accept');
  // The first log-on picks the station; afterwards the stored preference may be offered or used.
  const station = await eventually('the station form or the session', async () => {
    if ((await a.count('label', 'Workstation name')) > 0) return 'form';
    const state = await json<{ sessions: { userId: string; station: { id: string } | null }[] }>(
      'GET',
      `${sim.url}/sim/v1/state`,
    );
    return state.sessions.filter((s) => s.userId === 'agent1' && s.station?.id === 'WS01').length >=
      enableCount
      ? 'done'
      : null;
  });
  if (station === 'form') {
    await a.fill('Workstation name', 'WS01');
    await a.click('button', 'Select');
  }
  await eventually(
    'Open CTI ready in this page',
    async () =>
      (await openCtiLog(c)).filter((e) => e.method === 'enableClickToDial' && e.response.success).length >=
      enableCount,
  );
}

describe('durable call logs: the page is killed mid-call and opened again', () => {
  let sim: Sim;
  let c: Console;
  let frame: HTMLIFrameElement | null = null;

  beforeEach(async () => {
    sim = (await executeServerCommand('sim:start', {})) as Sim;
    c = (await executeServerCommand('console:start', {
      adapterPath: '/test/browser/e2e/fixtures/softphone.html',
      callCenterSettings: 'docs/call-center/CIC_Softphone_import.xml',
      cicServerUrl: sim.url,
      cicControlUrl: sim.url,
    })) as Console;
  });
  afterEach(async () => {
    frame?.remove();
    frame = null;
    await executeServerCommand('console:stop', { id: c.id });
    await executeServerCommand('sim:stop', { id: sim.id });
  });

  /** Logs on, rings Pat Doe, and (unless `stage` holds the write back) picks up. */
  async function connectedCall(stage?: (panel: Window) => void): Promise<string> {
    frame = await openPage(c);
    await logOn(sim, c, 1);
    await json('PUT', `${sim.url}/sim/v1/users/agent1/status`, { statusId: 'Available' });
    stage?.(panelWindow(frame));
    const { interactionId: id } = await json<{ interactionId: string }>('POST', `${sim.url}/sim/v1/calls`, {
      from: '+13175550101',
      fromName: 'Pat Doe',
      to: { workgroup: 'Support' },
    });
    await agent(c).click('button', 'Pickup');
    await eventually('connected on the server', async () => (await simState(sim, id)) === 'C');
    return id;
  }

  /** Kills the page (no unload handshake reaches anything), opens it again and logs on. */
  async function killAndReopen(): Promise<void> {
    frame?.remove();
    frame = await openPage(c);
    await logOn(sim, c, 2);
  }

  /** The agent ends the call and wraps it up; the emulator then holds one complete Task. */
  async function endAndCheck(id: string): Promise<Task> {
    const a = agent(c);
    await eventually('the call back in the panel', async () => (await a.count('button', 'Disconnect')) > 0);
    await a.click('button', 'Disconnect');
    await eventually('disconnected on the server', async () => (await simState(sim, id)) === 'I');
    await eventually('the wrap-up prompt', async () => (await a.count('radio')) > 0);
    await a.click('text', 'Resolved');
    await a.click('button', 'Assign');
    const done = await eventually('the Task with duration and disposition', async () => {
      const list = await tasksFor(c, id);
      return list.some((t) => t.CallDisposition && typeof t.CallDurationInSeconds === 'number') ? list : null;
    });
    expect(done, 'one Task for the interaction').to.have.length(1);
    const task = done[0] as Task;
    expect(task.CallDisposition).to.equal('Resolved');
    expect(task.CallDurationInSeconds).to.be.a('number');
    expect(task.TaskSubtype).to.equal('Call');
    expect(task.WhoId).to.equal(PAT_CONTACT);
    // Settle, then count again: nothing late makes a second one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await tasksFor(c, id)).to.have.length(1);
    return task;
  }

  it('after Salesforce confirmed the create: the same Task is updated, no second create', async () => {
    const id = await connectedCall();
    const created = await eventually('the Task at pickup', async () => {
      const list = await tasksFor(c, id);
      return list.length > 0 ? list : null;
    });
    await eventually('the create confirmed to the panel', async () =>
      (await openCtiLog(c)).some((e) => e.method === 'refreshView'),
    );
    await killAndReopen();
    const task = await endAndCheck(id);
    expect(task.Id).to.equal(created[0]?.Id);
    expect(await creates(c, id), 'one create ever').to.have.length(1);
  });

  it('while the create was in flight and Salesforce made the Task: looked up by CallObject, then updated', async () => {
    let lost = { dropped: 0 };
    const id = await connectedCall((panel) => {
      lost = loseSaveLogAnswers(panel);
    });
    const created = await eventually('the Task made by the create whose answer was lost', async () => {
      const list = await tasksFor(c, id);
      return lost.dropped > 0 && list.length > 0 ? list : null;
    });
    await killAndReopen();
    const task = await endAndCheck(id);
    expect(task.Id).to.equal(created[0]?.Id);
    expect(await creates(c, id), 'the lost create is not sent again').to.have.length(1);
    const lookups = (await openCtiLog(c)).filter(
      (e) => e.method === 'runApex' && e.args['apexClass'] === 'CicCallLogLookup' && e.response.success,
    );
    expect(lookups.length, 'looked up before anything else was written').to.be.greaterThan(0);
    expect(lookups[0]?.args['methodParams']).to.equal(`callObject=${id}`);
  });

  it('while the create was in flight and never reached Salesforce: looked up, not found, created once', async () => {
    await json('POST', `${c.url}/__console/v1/faults`, {
      method: 'saveLog',
      code: 'GENERIC_ERROR',
      description: LOST,
      times: 1,
    });
    let lost = { dropped: 0 };
    const id = await connectedCall((panel) => {
      lost = loseSaveLogAnswers(panel);
    });
    await eventually('the create attempted, its failure never heard', async () => lost.dropped > 0);
    expect(await tasksFor(c, id)).to.have.length(0);
    await killAndReopen();
    await endAndCheck(id);
    expect(
      (await creates(c, id)).filter((e) => e.response.success),
      'created once, after the lookup',
    ).to.have.length(1);
    const log = await openCtiLog(c);
    const lookupAt = log.findIndex(
      (e) => e.method === 'runApex' && e.args['apexClass'] === 'CicCallLogLookup',
    );
    // The create that made the Task (the first one failed on purpose).
    const createAt = log.findIndex((e) => {
      const value = e.args['value'] as Record<string, unknown> | undefined;
      return (
        e.method === 'saveLog' &&
        e.response.success &&
        value?.['entityApiName'] === 'Task' &&
        value['CallObject'] === id
      );
    });
    expect(lookupAt).to.be.greaterThan(-1);
    expect(createAt).to.be.greaterThan(-1);
    expect(lookupAt, 'the lookup comes first').to.be.lessThan(createAt);
  });
});
