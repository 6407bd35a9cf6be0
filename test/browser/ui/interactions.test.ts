import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { formatWireTime } from '../../../src/domain/index.js';
import {
  ALERTING_CAPS,
  ALL_LICENCES,
  ALL_RIGHTS,
  CONNECTED_CAPS,
  HELD_CAPS,
  inboundCall,
  server,
  SoftphoneHarness,
} from '../../support/softphone-harness.js';

const ROW = /^Pat Caller/;
const row = (h: SoftphoneHarness, name: string | RegExp = ROW) =>
  h.get({ role: 'option', name }) as HTMLElement;
const stateOf = (h: SoftphoneHarness, name: string | RegExp = ROW) => row(h, name).dataset['state'];
const colourOf = (h: SoftphoneHarness, name: string | RegExp = ROW) =>
  getComputedStyle(row(h, name).querySelector('svg')!).color;

async function withCall(letter: string, caps: number, extra: Record<string, string> = {}, options = {}) {
  const h = await SoftphoneHarness.loggedOn(options);
  await h.feed(server.added('1001', inboundCall(letter, caps, extra)));
  return h;
}

describe('My Interactions and the alert bar', () => {
  it('lists an alerting call in black with name, number, server state text and duration', async () => {
    const h = await withCall('A', ALERTING_CAPS);
    expect(stateOf(h)).to.equal('alerting');
    expect(colourOf(h)).to.equal('rgb(0, 0, 0)');
    const text = row(h).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Pat Caller');
    expect(text).to.contain('+13175551234');
    expect(text).to.contain('Alerting');
    expect(text).to.contain('00:00:00');
    await h.tick(7_000);
    expect(row(h).textContent).to.contain('00:00:07');
    expect(h.a11yProblems()).to.deep.equal([]);
  });

  it('picks up from the alert bar; the call turns green when the server says connected', async () => {
    const h = await withCall('A', ALERTING_CAPS);
    const bar = h.get({ role: 'region', name: 'Incoming interaction' });
    expect(bar.textContent).to.contain('Pat Caller');
    expect(bar.textContent).to.contain('via Support');
    await h.click({ role: 'button', name: 'Pickup', within: 'Incoming interaction' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.pickup', interactionId: '1001' });
    expect(h.effectsOf('cic.pickup')).to.deep.equal([{ kind: 'cic.pickup', interactionId: '1001' }]);

    await h.feed(
      server.changed('1001', {
        Eic_State: 'C',
        Eic_CallStateString: 'Connected',
        Eic_Capabilities: String(CONNECTED_CAPS),
      }),
    );
    expect(stateOf(h)).to.equal('connected');
    expect(colourOf(h)).to.equal('rgb(34, 104, 62)'); // green, dark enough for AA contrast
    expect(h.has({ role: 'region', name: 'Incoming interaction' })).to.equal(false);
  });

  it('dismissing the alert bar leaves Pickup on the call controls', async () => {
    const h = await withCall('A', ALERTING_CAPS);
    await h.click({ role: 'button', name: 'Dismiss', within: 'Incoming interaction' });
    expect(h.has({ role: 'region', name: 'Incoming interaction' })).to.equal(false);
    await h.clickElement(row(h));
    await h.click({ role: 'button', name: 'Pickup', within: 'Call controls' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.pickup', interactionId: '1001' });
  });

  it('double-click picks up an alerting call and redials a disconnected one', async () => {
    const h = await withCall('A', ALERTING_CAPS);
    await h.doubleClick({ role: 'option', name: ROW });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.activate', interactionId: '1001' });
    expect(h.effectsOf('cic.pickup')).to.have.length(1);

    await h.feed(
      server.changed('1001', { Eic_State: 'E', Eic_CallStateString: 'Disconnected', Eic_Capabilities: '0' }),
    );
    expect(stateOf(h)).to.equal('disconnected');
    await h.doubleClick({ role: 'option', name: ROW });
    expect(h.effectsOf('cic.createCall')).to.have.length(1);
    expect(h.effectsOf('cic.createCall')[0]).to.include({ target: '+13175551234' });
  });

  it('shows a held call in orange', async () => {
    const h = await withCall('H', HELD_CAPS);
    expect(stateOf(h)).to.equal('held');
    expect(colourOf(h)).to.equal('rgb(140, 75, 2)'); // orange, dark enough for AA contrast
  });

  it('moves between interactions with the arrows and activates with Enter', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    await h.feed(
      server.added(
        '1002',
        inboundCall('A', ALERTING_CAPS, { Eic_RemoteName: 'Sam Second', Eic_RemoteAddress: '7002' }),
      ),
    );
    row(h).focus();
    await h.press('ArrowDown');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.select', interactionId: '1002' });
    expect(h.focused()?.getAttribute('data-id')).to.equal('1002');
    expect(row(h, /^Sam Second/).getAttribute('aria-selected')).to.equal('true');
    await h.press('Enter');
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.activate', interactionId: '1002' });
  });
});

describe('call controls', () => {
  const controls = (h: SoftphoneHarness) =>
    h.queryAll({ role: 'button', within: 'Call controls' }).map((b) => ({
      name: b.getAttribute('aria-label'),
      disabled: (b as HTMLButtonElement).disabled,
      pressed: b.getAttribute('aria-pressed'),
    }));

  it('uses the seed labels, dims what the state forbids and presses what is on', async () => {
    const h = await withCall('A', ALERTING_CAPS);
    expect(controls(h)).to.deep.equal([
      { name: 'Pickup', disabled: false, pressed: null },
      { name: 'Hold', disabled: false, pressed: 'false' },
      { name: 'Mute', disabled: true, pressed: 'false' },
      { name: 'Transfer', disabled: false, pressed: null },
      { name: 'Disconnect', disabled: false, pressed: null },
      { name: 'Record', disabled: true, pressed: 'false' },
      { name: 'Snip', disabled: true, pressed: 'false' },
      { name: 'Secure Pause', disabled: true, pressed: 'false' },
      { name: 'Voicemail', disabled: false, pressed: null },
      { name: 'Dial Pad', disabled: true, pressed: 'false' },
      { name: 'Conference', disabled: true, pressed: null },
    ]);
    expect(h.button('Mute', 'Call controls').title).to.equal('Mute: Not possible in the current state.');
  });

  it('hides what rights and licences forbid', async () => {
    const h = await withCall(
      'C',
      CONNECTED_CAPS,
      {},
      {
        rights: ALL_RIGHTS.filter(
          (r) => r !== 'RecordInteractions' && r !== 'TransferInteractionsToVoicemail',
        ),
        licences: ALL_LICENCES.filter((l) => l !== 'I3_ACCESS_RECORDER'),
      },
    );
    const names = controls(h).map((c) => c.name);
    expect(names).to.not.include('Record');
    expect(names).to.not.include('Snip');
    expect(names).to.not.include('Voicemail');
    expect(names).to.include('Secure Pause');
  });

  it('shows nothing without a Client Access licence', async () => {
    const h = await withCall('C', CONNECTED_CAPS, {}, { licences: [] });
    expect(controls(h)).to.deep.equal([]);
  });

  it('Hold: raises the intent, waits for the server, then shows held', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    await h.click({ role: 'button', name: 'Hold', within: 'Call controls' });
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.hold', interactionId: '1001' });
    expect(h.effectsOf('cic.hold')).to.deep.equal([{ kind: 'cic.hold', interactionId: '1001', on: true }]);
    expect(h.button('Hold', 'Call controls').disabled).to.equal(true);
    await h.feed(
      server.changed('1001', {
        Eic_State: 'H',
        Eic_CallStateString: 'Held',
        Eic_Capabilities: String(HELD_CAPS),
      }),
    );
    expect(h.button('Hold', 'Call controls').getAttribute('aria-pressed')).to.equal('true');
    expect(stateOf(h)).to.equal('held');
  });

  it('Mute and Record show their state from the server', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    await h.click({ role: 'button', name: 'Mute', within: 'Call controls' });
    expect(h.effectsOf('cic.mute')).to.deep.equal([{ kind: 'cic.mute', interactionId: '1001', on: true }]);
    await h.feed(server.changed('1001', { Eic_Muted: '1' }));
    expect(h.button('Mute', 'Call controls').getAttribute('aria-pressed')).to.equal('true');
    expect(row(h).textContent).to.contain('Muted');

    await h.click({ role: 'button', name: 'Record', within: 'Call controls' });
    expect(h.effectsOf('cic.record')).to.deep.equal([
      { kind: 'cic.record', interactionId: '1001', on: true },
    ]);
    await h.feed(server.changed('1001', { Eic_Recorders: 'agent1' }));
    expect(h.button('Record', 'Call controls').getAttribute('aria-pressed')).to.equal('true');
  });

  it('Snip first makes Record and Secure Pause unavailable', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    await h.click({ role: 'button', name: 'Snip', within: 'Call controls' });
    expect(h.effectsOf('cic.snip')).to.deep.equal([{ kind: 'cic.snip', interactionId: '1001', on: true }]);
    await h.feed(server.changed('1001', { Eic_IRSnippetRecordingId: 'snip-1' }));
    expect(h.button('Snip', 'Call controls').getAttribute('aria-pressed')).to.equal('true');
    expect(h.button('Record', 'Call controls').disabled).to.equal(true);
    expect(h.button('Secure Pause', 'Call controls').disabled).to.equal(true);
  });

  it('Secure Pause counts down on every view; pressing again restarts it', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    await h.click({ role: 'button', name: 'Secure Pause', within: 'Call controls' });
    expect(h.effectsOf('cic.securePause')).to.deep.equal([
      { kind: 'cic.securePause', interactionId: '1001' },
    ]);
    await h.feed(
      server.changed('1001', {
        Eic_SecureRecordingPauseStartTime: formatWireTime(h.now),
        Eic_RecordingsAutoResumeTime: formatWireTime(h.now + 30_000),
      }),
    );
    expect(h.get({ role: 'timer', name: 'Secure pause' }).textContent).to.contain('0:30 left');
    await h.tick(10_000);
    expect(h.get({ role: 'timer', name: 'Secure pause' }).textContent).to.contain('0:20 left');
    expect(h.button('Secure Pause', 'Call controls').getAttribute('aria-pressed')).to.equal('true');

    await h.click({ role: 'button', name: 'Directory', within: 'Views' });
    expect(h.get({ role: 'timer', name: 'Secure pause' }).textContent).to.contain('0:20 left');
    await h.click({ role: 'button', name: 'My Interactions', within: 'Views' });

    await h.tick(9_000);
    await h.click({ role: 'button', name: 'Secure Pause', within: 'Call controls' });
    expect(h.effectsOf('cic.securePause')).to.have.length(2);
    await h.feed(
      server.changed('1001', {
        Eic_SecureRecordingPauseStartTime: formatWireTime(h.now),
        Eic_RecordingsAutoResumeTime: formatWireTime(h.now + 30_000),
      }),
    );
    expect(h.get({ role: 'timer', name: 'Secure pause' }).textContent).to.contain('0:30 left');
    await h.tick(31_000);
    expect(h.has({ role: 'timer', name: 'Secure pause' })).to.equal(false);
  });

  it('Dial Pad sends DTMF digits to the connected call', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    await h.click({ role: 'button', name: 'Dial Pad', within: 'Call controls' });
    expect(h.button('Dial Pad', 'Call controls').getAttribute('aria-pressed')).to.equal('true');
    await h.click({ role: 'button', name: '5', within: 'Dial Pad' });
    await h.click({ role: 'button', name: 'Pound', within: 'Dial Pad' });
    expect(h.intents.slice(-2)).to.deep.equal([
      { kind: 'intent.dtmf', interactionId: '1001', digits: '5' },
      { kind: 'intent.dtmf', interactionId: '1001', digits: '#' },
    ]);
    expect(h.effectsOf('cic.sendDigits').map((e) => e.digits)).to.deep.equal(['5', '#']);
    await h.feed(server.changed('1001', { Eic_State: 'H', Eic_Capabilities: String(HELD_CAPS) }));
    expect(h.has({ role: 'group', name: 'Dial Pad' })).to.equal(false);
  });

  it('Voicemail and Disconnect send their commands', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    await h.click({ role: 'button', name: 'Voicemail', within: 'Call controls' });
    expect(h.effectsOf('cic.sendToVoicemail')).to.deep.equal([
      { kind: 'cic.sendToVoicemail', interactionId: '1001' },
    ]);
    await h.click({ role: 'button', name: 'Disconnect', within: 'Call controls' });
    expect(h.effectsOf('cic.disconnect')).to.deep.equal([{ kind: 'cic.disconnect', interactionId: '1001' }]);
    await h.feed(
      server.changed('1001', { Eic_State: 'I', Eic_CallStateString: 'Disconnected', Eic_Capabilities: '0' }),
    );
    expect(stateOf(h)).to.equal('disconnected');
    expect(h.button('Disconnect', 'Call controls').title).to.contain('The interaction has ended.');
  });

  it('Conference: drag one call onto another, or choose with the keyboard', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    await h.feed(
      server.added(
        '1002',
        inboundCall('H', HELD_CAPS, { Eic_RemoteName: 'Sam Second', Eic_RemoteAddress: '7002' }),
      ),
    );
    // Drag 1002 onto 1001.
    const data = new DataTransfer();
    const dragged = row(h, /^Sam Second/);
    const target = row(h);
    dragged.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: data }));
    target.dispatchEvent(
      new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: data }),
    );
    target.dispatchEvent(
      new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: data }),
    );
    await h.settle();
    expect(h.lastIntent()).to.deep.equal({ kind: 'intent.conference', targetId: '1001', droppedId: '1002' });

    // The keyboard way: select 1002, Conference, choose the other call.
    const h2 = await withCall('C', CONNECTED_CAPS);
    await h2.feed(
      server.added(
        '1002',
        inboundCall('H', HELD_CAPS, { Eic_RemoteName: 'Sam Second', Eic_RemoteAddress: '7002' }),
      ),
    );
    await h2.clickElement(row(h2, /^Sam Second/));
    await h2.click({ role: 'button', name: 'Conference', within: 'Call controls' });
    await h2.click({ role: 'button', name: 'Conference with Pat Caller', within: 'Conference' });
    expect(h2.lastIntent()).to.deep.equal({ kind: 'intent.conference', targetId: '1001', droppedId: '1002' });
    expect(h2.effectsOf('cic.conference.create')).to.have.length(1);
  });

  it('every control is reachable with Tab and has a name', async () => {
    const h = await withCall('C', CONNECTED_CAPS);
    const order = await h.tabOrder();
    const names = order.map((el) => el.getAttribute('aria-label') ?? el.getAttribute('data-id') ?? el.id);
    for (const name of [
      'Menu',
      'My Interactions',
      'Make a Call',
      'Hold',
      'Mute',
      'Transfer',
      'Disconnect',
      'Record',
      'Snip',
      'Secure Pause',
      'Voicemail',
      'Dial Pad',
      '1001',
      'Status Details',
    ]) {
      expect(names, name).to.include(name);
    }
    expect(h.a11yProblems()).to.deep.equal([]);
  });
});

