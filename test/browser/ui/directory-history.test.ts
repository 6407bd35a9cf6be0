import { expect } from '@open-wc/testing';
import type { DirectoryEntry, HistoryEntry } from '../../../src/domain/index.js';
import { server, SoftphoneHarness, T0 } from '../../support/softphone-harness.js';

const ENTRIES: DirectoryEntry[] = [
  {
    entryId: 'e2',
    userId: 'agent2',
    displayName: 'Sam Second',
    firstName: 'Sam',
    lastName: 'Second',
    extension: '7002',
    number: '',
  },
  {
    entryId: 'e3',
    userId: 'agent3',
    displayName: '',
    firstName: 'Tia',
    lastName: 'Third',
    extension: '7003',
    number: '',
  },
];

describe('directory', () => {
  async function directory(filteredCount = 2): Promise<SoftphoneHarness> {
    const h = await SoftphoneHarness.loggedOn();
    await h.click({ role: 'button', name: 'Directory', within: 'Views' });
    const request = h.effectsOf('cic.directory.page').at(-1)!;
    await h.feed(
      {
        kind: 'obs.directory.page',
        requestId: request.requestId,
        index: 0,
        totalCount: filteredCount,
        filteredCount,
        entries: ENTRIES,
      },
      {
        kind: 'obs.status.user',
        isDelta: true,
        statuses: [
          {
            userId: 'agent2',
            statusId: 'Out of the Office',
            notes: 'Back Monday',
            loggedIn: true,
            onPhone: true,
            until: { at: T0 + 86_400_000, hasDate: true, hasTime: false },
          },
          { userId: 'agent3', statusId: 'Gone Home', loggedIn: false, onPhone: false },
        ],
      },
    );
    return h;
  }

  it('loads the first page on opening and shows presence, status, notes and until', async () => {
    const h = await directory();
    expect(h.intents[0]).to.deep.equal({ kind: 'intent.directory.search', text: '' });
    const list = h.get({ role: 'list', name: 'Directory' });
    const text = list.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Sam Second');
    expect(text).to.contain('Third, Tia');
    expect(text).to.contain('Out of the Office – Back Monday');
    expect(text).to.contain('Until');
    expect(text).to.contain('Logged in');
    expect(text).to.contain('Logged out');
    expect(text).to.contain('On the phone');
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('searches by the start of a name or extension and calls by clicking the extension', async () => {
    const h = await directory();
    await h.type('Search directory', 'sa');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.directory.search', text: 'sa' });
    expect(h.effectsOf('cic.directory.page').at(-1)).to.include({ search: 'sa', index: 0 });
    // Until the reply comes, the page shown is filtered locally.
    expect(h.has({ role: 'button', name: 'Call Third, Tia at 7003' })).to.equal(false);
    await h.click('Call Sam Second at 7002');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.dial',
      number: '7002',
      source: 'directory',
      advanced: null,
    });
    expect(h.effectsOf('cic.createCall')[0]).to.include({ target: '7002' });
  });

  it('pages through a long directory', async () => {
    const h = await directory(40);
    expect(h.text()).to.contain('1–25 of 40');
    expect(h.button('Previous page').disabled).to.equal(true);
    await h.click('Next page');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.directory.page', index: 25 });
  });
});

const HISTORY: HistoryEntry[] = [
  {
    interactionId: 'h1',
    direction: 'incoming',
    outcome: 'none',
    initiatedAt: T0 - 60_000,
    terminatedAt: T0 - 50_000,
    remoteAddress: '+13175550001',
    remoteName: 'Missy Missed',
    remoteId: '',
  },
  {
    interactionId: 'h2',
    direction: 'outgoing',
    outcome: 'connected',
    initiatedAt: T0 - 120_000,
    terminatedAt: T0 - 60_000,
    remoteAddress: '+13175550002',
    remoteName: 'Otto Out',
    remoteId: '',
  },
  {
    interactionId: 'h3',
    direction: 'incoming',
    outcome: 'connected',
    initiatedAt: T0 - 300_000,
    terminatedAt: T0 - 200_000,
    remoteAddress: '+13175550003',
    remoteName: 'Ann Answered',
    remoteId: '',
  },
  {
    interactionId: 'h4',
    direction: 'incoming',
    outcome: 'forwarded',
    initiatedAt: T0 - 400_000,
    terminatedAt: null,
    remoteAddress: '+13175550004',
    remoteName: 'Fred Forwarded',
    remoteId: '',
  },
];

