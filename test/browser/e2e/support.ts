/**
 * Shared steps of the Salesforce end-to-end tests: the console emulator framing the real panel
 * (fixtures/softphone.html), the CIC simulator, and the agent's hand in the softphone frame.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface Sim {
  readonly id: string;
  readonly url: string;
}
export interface Console {
  readonly id: string;
  readonly url: string;
}
export interface Task {
  readonly Id: string;
  readonly CallObject?: string;
  readonly CallType?: string;
  readonly WhoId?: string | null;
  readonly WhatId?: string | null;
  readonly Subject?: string;
  readonly CallDisposition?: string | null;
  readonly CallDurationInSeconds?: number | null;
  readonly TaskSubtype?: string;
  readonly Status?: string;
}
export interface LogEntry {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly response: { success: boolean };
}
export interface SimInteraction {
  readonly interactionId: string;
  readonly attributes: Record<string, string>;
}

export const PAT_CONTACT = '003Dm0000000001IAA';
export const ACME_ACCOUNT = '001Dm0000000001IAA';

export async function json<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
): Promise<T> {
  for (let i = 0; i < 300; i += 1) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  throw new Error(`never happened: ${what}`);
}

export const tasks = async (c: Console): Promise<Task[]> =>
  (await json<{ tasks: Task[] }>('GET', `${c.url}/__console/v1/tasks`)).tasks;
export const openCtiLog = async (c: Console): Promise<LogEntry[]> =>
  (await json<{ entries: LogEntry[] }>('GET', `${c.url}/__console/v1/opencti-log`)).entries;
export const simInteractions = async (sim: Sim): Promise<SimInteraction[]> =>
  (await json<{ interactions: SimInteraction[] }>('GET', `${sim.url}/sim/v1/state`)).interactions;
export const simState = async (sim: Sim, id: string): Promise<string | undefined> =>
  (await simInteractions(sim)).find((i) => i.interactionId === id)?.attributes['Eic_State'];

/** The agent's hand in the softphone frame. */
export function agent(c: Console, consoleIndex = 0) {
  const act = (role: string, name: string | undefined, action: string, value?: string, exact?: boolean) =>
    executeServerCommand('console:softphone', { url: c.url, role, name, action, value, exact, consoleIndex });
  return {
    click: (role: string, name: string, exact = true) => act(role, name, 'click', undefined, exact),
    fill: (label: string, value: string) => act('label', label, 'fill', value, false),
    count: async (role: string, name?: string) => (await act(role, name, 'count')) as number,
  };
}

export const dom = (c: Console, action: 'click' | 'count' | 'text', selector: string) =>
  executeServerCommand('console:dom', { url: c.url, action, selector });

export async function open(
  sim: Sim,
  overrides: Record<string, string> = {},
): Promise<{ c: Console; frame: HTMLIFrameElement }> {
  const c = (await executeServerCommand('console:start', {
    adapterPath: '/test/browser/e2e/fixtures/softphone.html',
    callCenterSettings: 'docs/call-center/CIC_Softphone_import.xml',
    cicServerUrl: sim.url,
    cicControlUrl: sim.url,
    settingOverrides: overrides,
  })) as Console;
  const frame = await addConsoleWindow(c);
  await json('POST', `${c.url}/__console/v1/utility/toggle`, { open: true });
  return { c, frame };
}

export async function logOn(sim: Sim, c: Console): Promise<void> {
  const a = agent(c);
  await eventually(
    'the log-on form (server from the call-center settings)',
    async () => (await a.count('label', 'User ID')) > 0,
  );
  await a.fill('User ID', 'agent1');
  await a.fill('Password', '1234');
  await a.click('button', 'Log On');
  await a.click('button', 'Accept');
  await a.fill('Workstation name', 'WS01');
  await a.click('button', 'Select');
  await eventually('the session on WS01', async () => {
    const state = await json<{ sessions: { userId: string; station: { id: string } | null }[] }>(
      'GET',
      `${sim.url}/sim/v1/state`,
    );
    return state.sessions.some((s) => s.userId === 'agent1' && s.station?.id === 'WS01');
  });
  await json('PUT', `${sim.url}/sim/v1/users/agent1/status`, { statusId: 'Available' });
  await eventually('click-to-dial enabled (Open CTI ready)', async () =>
    (await openCtiLog(c)).some((e) => e.method === 'enableClickToDial' && e.response.success),
  );
}

export async function ring(
  sim: Sim,
  from: string,
  fromName: string,
  attributes?: Record<string, string>,
): Promise<string> {
  const reply = await json<{ interactionId: string }>('POST', `${sim.url}/sim/v1/calls`, {
    from,
    fromName,
    to: { workgroup: 'Support' },
    ...(attributes ? { attributes } : {}),
  });
  return reply.interactionId;
}

/** Opens one more console window (an iframe of the console page) and waits for its softphone. */
export async function addConsoleWindow(c: Console): Promise<HTMLIFrameElement> {
  const loaded = new Promise<void>((resolve, reject) => {
    const listener = (event: MessageEvent): void => {
      const data = event.data as { fixture?: string; error?: string } | null;
      if (data?.fixture === 'softphone-loaded') resolve();
      else if (data?.fixture === 'softphone-failed') reject(new Error(data.error));
      else return;
      window.removeEventListener('message', listener);
    };
    window.addEventListener('message', listener);
  });
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '800px';
  frame.src = `${c.url}/lightning/page/home`;
  document.body.append(frame);
  await loaded;
  return frame;
}
