/**
 * Script and markup in anything the server, a caller or an administrator controls render as inert
 * text: remote names and addresses, status texts and notes, directory entries, wrap-up labels,
 * transfer candidates, the user's display name, call history and the user agreement. For each, the
 * panel is fed the payloads through the real store, then: no element was made from them (no
 * <img>, <script>, <iframe>, no `on*` attribute, no javascript: link anywhere in the panel's shadow
 * roots), no payload handler ran (each would set a global flag), and the text shows the payload
 * literally.
 */
import { expect } from '@open-wc/testing';
import type { DirectoryEntry, HistoryEntry, TransferCandidate } from '../../../src/domain/index.js';
import {
  AGENT,
  CATALOG,
  CONNECTED_CAPS,
  deepElements,
  inboundCall,
  server,
  SoftphoneHarness,
  statusMessage,
  T0,
} from '../../support/softphone-harness.js';

declare global {
  interface Window {
    __xss?: string[];
  }
}

/** Payloads that, if parsed as HTML or evaluated, record `tag` in `window.__xss`. */
function payloads(tag: string): string[] {
  const run = `(window.__xss=window.__xss||[]).push('${tag}')`;
  return [
    `<img src=x onerror="${run}">`,
    `<script>${run}</script>`,
    `"><svg onload="${run}">`,
    `javascript:${run}`,
    `' onmouseover='${run}' x='`,
    `\${${run}}`,
  ];
}

const FORBIDDEN = ['script', 'img', 'iframe', 'object', 'embed', 'foreignobject', 'image'];

/** Text of the panel including every shadow root. */
function deepText(root: Node): string {
  let text = '';
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) text += ` ${node.value} `;
  };
  visit(root);
  return text;
}

/** Elements or attributes the payloads could have created. */
function injected(h: SoftphoneHarness): string[] {
  const found: string[] = [];
  for (const el of deepElements(h.element)) {
    const name = el.localName.toLowerCase();
    if (FORBIDDEN.includes(name)) found.push(`<${name}> ${el.outerHTML.slice(0, 120)}`);
    for (const attr of el.getAttributeNames()) {
      if (attr.toLowerCase().startsWith('on')) found.push(`${name}[${attr}]`);
      const value = el.getAttribute(attr) ?? '';
      if (/^\s*javascript:/i.test(value)) found.push(`${name}[${attr}=${value.slice(0, 60)}]`);
    }
  }
  return found;
}

