/**
 * The console page (browser side). It registers a window with the emulator, renders what the
 * server sends (tabs, record pages, search, modal, utility bar, Omni-Channel), frames the softphone
 * and relays Open CTI between the frame and the server: messages are accepted only from the
 * softphone frame's window at the adapter's origin, forwarded one at a time (so the log keeps
 * their order), and answered to that origin only.
 */
import {
  PROTOCOL,
  type ConsoleMessage,
  type ConsoleView,
  type FieldView,
  type FrameMessage,
  type OpenCtiResponse,
  type PageView,
  type RowView,
  type ServerEvent,
} from '../protocol.js';

const API = '/__console/v1';
let windowId = '';
let view: ConsoleView | null = null;
let frameGeneration = 0;
let adapterOrigin = '';
let chain: Promise<void> = Promise.resolve();

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

type Child = Node | string | null | undefined | false;
function h(tag: string, attrs: Record<string, string | boolean | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function icon(name: string, cls = 'slds-icon slds-icon_x-small slds-icon-text-default'): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', cls);
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset['icon'] = name;
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', `/__console/slds/assets/icons/utility-sprite/svg/symbols.svg#${name}`);
  svg.append(use);
  return svg;
}

async function api(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${API}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : null;
}

const control = (path: string, body: Record<string, unknown> = {}): void => {
  void api(path, { window: windowId, ...body });
};

// --------------------------------------------------------------------------------------------------
// Open CTI relay

function frameWindow(): Window | null {
  return $<HTMLIFrameElement>('softphone-frame').contentWindow;
}

function onMessage(event: MessageEvent): void {
  const data = event.data as FrameMessage | null;
  const ours = !!data && typeof data === 'object' && (data as { protocol?: unknown }).protocol === PROTOCOL;
  if (event.source !== frameWindow() || event.origin !== adapterOrigin) {
    if (ours) control(`/windows/${windowId}/ignored`, { origin: event.origin, reason: event.origin !== adapterOrigin ? 'wrong origin' : 'not the softphone frame' });
    return;
  }
  if (!ours || !data) return;
  const target = frameWindow();
  const origin = adapterOrigin;
  const reply = (message: ConsoleMessage): void => target?.postMessage(message, origin);
  if (data.kind === 'hello') {
    chain = chain.then(async () => {
      await api(`/windows/${windowId}/hello`, { instanceId: data.instanceId, apiVersion: data.apiVersion });
      reply({ protocol: PROTOCOL, kind: 'welcome', instanceId: data.instanceId });
    });
  } else if (data.kind === 'call') {
    chain = chain.then(async () => {
      const result = (await api(`/windows/${windowId}/opencti`, {
        instanceId: data.instanceId,
        method: data.method,
        args: data.args,
      })) as { response?: OpenCtiResponse } | null;
      if (result?.response) reply({ protocol: PROTOCOL, kind: 'response', instanceId: data.instanceId, requestId: data.requestId, response: result.response });
    });
  }
  chain = chain.catch((error: unknown) => console.error('console emulator relay failed', error));
}

function onServerEvent(event: ServerEvent): void {
  if (event.type === 'state') render(event.state);
  else if (event.type === 'deliver') {
    frameWindow()?.postMessage(
      { protocol: PROTOCOL, kind: 'event', instanceId: event.instanceId, listenerId: event.listenerId, payload: event.payload } satisfies ConsoleMessage,
      adapterOrigin,
    );
  } else if (event.type === 'reload') window.location.reload();
}

// --------------------------------------------------------------------------------------------------
// Rendering

function render(next: ConsoleView): void {
  view = next;
  document.title = `${next.page.title} | ${next.orgName} (console emulator)`;
  $('user-name').textContent = `${next.userName} · ${next.orgName} · window ${next.windowId}`;
  renderFrame(next);
  renderUtility(next);
  renderTabs(next);
  renderPage(next.page, next.utility.clickToDialEnabled);
  renderModal(next);
  renderOmni(next);
  renderCustomer(next);
}

function renderFrame(v: ConsoleView): void {
  const frame = $<HTMLIFrameElement>('softphone-frame');
  if (v.frame.generation !== frameGeneration) {
    frameGeneration = v.frame.generation;
    adapterOrigin = new URL(v.frame.url).origin;
    frame.src = v.frame.url;
  }
}

function renderUtility(v: ConsoleView): void {
  const u = v.utility;
  const item = $('utility-softphone');
  item.replaceChildren(icon(u.itemIcon, 'slds-icon slds-icon_x-small slds-icon-text-default'), h('span', { id: 'utility-label' }, u.itemLabel));
  item.setAttribute('aria-pressed', String(u.panelOpen));
  item.dataset['icon'] = u.itemIcon;
  const panel = $('softphone-panel');
  panel.classList.toggle('minimized', !u.panelOpen);
  panel.style.height = `${u.height}px`;
  panel.style.width = `${u.width}px`;
  $('panel-title').replaceChildren(icon(u.panelIcon), h('span', {}, u.panelLabel));
  $('c2d-state').textContent = u.clickToDialEnabled ? 'click-to-dial on' : 'click-to-dial off';
}