describe('call history', () => {
  async function history(): Promise<SoftphoneHarness> {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed({ kind: 'obs.history', isDelta: false, entries: HISTORY });
    await h.click({ role: 'button', name: 'Call History', within: 'Views' });
    return h;
  }
  const names = (h: SoftphoneHarness) =>
    h
      .queryAll({ role: 'listitem', within: 'Call History' })
      .map((li) => li.querySelector('strong')?.textContent);

  it('lists calls with name, number, duration and id, and filters them', async () => {
    const h = await history();
    expect(names(h)).to.deep.equal(['Missy Missed', 'Otto Out', 'Ann Answered', 'Fred Forwarded']);
    const first = h
      .queryAll({ role: 'listitem', within: 'Call History' })[0]!
      .textContent!.replace(/\s+/g, ' ');
    expect(first).to.contain('+13175550001');
    expect(first).to.contain('00:00:10');
    expect(first).to.contain('ID h1');
    expect(first).to.contain('Missed');

    for (const [filter, expected] of [
      ['Missed', ['Missy Missed']],
      ['Outgoing', ['Otto Out']],
      ['Answered', ['Ann Answered']],
      ['Forwarded', ['Fred Forwarded']],
    ] as const) {
      await h.click({ role: 'button', name: filter, within: 'Show' });
      expect(h.button(filter, 'Show').getAttribute('aria-pressed')).to.equal('true');
      expect(names(h), filter).to.deep.equal(expected);
    }
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('redials from a row', async () => {
    const h = await history();
    await h.click('Call Otto Out');
    expect(h.lastIntent()).to.deep.equal({
      kind: 'intent.dial',
      number: '+13175550002',
      source: 'history',
      advanced: null,
    });
  });
});

describe('workgroup activation', () => {
  it('lists only the workgroups the agent may activate and changes activation', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed({
      kind: 'obs.activations',
      isDelta: false,
      workgroups: [
        { workgroup: 'Support', active: true, canActivate: true },
        { workgroup: 'Sales', active: false, canActivate: true },
        { workgroup: 'Marketing', active: true, canActivate: false },
      ],
    });
    await h.click('Menu');
    await h.click({ role: 'menuitem', name: 'Workgroup Activation' });
    expect(h.has({ role: 'dialog', name: 'Workgroup Activation' })).to.equal(true);
    const boxes = h.queryAll({ role: 'checkbox' }) as HTMLInputElement[];
    expect(boxes.map((b) => [b.labels?.[0]?.textContent?.trim(), b.checked])).to.deep.equal([
      ['Support', true],
      ['Sales', false],
    ]);
    await h.click({ role: 'checkbox', name: 'Sales' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.setActivation', workgroup: 'Sales', active: true });
    expect(h.effectsOf('cic.setActivation')[0]).to.include({ workgroup: 'Sales', active: true });
    expect((h.get({ role: 'checkbox', name: 'Sales' }) as HTMLInputElement).disabled).to.equal(true);
    await h.feed({
      kind: 'obs.activations',
      isDelta: true,
      workgroups: [{ workgroup: 'Sales', active: true, canActivate: true }],
    });
    const sales = h.get({ role: 'checkbox', name: 'Sales' }) as HTMLInputElement;
    expect([sales.checked, sales.disabled]).to.deep.equal([true, false]);
    expect(h.a11yProblems()).to.deep.equal([]);
    await h.click({ role: 'button', name: 'Close', within: 'Workgroup Activation' });
    expect(h.has({ role: 'dialog' })).to.equal(false);
  });
});

describe('session chrome', () => {
  it('shows the connection state and logs out from the menu', async () => {
    const h = await SoftphoneHarness.loggedOn();
    const status = () => h.queryAll({ role: 'status' }).map((s) => s.textContent?.trim());
    expect(status()).to.include('Connected');
    await h.feed({
      kind: 'obs.connection.state',
      state: 'reconnecting',
      reason: 'network',
      shouldReconnect: true,
    });
    expect(status()).to.include('Reconnecting…');
    await h.feed({ kind: 'obs.connection.state', state: 'up', reason: null, shouldReconnect: false });
    expect(status()).to.include('Connected');

    await h.click('Menu');
    expect(h.focused()?.getAttribute('role')).to.equal('menuitem');
    await h.press('End');
    expect(h.focused()?.textContent?.trim()).to.equal('Log Out');
    await h.press('Enter');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.logout' });
    expect(h.effectsOf('cic.logoff')).to.have.length(1);
    expect(h.text()).to.contain('Logging out…');
    await h.feed({ kind: 'obs.session.ended', reason: 'loggedOff' });
    expect(h.has({ role: 'heading', name: 'Log On' })).to.equal(true);
  });

  it('Esc closes the menu and returns focus to its button', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.click('Menu');
    await h.press('ArrowDown');
    await h.press('Escape');
    expect(h.has({ role: 'menu' })).to.equal(false);
    expect(h.focused()?.getAttribute('aria-label')).to.equal('Menu');
  });

  it('mutes and unmutes the ring from the menu', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.click('Menu');
    await h.click({ role: 'menuitem', name: 'Mute Ring' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.setRingMuted', muted: true });
    await h.click('Menu');
    expect(h.has({ role: 'menuitem', name: 'Unmute Ring' })).to.equal(true);
  });

  it('shows a refused command as a notice the agent can dismiss', async () => {
    const h = await SoftphoneHarness.loggedOn();
    await h.feed(server.added('1001', { Eic_State: 'C', Eic_Capabilities: '2' }), {
      kind: 'obs.command.failed',
      operation: 'hold',
      interactionId: null,
      requestId: null,
      errorKind: 'forbidden',
      errorId: null,
      message: null,
    });
    expect(h.get({ role: 'alert' }).textContent).to.contain('You are not allowed to do that.');
    await h.click({ role: 'button', name: 'Dismiss', within: 'Messages' });
    expect(h.lastIntent().kind).to.equal('intent.notice.dismiss');
    expect(h.has({ role: 'alert' })).to.equal(false);
  });
});
