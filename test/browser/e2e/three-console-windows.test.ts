/**
 * Three console windows, each framing the panel (same origin, so they share one leader): one CIC
 * session, a screen pop only in the window the agent is working in, one Task per call, and the
 * call kept when the leading window is closed mid-call. The emulator's Open CTI log names the
 * window of every call; the simulator reports the sessions.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  addConsoleWindow,
  agent,
  eventually,
  json,
  logOn,
  openCtiLog,
  ring,
  simState,
  tasks,
  type Console,
  type Sim,
} from './support.js';

interface Sessions {
  readonly sessions: readonly { userId: string; state: string }[];
}

describe('three console windows, one CIC session', () => {
  let sim: Sim;
  let c: Console;
  const frames: HTMLIFrameElement[] = [];

  beforeEach(async () => {
    sim = (await executeServerCommand('sim:start', {})) as Sim;
    c = (await executeServerCommand('console:start', {
      adapterPath: '/test/browser/e2e/fixtures/softphone.html',
      callCenterSettings: 'docs/call-center/CIC_Softphone_import.xml',
      cicServerUrl: sim.url,
      cicControlUrl: sim.url,
    })) as Console;
    for (const w of ['w1', 'w2', 'w3']) {
      frames.push(await addConsoleWindow(c));
      await json('POST', `${c.url}/__console/v1/utility/toggle`, { open: true, window: w });
    }
  });
  afterEach(async () => {
    for (const f of frames.splice(0)) f.remove();
    await executeServerCommand('console:stop', { id: c.id });
    await executeServerCommand('sim:stop', { id: sim.id });
  });

  it('one session; the pop in the window in use only; one Task; the call survives closing the leader', async () => {
    await logOn(sim, c);
    const liveSessions = async (): Promise<number> =>
      (await json<Sessions>('GET', `${sim.url}/sim/v1/state`)).sessions.filter(
        (s) => s.userId === 'agent1' && s.state === 'live',
      ).length;
    expect(await liveSessions()).to.equal(1);
    // The other windows show the same panel without logging on.
    await eventually(
      'window 3 logged on too',
      async () => (await agent(c, 2).count('button', 'My Interactions')) > 0,
    );

    // The agent works in window 3 (brought into view: the test page stacks the windows).
    frames[2]?.scrollIntoView();
    await agent(c, 2).click('button', 'My Interactions');
    const id = await ring(sim, '+13175550101', 'Pat Doe');
    await eventually('the pop', async () => (await openCtiLog(c)).some((e) => e.method === 'screenPop'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pops = (await openCtiLog(c)).filter((e) => e.method === 'screenPop') as unknown as {
      window: string;
    }[];
    expect(pops.map((p) => p.window)).to.deep.equal(['w3']);

    await agent(c, 2).click('button', 'Pickup');
    await eventually('connected', async () => (await simState(sim, id)) === 'C');
    await eventually('the Task', async () => (await tasks(c)).some((t) => t.CallObject === id));

    // Close the leading window (window 1, where the agent logged on) mid-call.
    frames[0]?.remove();
    // Window 2 is now the first console on the page.
    frames[1]?.scrollIntoView();
    const w2 = agent(c, 0);
    // Playwright may still list the removed window's frames for a moment: retry until it does not.
    await eventually('Hold clicked in window 2', () =>
      w2.click('button', 'Hold').then(
        () => true,
        () => false,
      ),
    );
    await eventually('held through another window', async () => (await simState(sim, id)) === 'H');
    expect(await liveSessions()).to.equal(1);
    await w2.click('button', 'Hold');
    await eventually('back from hold', async () => (await simState(sim, id)) === 'C');
    await w2.click('button', 'Disconnect');
    await eventually('disconnected', async () => (await simState(sim, id)) === 'I');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await tasks(c)).filter((t) => t.CallObject === id)).to.have.length(1);
  });
});