function renderTabs(v: ConsoleView): void {
  $('tabs').replaceChildren(
    ...v.tabs.map((t) =>
      h(
        'li',
        { class: `tab${t.active ? ' active' : ''}`, 'data-tab-id': t.id },
        h('button', { class: 'tab-label', onclick: () => control('/tabs/focus', { tabId: t.id }) }, t.label),
        t.closable && h('button', { class: 'tab-close', title: `Close ${t.label}`, onclick: () => control('/tabs/close', { tabId: t.id }) }, '×'),
      ),
    ),
  );
}

function fieldNode(f: FieldView, recordId: string, clickToDial: boolean): Node {
  if (f.dial && clickToDial) {
    return h(
      'a',
      {
        href: '#',
        class: 'click-to-dial',
        'data-record-id': recordId,
        'data-field': f.name,
        onclick: (e: Event) => {
          e.preventDefault();
          control('/click-to-dial', { recordId, field: f.name });
        },
      },
      icon('call', 'slds-icon slds-icon_xx-small slds-icon-text-default'),
      ` ${f.value}`,
    );
  }
  if (f.link) return recordLink(f.link.recordId, f.value);
  return h('span', f.dial ? { class: 'phone-text', 'data-record-id': recordId, 'data-field': f.name } : {}, f.value);
}

function recordLink(recordId: string, label: string): HTMLElement {
  return h(
    'a',
    {
      href: '#',
      'data-record-link': recordId,
      onclick: (e: Event) => {
        e.preventDefault();
        control('/navigate', { recordId });
      },
    },
    label,
  );
}

function rowsTable(rows: RowView[], clickToDial: boolean): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'No records.');
  return h(
    'table',
    { class: 'slds-table slds-table_bordered slds-table_cell-buffer' },
    h('tbody', {}, ...rows.map((r) => h('tr', { 'data-row': r.recordId }, h('th', {}, recordLink(r.recordId, r.name)), ...r.fields.map((f) => h('td', { title: f.label }, fieldNode(f, r.recordId, clickToDial)))))),
  );
}

function renderPage(page: PageView, clickToDial: boolean): void {
  const root = $('workspace');
  const header = h('div', { class: 'page-header' }, h('h1', { class: 'slds-text-heading_medium' }, page.title));
  switch (page.kind) {
    case 'home':
      root.replaceChildren(header, h('h2', { class: 'slds-text-heading_small' }, 'Records'), rowsTable(page.recent, clickToDial));
      break;
    case 'record': {
      header.prepend(h('p', { class: 'slds-text-title_caps' }, page.objectLabel));
      const details = h(
        'dl',
        { class: 'details' },
        ...page.fields.flatMap((f) => [h('dt', {}, f.label), h('dd', { 'data-field-name': f.name }, fieldNode(f, page.recordId, clickToDial))]),
      );
      const related = page.related.map((r) => h('section', { class: 'related' }, h('h2', { class: 'slds-text-heading_small' }, `${r.label} (${r.rows.length})`), rowsTable(r.rows, clickToDial)));
      const activity = h(
        'section',
        { class: 'activity', 'data-activity': page.recordId },
        h('h2', { class: 'slds-text-heading_small' }, 'Activity History'),
        page.activity.length === 0
          ? h('p', { class: 'empty' }, 'No past activity.')
          : h(
              'ul',
              {},
              ...page.activity.map((a) =>
                h(
                  'li',
                  { 'data-task-id': a.id },
                  h('strong', {}, recordLink(a.id, a.subject || '(no subject)')),
                  h(
                    'span',
                    { class: 'meta' },
                    ` ${[a.callType, a.status, a.durationSeconds !== null ? `${a.durationSeconds}s` : '', a.disposition, a.who, a.what].filter(Boolean).join(' · ')}`,
                  ),
                  a.comments ? h('p', {}, a.comments) : null,
                ),
              ),
            ),
      );
      root.replaceChildren(header, h('div', { class: 'record-layout' }, h('div', {}, details, ...related), activity));
      break;
    }
    case 'search':
      root.replaceChildren(
        header,
        ...(page.groups.length === 0
          ? [h('p', { class: 'empty' }, 'No results.')]
          : page.groups.map((g) => h('section', { 'data-group': g.objectType }, h('h2', { class: 'slds-text-heading_small' }, `${g.label} (${g.rows.length})`), rowsTable(g.rows, clickToDial)))),
      );
      break;
    case 'objecthome':
    case 'list':
      root.replaceChildren(header, rowsTable(page.rows, clickToDial));
      break;
    case 'url':
      root.replaceChildren(
        header,
        h('p', {}, 'Page: ', h('code', { 'data-url': page.url }, page.url)),
        page.query.length > 0 ? h('dl', { class: 'details' }, ...page.query.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : '',
      );
      break;
    case 'flow':
      root.replaceChildren(header, h('pre', { class: 'flow-args' }, JSON.stringify(page.flowArgs, null, 2)));
      break;
  }
}

function renderModal(v: ConsoleView): void {
  const root = $('modal-root');
  const m = v.modal;
  if (!m) {
    root.replaceChildren();
    return;
  }
  const form = h(
    'form',
    {
      class: 'modal-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const fields: Record<string, string> = {};
        for (const input of Array.from((e.target as HTMLFormElement).querySelectorAll('input'))) if (input.value !== '') fields[input.name] = input.value;
        control('/modal/save', { fields });
      },
    },
    ...m.fields.map((f) => h('label', { class: 'slds-form-element' }, h('span', {}, `${f.required ? '* ' : ''}${f.label}`), h('input', { class: 'slds-input', name: f.name, value: f.value }))),
    m.error ? h('p', { class: 'modal-error', role: 'alert' }, m.error) : null,
    h(
      'div',
      { class: 'modal-buttons' },
      h('button', { type: 'button', class: 'slds-button slds-button_neutral', onclick: () => control('/modal/cancel') }, 'Cancel'),
      h('button', { type: 'submit', class: 'slds-button slds-button_brand' }, 'Save'),
    ),
  );
  root.replaceChildren(h('div', { class: 'modal-backdrop' }, h('section', { class: 'modal', role: 'dialog', 'aria-label': m.label, 'data-entity': m.entityName }, h('h2', { class: 'slds-text-heading_medium' }, m.label), form)));
}

