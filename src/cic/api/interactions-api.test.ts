/** What the interaction, transfer and conference calls put on the wire, against a recording fetch. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CicError } from '../errors.js';
import { jsonResponse, recordingClient as client } from '../testing/fake-fetch.js';

const U = 'urn:inin.com:';

describe('interactions', () => {
  it('creates a call with target, workgroup and account code and returns the id', async () => {
    const { c, last } = await client(() => jsonResponse(201, { interactionId: '1001' }));
    const id = await c.interactions.createCall({
      target: '+13175550101',
      workgroup: 'Support',
      accountCodeId: '100',
    });
    assert.equal(id, '1001');
    assert.deepEqual(last(), {
      method: 'POST',
      path: 'interactions',
      query: '',
      body: {
        __type: `${U}interactions:createCallParameters`,
        target: '+13175550101',
        workgroup: 'Support',
        accountCodeId: '100',
      },
    });
  });

  it('sends the call-control bodies the reference lists', async () => {
    const { c, last } = await client();
    const cases: [() => Promise<void>, string, unknown][] = [
      [() => c.interactions.pickup('1'), 'interactions/1/pickup', {}],
      [() => c.interactions.disconnect('1'), 'interactions/1/disconnect', {}],
      [() => c.interactions.hold('1', true), 'interactions/1/hold', { on: true }],
      [() => c.interactions.mute('1', false), 'interactions/1/mute', { on: false }],
      [() => c.interactions.makePrivate('1', true), 'interactions/1/make-private', { on: true }],
      [() => c.interactions.record('1', true), 'interactions/1/record', { on: true, supervisor: false }],
      [
        () => c.interactions.recordSnippet('1', true, { supervisor: true }),
        'interactions/1/record-snippet',
        { on: true, supervisor: true },
      ],
      [
        () => c.interactions.securePause('1', { type: 'default' }),
        'interactions/1/secure-pause',
        { securePauseType: 1 },
      ],
      [
        () => c.interactions.securePause('1', { type: 'infinite' }),
        'interactions/1/secure-pause',
        { securePauseType: 2 },
      ],
      [
        () => c.interactions.securePause('1', { type: 'specified', duration: 90 }),
        'interactions/1/secure-pause',
        { securePauseType: 3, duration: 90 },
      ],
      [
        () => c.interactions.securePause('1', { type: 'resume' }),
        'interactions/1/secure-pause',
        { securePauseType: 4 },
      ],
      [() => c.interactions.sendDigits('1', '12#*'), 'interactions/1/send-digits', { dtmfDigits: '12#*' }],
      [() => c.interactions.sendToVoicemail('1'), 'interactions/1/send-to-voicemail', {}],
      [
        () => c.transfers.transferToVoicemail('1', { target: 'agent2' }),
        'interactions/1/transfer-to-voicemail',
        { target: 'agent2' },
      ],
      [
        () => c.transfers.transferToVoicemail('1', { queue: { queueType: 1, queueName: 'agent2' } }),
        'interactions/1/transfer-to-voicemail',
        { queueID: { queueType: 1, queueName: 'agent2' } },
      ],
      [
        () => c.transfers.blindTransfer('1', { target: '7002' }),
        'interactions/1/blind-transfer',
        { target: '7002' },
      ],
      [
        () => c.transfers.blindTransfer('1', { queue: { queueType: 2, queueName: 'Sales' } }),
        'interactions/1/blind-transfer',
        { queueID: { queueType: 2, queueName: 'Sales' } },
      ],
      [
        () => c.transfers.park('1', { queue: { queueType: 1, queueName: 'agent2' } }),
        'interactions/1/park',
        { queueID: { queueType: 1, queueName: 'agent2' } },
      ],
      [
        () =>
          c.interactions.assignWrapUp('1', {
            code: 'Sale',
            segmentId: 1,
            time: '20261122T090000Z',
            user: 'agent1',
            sourceInteractionId: '1',
          }),
        'interactions/1/wrap-up-assignments',
        { code: 'Sale', segmentId: 1, time: '20261122T090000Z', user: 'agent1', sourceInteractionId: '1' },
      ],
      [
        () => c.interactions.setAttributes('1', { Custom_Note: 'x' }, { appendMode: 1 }),
        'interactions/1',
        { attributes: { Custom_Note: 'x' }, appendMode: 1 },
      ],
    ];
    for (const [run, path, body] of cases) {
      await run();
      assert.deepEqual(last(), { method: 'POST', path, query: '', body }, path);
    }
  });

  it('refuses malformed commands before sending (secure-pause duration, DTMF digits)', async () => {
    const { c, fetch } = await client();
    const before = fetch.calls.length;
    await assert.rejects(c.interactions.securePause('1', { type: 'specified', duration: 0 }), CicError);
    await assert.rejects(c.interactions.sendDigits('1', '12x'), CicError);
    await assert.rejects(c.transfers.createConference([]), CicError);
    assert.equal(fetch.calls.length, before);
  });

  it('runs the consult steps', async () => {
    const { c, last } = await client((request) =>
      request.url.pathname.endsWith('/consult')
        ? jsonResponse(201, { consultId: 'c1', consultInteractionId: '1002' })
        : jsonResponse(204),
    );
    assert.deepEqual(await c.transfers.startConsult('1', { target: 'agent2' }), {
      consultId: 'c1',
      consultInteractionId: '1002',
    });
    assert.deepEqual(last().body, { target: 'agent2' });
    await c.transfers.changeConsultAudience('1', 'c1', { originalParty: true, consultedParty: true });
    assert.deepEqual(last(), {
      method: 'POST',
      path: 'interactions/1/consult/c1/change-audience',
      query: '',
      body: { audience: { originalParty: true, consultedParty: true } },
    });
    await c.transfers.concludeConsult('1', 'c1');
    assert.equal(last().path, 'interactions/1/consult/c1/conclude');
    await c.transfers.cancelConsult('1', 'c1');
    assert.deepEqual([last().method, last().path], ['DELETE', 'interactions/1/consult/c1']);
  });

  it('creates, extends and invites to a conference', async () => {
    const { c, last } = await client((request) =>
      request.method === 'POST' && request.url.pathname.endsWith('/conferences')
        ? jsonResponse(201, { conferenceId: 'conf1' })
        : jsonResponse(200),
    );
    assert.equal(await c.transfers.createConference(['1', '2']), 'conf1');
    assert.deepEqual(last().body, { interactions: ['1', '2'] });
    await c.transfers.addToConference('conf1', ['3']);
    assert.deepEqual(
      [last().method, last().path, last().body],
      ['PUT', 'interactions/conferences/conf1', { interactions: ['3'] }],
    );
    await c.transfers.inviteToConference('conf1', '+13175550123');
    assert.deepEqual(
      [last().path, last().body],
      ['interactions/conferences/conf1/invite-party', { target: '+13175550123' }],
    );
  });

  it('reads attributes with select and queries phone number details', async () => {
    const { c, last } = await client((request) =>
      request.method === 'GET'
        ? jsonResponse(200, { attributes: { Eic_State: 'C' } })
        : jsonResponse(200, {
            autoDialExtension: '',
            defaultClassification: 'Local',
            dialCapable: true,
            displayText: '(317) 555-0101',
            internal: false,
            normalizedText: '+13175550101',
            queueType: 0,
            rawText: '3175550101',
            voicemailCapable: false,
          }),
    );
    assert.deepEqual(await c.interactions.getAttributes('1', ['Eic_State', 'Eic_RemoteName']), {
      Eic_State: 'C',
    });
    assert.equal(last().query, '?select=Eic_State%2CEic_RemoteName');
    const details = await c.interactions.queryPhoneNumber('3175550101');
    assert.equal(details.normalizedText, '+13175550101');
    assert.deepEqual(
      [last().path, last().body],
      ['phone-numbers/query-details', { phoneNumber: '3175550101' }],
    );
  });
});