describe('panel width', () => {
  // In the utility bar the panel's frame is the viewport, so dialogs are sized against it too.
  beforeEach(() => (document.body.style.margin = '0'));
  afterEach(async () => {
    document.body.style.margin = '';
    await setViewport({ width: 800, height: 600 });
  });

  const overflowing = (h: SoftphoneHarness) => {
    const right = Math.min(h.element.getBoundingClientRect().right, document.documentElement.clientWidth) + 1;
    return h
      .reachable()
      .filter((el) => el instanceof HTMLElement && el.getBoundingClientRect().right > right)
      .map((el) => `${el.tagName}.${(el as HTMLElement).className}`);
  };

  for (const width of [200, 300, 400]) {
    it(`fits ${width} px on every view without sideways scrolling`, async () => {
      await setViewport({ width, height: 700 });
      const h = await SoftphoneHarness.loggedOn({ width });
      await h.feed(
        server.added(
          '1001',
          inboundCall('A', ALERTING_CAPS, { Eic_RemoteName: 'A Very Long Caller Name From Far Away Ltd' }),
        ),
      );
      expect(overflowing(h), 'My Interactions').to.deep.equal([]);
      for (const view of ['Make a Call', 'Directory', 'Call History']) {
        await h.click({ role: 'button', name: view, within: 'Views' });
        expect(overflowing(h), view).to.deep.equal([]);
        expect(h.a11yProblems(), view).to.deep.equal([]);
      }
      await h.click(/^Status: /);
      expect(overflowing(h), 'status list').to.deep.equal([]);
    });
  }
});