function renderOmni(v: ConsoleView): void {
  const o = v.omni;
  const select = h(
    'select',
    {
      id: 'omni-status',
      class: 'slds-select',
      onchange: (e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        control('/omni/status', value === '' ? { statusApiName: null } : { statusApiName: value });
      },
    },
    h('option', { value: '', selected: !o.loggedIn }, 'Offline'),
    ...o.statuses.map((s) => h('option', { value: s.statusApiName, selected: s.statusId === o.statusId }, `${s.statusName}${s.away ? ' (away)' : ''}`)),
  );
  $('omni-body').replaceChildren(
    h('label', {}, 'Status ', select),
    h('p', { id: 'omni-workload' }, `Workload ${o.workload} / ${o.configuredCapacity}`),
    h('ul', {}, ...o.works.map((w) => h('li', {}, `${w.workItemId} — ${w.state}`))),
  );
  $('utility-omni').replaceChildren(icon('omni_channel'), h('span', {}, o.loggedIn ? `Omni: ${o.statusName ?? ''}` : 'Omni: Offline'));
}

function renderCustomer(v: ConsoleView): void {
  const select = $<HTMLSelectElement>('customer');
  if (select.options.length !== v.customers.length) {
    select.replaceChildren(...v.customers.map((c) => h('option', { value: c.from }, `${c.fromName} ${c.from}${c.note ? ` (${c.note})` : ''}`)));
  }
  $<HTMLButtonElement>('ring').disabled = !v.cicControlConfigured || v.customerCall !== null;
  $<HTMLButtonElement>('hangup').disabled = v.customerCall === null;
  $('customer-status').textContent = v.notice ?? (v.customerCall ? `Calling as ${v.customerCall.fromName} (${v.customerCall.interactionId})` : v.cicControlConfigured ? '' : 'No CIC simulator configured');
}

// --------------------------------------------------------------------------------------------------
// Start

async function main(): Promise<void> {
  window.addEventListener('message', onMessage);
  $('utility-softphone').addEventListener('click', () => control('/utility/toggle', {}));
  $('panel-minimize').addEventListener('click', () => control('/utility/toggle', { open: false }));
  $('utility-omni').addEventListener('click', () => $('omni-panel').classList.toggle('minimized'));
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $<HTMLInputElement>('search-input');
    if (input.value.trim().length >= 2) control('/search', { searchString: input.value.trim() });
  });
  $('ring').addEventListener('click', () => {
    const select = $<HTMLSelectElement>('customer');
    const customer = view?.customers.find((c) => c.from === select.value);
    control('/customer/ring', customer ? { from: customer.from, fromName: customer.fromName } : {});
  });
  $('hangup').addEventListener('click', () => control('/customer/hangup'));
  const registered = (await api('/windows', { origin: window.location.origin })) as { windowId: string };
  windowId = registered.windowId;
  document.addEventListener('visibilitychange', () => control(`/windows/${windowId}/visibility`, { visible: !document.hidden }));
  const events = new EventSource(`${API}/windows/${windowId}/events`);
  events.onmessage = (e: MessageEvent<string>) => onServerEvent(JSON.parse(e.data) as ServerEvent);
}

void main();