/** Waits long enough for an onerror/onload to have fired had an element been created. */
async function letHandlersRun(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

async function expectInert(h: SoftphoneHarness, shown: readonly string[]): Promise<void> {
  await letHandlersRun();
  expect(injected(h), 'elements made from remote text').to.deep.equal([]);
  expect(window.__xss ?? [], 'payload handlers that ran').to.deep.equal([]);
  const text = deepText(h.element);
  for (const payload of shown) expect(text, 'the payload shown as text').to.contain(payload);
}

describe('remote text renders inert', () => {
  let h: SoftphoneHarness | null = null;
  beforeEach(() => {
    window.__xss = [];
  });
  afterEach(() => {
    h?.unmount();
    h = null;
  });

  it('the harness detects a payload that does run (the checks can fail)', async () => {
    h = await SoftphoneHarness.loggedOn();
    const probe = document.createElement('div');
    probe.innerHTML = payloads('probe')[0] ?? '';
    h.element.shadowRoot?.append(probe);
    await letHandlersRun();
    expect(injected(h)).to.have.length.greaterThan(0);
    expect(window.__xss).to.deep.equal(['probe']);
    probe.remove();
  });

  it('remote names and addresses of calls', async () => {
    h = await SoftphoneHarness.loggedOn();
    const [name, , svg, js] = payloads('call');
    await h.feed(
      server.added('1001', inboundCall('A', CONNECTED_CAPS, { Eic_RemoteName: name!, Eic_RemoteAddress: js! })),
      server.added('1002', inboundCall('C', CONNECTED_CAPS, { Eic_RemoteName: svg!, Eic_RemoteAddress: '+13175550000' })),
    );
    await expectInert(h, [name!, svg!]);
  });

  it('status texts and status notes', async () => {
    h = await SoftphoneHarness.loggedOn();
    const [img, script, , , attr] = payloads('status');
    await h.feed(
      server.catalog([...CATALOG, statusMessage(img!, { messageText: img! }), statusMessage('S2', { messageText: script! })]),
      server.access([...CATALOG.map((s) => s.statusId), img!, 'S2']),
      server.myStatus(img!, T0, { notes: attr! }),
    );
    await expectInert(h, [img!]);
  });

  it('the user display name and the user agreement', async () => {
    h = await SoftphoneHarness.mount();
    const [img, script, svg] = payloads('agreement');
    await h.feed(server.config(), server.serverInfo({ userAgreementText: `${img}\n${script}\n${svg}` }));
    await h.type('User ID', AGENT);
    await h.type('Password', 'secret');
    await h.click('Log On');
    await h.feed(server.connected({ displayName: svg! }));
    await expectInert(h, [img!, script!]);
  });

  it('directory entries', async () => {
    h = await SoftphoneHarness.loggedOn();
    await h.click({ role: 'button', name: 'Directory', within: 'Views' });
    const request = h.effectsOf('cic.directory.page').at(-1)!;
    const [img, script, svg, js] = payloads('directory');
    const entries: DirectoryEntry[] = [
      { entryId: 'e1', userId: 'agent2', displayName: img!, firstName: script!, lastName: svg!, extension: '7002', number: js! },
      { entryId: 'e2', userId: null, displayName: '', firstName: svg!, lastName: img!, extension: js!, number: '' },
    ];
    await h.feed(
      { kind: 'obs.directory.page', requestId: request.requestId, index: 0, totalCount: 2, filteredCount: 2, entries },
      { kind: 'obs.status.user', isDelta: true, statuses: [{ userId: 'agent2', statusId: 'Available', notes: script! }] },
    );
    await expectInert(h, [img!]);
  });

  it('wrap-up code labels', async () => {
    h = await SoftphoneHarness.loggedOn();
    const [img, script] = payloads('wrapup');
    await h.feed(
      {
        kind: 'obs.config.wrapUpCodes',
        workgroups: [
          {
            workgroup: 'Support',
            codes: [
              { id: 'W1', label: img!, description: img! },
              { id: 'W2', label: script!, description: script! },
            ],
          },
        ],
      },
      server.added('1001', inboundCall('C', CONNECTED_CAPS, { Eic_RemoteName: script! })),
    );
    await h.feed(server.changed('1001', inboundCall('I', CONNECTED_CAPS, { Eic_RemoteName: script! })));
    expect(h.state.wrapUp.prompts).to.have.length(1);
    await expectInert(h, [script!]);
  });

  it('transfer candidates', async () => {
    h = await SoftphoneHarness.loggedOn();
    await h.feed(server.added('1001', inboundCall('C', CONNECTED_CAPS)));
    await h.click({ role: 'button', name: 'Transfer', within: 'Call controls' });
    await h.type('Name or number', 'a');
    const request = h.effectsOf('cic.transfer.search').at(-1)!;
    const [img, script, svg] = payloads('transfer');
    const candidates: TransferCandidate[] = [
      {
        target: { kind: 'user', userId: 'agent2', displayName: img! },
        extension: script!,
        firstName: svg!,
        lastName: img!,
        statusId: svg!,
        loggedIn: true,
        onPhone: false,
      },
      { target: { kind: 'workgroup', name: svg! }, extension: '', firstName: '', lastName: '', statusId: null, loggedIn: null, onPhone: null },
    ];
    await h.feed({ kind: 'obs.transfer.results', requestId: request.requestId, candidates });
    await expectInert(h, [img!]);
  });

  it('call history entries', async () => {
    h = await SoftphoneHarness.loggedOn();
    const [img, script, svg, js] = payloads('history');
    const entries: HistoryEntry[] = [
      { interactionId: 'h1', direction: 'incoming', outcome: 'connected', initiatedAt: T0 - 60_000, terminatedAt: T0 - 30_000, remoteAddress: js!, remoteName: img!, remoteId: '' },
      { interactionId: 'h2', direction: 'outgoing', outcome: 'none', initiatedAt: T0 - 50_000, terminatedAt: null, remoteAddress: '3175550000', remoteName: script!, remoteId: svg! },
    ];
    await h.feed({ kind: 'obs.history', isDelta: false, entries });
    await h.click({ role: 'button', name: 'Call History', within: 'Views' });
    await expectInert(h, [img!, script!]);
  });
});
