/**
 * SoftphoneHarness: mounts `<cic-softphone>` on a real domain store and drives it the way an agent
 * would — clicking controls found by role and accessible name (with the real mouse), typing and
 * pressing keys (real keyboard) — while the test plays the server by feeding the observations
 * the runtime would report. Intents the panel raises are recorded and, like the runtime, stepped
 * into the store; the effects those steps ask for are recorded too (nothing executes them).
 *
 * Time is manual: `now` only moves with `tick()`, so durations and countdowns are deterministic.
 */
import { fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  createStore,
  initialSoftphoneState,
  interactionId,
  step,
  type Effect,
  type Input,
  type Intent,
  type Observation,
  type QueueItem,
  type SoftphoneState,
  type StatusMessage,
  type Store,
} from '../../src/domain/index.js';
import '../../src/ui/index.js';
import type { CicSoftphone } from '../../src/ui/cic-softphone.js';

export {
  T0,
  ALL_RIGHTS,
  ALL_LICENCES,
  CONNECTED_CAPS,
  ALERTING_CAPS,
  HELD_CAPS,
} from '../../src/domain/testing/fixtures.js';
import { ALL_LICENCES, ALL_RIGHTS, T0 } from '../../src/domain/testing/fixtures.js';
export const SERVER = 'cic1.example.com';
export const AGENT = 'agent1';
export const AGENT_NAME = 'Agent One';

/** A status catalog entry (what `statusMessageList` carries), with defaults. */
export function statusMessage(id: string, patch: Partial<StatusMessage> = {}): StatusMessage {
  return {
    statusId: id,
    messageText: id,
    iconUri: '',
    groupTag: '',
    canHaveDate: false,
    canHaveTime: false,
    isDoNotDisturbStatus: false,
    isSelectableStatus: true,
    isForwardStatus: false,
    isAcdStatus: false,
    isAfterCallWorkStatus: false,
    isPersistentStatus: false,
    ...patch,
  };
}

/** Part of the CIC default status list. */
export const CATALOG: readonly StatusMessage[] = [
  statusMessage('Available', { isAcdStatus: true }),
  statusMessage('Available, Forward', { isForwardStatus: true }),
  statusMessage('At Lunch', { isDoNotDisturbStatus: true, canHaveTime: true }),
  statusMessage('Out of the Office', { isDoNotDisturbStatus: true, canHaveDate: true, canHaveTime: true }),
  statusMessage('Available, Not Answering Calls', { isSelectableStatus: false }),
  statusMessage('Gone Home', { isDoNotDisturbStatus: true }),
];

/** Attributes of an inbound ACD call in a state (`Eic_State` letter). */
export function inboundCall(
  letter: string,
  caps: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  const text: Record<string, string> = {
    A: 'Alerting',
    C: 'Connected',
    H: 'Held',
    I: 'Disconnected',
    E: 'Disconnected',
  };
  return {
    Eic_State: letter,
    Eic_CallStateString: text[letter] ?? '',
    Eic_CallDirection: 'I',
    Eic_CallType: 'E',
    Eic_ObjectType: 'Call',
    Eic_RemoteAddress: '+13175551234',
    Eic_RemoteName: 'Pat Caller',
    Eic_WorkgroupName: 'Support',
    Eic_Capabilities: String(caps),
    ...extra,
  };
}

function queueItem(id: string, attributes: Record<string, string>, conferenceParentId?: string): QueueItem {
  return conferenceParentId === undefined
    ? { interactionId: interactionId(id), attributes }
    : { interactionId: interactionId(id), attributes, conferenceParentId };
}

/** What the server reports, as observations (one builder per message the runtime maps). */
export const server = {
  config(
    patch: {
      server?: string | null;
      allowedIdentityProviders?: readonly string[] | null;
      allowedAuthTypes?: { ic: boolean; sso: boolean };
    } = {},
  ): Observation {
    return {
      kind: 'obs.panel.config',
      config: {
        server: patch.server === undefined ? SERVER : patch.server,
        allowedIdentityProviders: patch.allowedIdentityProviders ?? null,
        alternateServers: [],
        allowedAuthTypes: patch.allowedAuthTypes ?? { ic: true, sso: true },
        queueRetentionSeconds: 120,
        wrapUpPromptSeconds: 60,
        snippetRecordingEnabled: true,
        passwordWarningDays: 7,
      },
    };
  },
  serverInfo(
    patch: {
      server?: string;
      allowIcAuth?: boolean;
      identityProviders?: readonly { id: string; displayName: string }[];
      userAgreementText?: string | null;
    } = {},
  ): Observation {
    return {
      kind: 'obs.serverInfo',
      server: patch.server ?? SERVER,
      info: {
        allowIcAuth: patch.allowIcAuth ?? true,
        identityProviders: patch.identityProviders ?? [],
        userAgreementText: patch.userAgreementText ?? null,
      },
    };
  },
  connected(
    patch: {
      userId?: string;
      displayName?: string;
      effectiveStation?: { id: string; displayName: string } | null;
      daysUntilPasswordExpiration?: number | null;
      serverTime?: number | null;
    } = {},
  ): Observation {
    return {
      kind: 'obs.session.connected',
      sessionId: 's1',
      user: { userId: patch.userId ?? AGENT, displayName: patch.displayName ?? AGENT_NAME },
      icServer: 'CIC1',
      features: { messaging: 2 },
      effectiveStation: patch.effectiveStation ?? null,
      alternateHosts: [],
      serverTime: patch.serverTime === undefined ? null : patch.serverTime,
      daysUntilPasswordExpiration: patch.daysUntilPasswordExpiration ?? 30,
    };
  },
  rights(rights: readonly string[] = ALL_RIGHTS, licences: readonly string[] = ALL_LICENCES): Observation {
    return { kind: 'obs.user.rights', rights, licences };
  },
  userPrefs(prefs: Extract<Observation, { kind: 'obs.storage.userPrefs' }>['prefs'] = null): Observation {
    return { kind: 'obs.storage.userPrefs', userId: AGENT, prefs };
  },
  workstation(name = '7001'): Observation {
    return {
      kind: 'obs.station.changed',
      station: { kind: 'workstation', id: name, displayName: name, remoteNumber: null, persistent: false },
    };
  },
  catalog(statuses: readonly StatusMessage[] = CATALOG): Observation {
    return { kind: 'obs.status.catalog', isDelta: false, upserted: statuses, removed: [] };
  },
  access(
    ids: readonly string[] = CATALOG.map((s) => s.statusId).filter((s) => s !== 'Gone Home'),
  ): Observation {
    return { kind: 'obs.status.access', userId: AGENT, isDelta: false, added: ids, removed: [] };
  },
  myStatus(
    statusId: string,
    changedAt: number,
    patch: { notes?: string; forwardNumber?: string } = {},
  ): Observation {
    return {
      kind: 'obs.status.user',
      isDelta: true,
      statuses: [{ userId: AGENT, statusId, loggedIn: true, onPhone: false, changedAt, ...patch }],
    };
  },
  emptyQueue(): Observation {
    return { kind: 'obs.queue.snapshot', interactions: [] };
  },
  added(id: string, attributes: Record<string, string>, conferenceParentId?: string): Observation {
    return {
      kind: 'obs.queue.delta',
      added: [queueItem(id, attributes, conferenceParentId)],
      changed: [],
      removed: [],
    };
  },
  changed(id: string, attributes: Record<string, string>): Observation {
    return { kind: 'obs.queue.delta', added: [], changed: [queueItem(id, attributes)], removed: [] };
  },
  removed(...ids: string[]): Observation {
    return { kind: 'obs.queue.delta', added: [], changed: [], removed: ids.map(interactionId) };
  },
  wrapUpCodes(): Observation {
    return {
      kind: 'obs.config.wrapUpCodes',
      workgroups: [
        {
          workgroup: 'Support',
          codes: [
            { id: 'W2', label: 'Sale', description: 'Sale made' },
            { id: 'W1', label: 'Billing', description: 'Billing question' },
          ],
        },
      ],
    };
  },
};

/** Options for {@link SoftphoneHarness.loggedOn}. */
export interface AgentOptions {
  readonly rights?: readonly string[];
  readonly licences?: readonly string[];
  /** Skip the station step (default: a workstation "7001" is connected). */
  readonly station?: boolean;
}

type Root = Document | ShadowRoot;

const IMPLICIT_ROLE: Readonly<Record<string, string>> = {
  BUTTON: 'button',
  SELECT: 'combobox',
  TEXTAREA: 'textbox',
  OPTION: 'option',
  DIALOG: 'dialog',
  NAV: 'navigation',
  UL: 'list',
  OL: 'list',
  LI: 'listitem',
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  FIELDSET: 'group',
  FORM: 'form',
};

/** The role an element exposes (explicit `role`, else the HTML default). */
export function roleOf(el: Element): string {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0]!;
  if (el instanceof HTMLInputElement) {
    switch (el.type) {
      case 'checkbox':
        return 'checkbox';
      case 'radio':
        return 'radio';
      case 'button':
      case 'submit':
      case 'reset':
        return 'button';
      case 'search':
        return 'searchbox';
      case 'hidden':
        return '';
      default:
        return 'textbox';
    }
  }
  if (el instanceof HTMLAnchorElement) return el.hasAttribute('href') ? 'link' : '';
  if (el.tagName === 'SECTION')
    return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : '';
  return IMPLICIT_ROLE[el.tagName] ?? '';
}

const NAME_FROM_CONTENT = new Set([
  'button',
  'link',
  'option',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'heading',
  'checkbox',
  'radio',
  'switch',
  'cell',
  'row',
  'listitem',
  'treeitem',
  'tooltip',
]);

function isHidden(el: Element): boolean {
  return el.getAttribute('aria-hidden') === 'true' || (el instanceof HTMLElement && el.hidden);
}

/** Text as assistive technology reads it: skips `aria-hidden` subtrees, follows slots. */
export function spokenText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || isHidden(node)) return '';
  if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(spokenText).join('');
  if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
  const label = node.getAttribute('aria-label');
  if (label) return ` ${label} `;
  const children = node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
  const text = children.map(spokenText).join('');
  return /^(DIV|P|LI|SECTION|HEADER|FOOTER|H\d)$/.test(node.tagName) ? ` ${text} ` : text;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A simplified accessible-name computation (aria-labelledby, aria-label, labels, content, title). */
export function accessibleName(el: Element): string {
  const root = el.getRootNode() as Root;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return clean(
      labelledBy
        .split(/\s+/)
        .map((id) => {
          const ref = root.getElementById(id);
          return ref ? spokenText(ref) : '';
        })
        .join(' '),
    );
  }
  const label = el.getAttribute('aria-label');
  if (label && clean(label) !== '') return clean(label);
  if (
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement
  ) {
    const fromLabels = clean([...(el.labels ?? [])].map(spokenText).join(' '));
    if (fromLabels) return fromLabels;
  }
  if (el instanceof HTMLFieldSetElement) {
    const legend = el.querySelector('legend');
    if (legend) return clean(spokenText(legend));
  }
  if (NAME_FROM_CONTENT.has(roleOf(el))) {
    const text = clean(spokenText(el.shadowRoot ?? el));
    if (text) return text;
  }
  const title = el.getAttribute('title');
  if (title) return clean(title);
  if (el instanceof HTMLInputElement && el.placeholder) return clean(el.placeholder);
  return '';
}

/** Every element under `root`, shadow roots included, in tree order (hosts before their shadow). */
export function deepElements(root: Root | Element): Element[] {
  const out: Element[] = [];
  const visit = (scope: Root | Element) => {
    for (const el of scope.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element) {
    out.push(root);
    if (root.shadowRoot) visit(root.shadowRoot);
  }
  visit(root instanceof Element ? root : root);
  return [...new Set(out)];
}

/** The parent in the flat tree (slots, shadow hosts). */
function flatParent(node: Node): Node | null {
  if (node instanceof Element && node.assignedSlot) return node.assignedSlot;
  if (node instanceof ShadowRoot) return node.host;
  return node.parentNode;
}

/** Whether `node` is `ancestor` or inside it in the flat tree. */
export function flatContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n !== null; n = flatParent(n)) if (n === ancestor) return true;
  return false;
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

function isVisible(el: Element): boolean {
  return el.checkVisibility({ visibilityProperty: true });
}

/** What to look for: a role and an accessible name (exact string or pattern), optionally within a named region. */
export interface Target {
  readonly role?: string;
  readonly name?: string | RegExp;
  /** Only inside the element with this accessible name (a region, dialog, list…). */
  readonly within?: string | RegExp;
}

function describe(target: Target): string {
  return `${target.role ?? 'element'} "${String(target.name ?? '')}"${target.within ? ` within "${String(target.within)}"` : ''}`;
}

const INTERACTIVE = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'checkbox',
  'radio',
  'combobox',
  'menuitem',
  'option',
  'tab',
  'switch',
]);

/** The harness. One per test; call `unmount()` in `afterEach`. */
export class SoftphoneHarness {
  readonly store: Store<SoftphoneState, Input>;
  readonly element: CicSoftphone;
  /** Every intent the panel raised, in order. */
  readonly intents: Intent[] = [];
  /** Every effect the store's steps asked for, in order. */
  readonly effects: Effect[] = [];
  now: number;

  private constructor(
    element: CicSoftphone,
    store: Store<SoftphoneState, Input>,
    now: number,
    dispatchIntents = true,
  ) {
    this.element = element;
    this.store = store;
    this.now = now;
    store.subscribe((result) => this.effects.push(...result.effects));
    element.addEventListener('softphone-intent', (event) => {
      this.intents.push(event.detail);
      if (dispatchIntents) this.store.dispatch({ ...event.detail, now: this.now });
    });
  }

  /**
   * Drives a running `<cic-softphone-app>` (the real runtime, ports and server): the harness only
   * acts like the agent and watches; the app's runtime dispatches the intents and keeps time.
   */
  static async live(
    app: HTMLElement & { store: Store<SoftphoneState, Input> | null },
  ): Promise<SoftphoneHarness> {
    const element = app.querySelector('cic-softphone') as CicSoftphone | null;
    if (element === null || app.store === null) throw new Error('the app has not started');
    const harness = new SoftphoneHarness(element, app.store, app.store.getState().now, false);
    await harness.settle();
    return harness;
  }

  /** Waits (up to `ms`) until the live state passes `test`, then for the panel to render. */
  async until(test: (state: SoftphoneState) => boolean, what: string, ms = 10_000): Promise<SoftphoneState> {
    if (!test(this.state)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          const { session, station } = this.state;
          const seen = `phase ${session.current.phase}, station ${station.step} ${JSON.stringify(station.current)}, error ${session.error ?? station.error ?? 'none'}`;
          reject(new Error(`timed out waiting for ${what} (${seen})`));
        }, ms);
        const off = this.store.subscribe(() => {
          if (!test(this.state)) return;
          clearTimeout(timer);
          off();
          resolve();
        });
      });
    }
    await this.settle();
    return this.state;
  }

  /** Mounts the panel `width` pixels wide on a fresh store at local time {@link T0}. */
  static async mount(options: { width?: number; state?: SoftphoneState } = {}): Promise<SoftphoneHarness> {
    const store = createStore<SoftphoneState, Input>(options.state ?? initialSoftphoneState(T0), step);
    const element = await fixture<CicSoftphone>(
      html`<cic-softphone style="width: ${options.width ?? 300}px" .store=${store}></cic-softphone>`,
    );
    const harness = new SoftphoneHarness(element, store, store.getState().now);
    await harness.settle();
    return harness;
  }

  /**
   * A panel past authentication, at the station step (no station reported by the server), with
   * the given rights and stored preferences; the forms before it are skipped.
   */
  static async atStationStep(
    options: AgentOptions & {
      width?: number;
      prefs?: Extract<Observation, { kind: 'obs.storage.userPrefs' }>['prefs'];
      effectiveStation?: { id: string; displayName: string } | null;
    } = {},
  ): Promise<SoftphoneHarness> {
    const h = await SoftphoneHarness.mount(options.width === undefined ? {} : { width: options.width });
    const inputs: Input[] = [
      server.config(),
      server.serverInfo(),
      {
        kind: 'intent.logon',
        auth: { type: 'ic', userId: AGENT, password: 'secret' },
        alwaysUseAuthType: false,
      },
      server.connected({ effectiveStation: options.effectiveStation ?? null }),
      server.rights(options.rights, options.licences),
      server.userPrefs(options.prefs ?? null),
    ];
    for (const input of inputs) h.store.dispatch({ ...input, now: h.now });
    await h.settle();
    return h;
  }

  /** A panel already logged on (rights, station, statuses, empty queue), skipping the forms. */
  static async loggedOn(options: AgentOptions & { width?: number } = {}): Promise<SoftphoneHarness> {
    const h = await SoftphoneHarness.atStationStep(options);
    const inputs: Input[] = [];
    if (options.station !== false) {
      inputs.push(
        { kind: 'intent.selectStation', choice: { kind: 'workstation', name: '7001' }, remember: false },
        server.workstation(),
      );
    }
    inputs.push(
      server.catalog(),
      server.access(),
      server.myStatus('Available', T0 - 60_000),
      server.wrapUpCodes(),
      server.emptyQueue(),
    );
    for (const input of inputs) h.store.dispatch({ ...input, now: h.now });
    h.effects.length = 0;
    await h.settle();
    return h;
  }

  get state(): SoftphoneState {
    return this.store.getState();
  }

  /** Feeds observations as the runtime would report them, then waits for the panel to render. */
  async feed(...observations: Observation[]): Promise<void> {
    for (const o of observations) this.store.dispatch({ ...o, now: this.now } as Input);
    await this.settle();
  }

  /** Moves the clock on and sends the tick the runtime sends every second. */
  async tick(ms: number): Promise<void> {
    this.now += ms;
    this.store.dispatch({ kind: 'clock.tick', now: this.now });
    await this.settle();
  }

  /** Waits until no Lit element in the panel has an update pending. */
  async settle(): Promise<void> {
    for (let round = 0; round < 50; round += 1) {
      const pending = deepElements(this.element).filter(
        (el): el is Element & { isUpdatePending: boolean; updateComplete: Promise<unknown> } =>
          'updateComplete' in el && (el as unknown as { isUpdatePending: boolean }).isUpdatePending,
      );
      if (pending.length === 0) {
        // One more frame for focus moves and dialog opening done in `updated()`.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (!deepElements(this.element).some((el) => (el as { isUpdatePending?: boolean }).isUpdatePending))
          return;
        continue;
      }
      await Promise.all(pending.map((el) => el.updateComplete));
    }
    throw new Error('the panel keeps re-rendering');
  }

  /** The elements a user can currently reach: visible, and inside the open modal dialog if any. */
  reachable(): Element[] {
    const all = deepElements(this.element).filter(isVisible);
    const modal = all.find((el) => el instanceof HTMLDialogElement && el.matches(':modal'));
    return modal === undefined ? all : all.filter((el) => flatContains(modal, el));
  }

  /** All reachable elements matching the target. */
  queryAll(target: Target): Element[] {
    let scope = this.reachable();
    if (target.within !== undefined) {
      const containers = scope.filter((el) => matchesName(accessibleName(el), target.within!));
      if (containers.length === 0) return [];
      scope = scope.filter((el) => containers.some((c) => c !== el && flatContains(c, el)));
    }
    return scope.filter(
      (el) =>
        (target.role === undefined || roleOf(el) === target.role) &&
        (target.name === undefined || matchesName(accessibleName(el), target.name)),
    );
  }

  /** The one reachable element matching the target, or `null`. Throws when several match. */
  query(target: Target): Element | null {
    const found = this.queryAll(target);
    if (found.length > 1) throw new Error(`${found.length} elements match ${describe(target)}`);
    return found[0] ?? null;
  }

  /** Whether exactly one reachable element matches (never hand elements to chai: it inspects them deeply). */
  has(target: Target): boolean {
    return this.query(target) !== null;
  }

  /** The one reachable element matching the target; throws when there is none. */
  get(target: Target): Element {
    const el = this.query(target);
    if (el === null) {
      const names = this.reachable()
        .filter((e) => (target.role === undefined ? INTERACTIVE.has(roleOf(e)) : roleOf(e) === target.role))
        .map((e) => `${roleOf(e)} "${accessibleName(e)}"`);
      throw new Error(`no ${describe(target)}; reachable: ${names.join(', ')}`);
    }
    return el;
  }

  /** A button by accessible name. */
  button(name: string | RegExp, within?: string | RegExp): HTMLButtonElement {
    return this.get({
      role: 'button',
      name,
      ...(within === undefined ? {} : { within }),
    }) as HTMLButtonElement;
  }

  /** Clicks with the real mouse at the element's centre (its label for SLDS's hidden inputs). */
  async click(target: Target | string | RegExp): Promise<void> {
    const el =
      typeof target === 'string' || target instanceof RegExp
        ? this.get({ role: 'button', name: target })
        : this.get(target);
    await this.clickElement(el);
  }

  async clickElement(el: Element): Promise<void> {
    if ((el as HTMLButtonElement).disabled) throw new Error(`"${accessibleName(el)}" is disabled`);
    let point: Element = el;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      point = el.labels?.[0] ?? el;
    }
    point.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const box = point.getBoundingClientRect();
    const x = Math.round(point === el ? box.left + box.width / 2 : box.left + Math.min(box.width / 2, 12));
    const y = Math.round(box.top + box.height / 2);
    const hit = deepElementFromPoint(x, y);
    if (hit === null || !(flatContains(point, hit) || flatContains(el, hit))) {
      throw new Error(`"${accessibleName(el)}" is covered by ${hit?.tagName ?? 'nothing'} at ${x},${y}`);
    }
    await sendMouse({ type: 'click', position: [x, y] });
    await resetMouse();
    await this.settle();
  }

  /** Double-click (a synthetic `dblclick`, after two real clicks). */
  async doubleClick(target: Target): Promise<void> {
    const el = this.get(target);
    await this.clickElement(el);
    await this.clickElement(el);
    el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true, detail: 2 }));
    await this.settle();
  }

  /** Focuses a field by clicking it, replaces its text by typing `text`. */
  async type(target: Target | string | RegExp, text: string): Promise<void> {
    const el =
      typeof target === 'string' || target instanceof RegExp ? this.get({ name: target }) : this.get(target);
    await this.clickElement(el);
    await sendKeys({ press: 'Control+A' });
    if (text === '') await sendKeys({ press: 'Backspace' });
    else await sendKeys({ type: text });
    await this.settle();
  }

  /** Chooses an option of a `<select>` by its label (focus, then pick, as the keyboard would). */
  async select(target: Target | string, optionLabel: string): Promise<void> {
    const el = (
      typeof target === 'string' ? this.get({ role: 'combobox', name: target }) : this.get(target)
    ) as HTMLSelectElement;
    el.focus();
    const option = [...el.options].find((o) => clean(o.label) === optionLabel);
    if (option === undefined) throw new Error(`no option "${optionLabel}" in ${accessibleName(el)}`);
    el.value = option.value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await this.settle();
  }

  /** Presses a key (Playwright names: "Enter", "Tab", "Shift+Tab", "ArrowDown"…). */
  async press(key: string): Promise<void> {
    await sendKeys({ press: key });
    await this.settle();
  }

  /** Types text into whatever has focus. */
  async typeKeys(text: string): Promise<void> {
    await sendKeys({ type: text });
    await this.settle();
  }

  /** The focused element inside the panel. */
  focused(): Element | null {
    const el = deepActiveElement();
    return el !== null && flatContains(this.element, el) ? el : null;
  }

  /**
   * Tabs through the panel from its start and returns every element that took focus, in order,
   * until focus leaves the panel or comes round again.
   */
  async tabOrder(limit = 80): Promise<Element[]> {
    const start = document.createElement('button');
    start.textContent = 'before panel';
    this.element.parentNode!.insertBefore(start, this.element);
    start.focus();
    const seen: Element[] = [];
    try {
      for (let i = 0; i < limit; i += 1) {
        await sendKeys({ press: 'Tab' });
        const el = this.focused();
        if (el === null || seen.includes(el)) break;
        seen.push(el);
      }
    } finally {
      start.remove();
    }
    return seen;
  }

  /** The visible text of the panel (through shadow roots and slots, whitespace collapsed). */
  text(): string {
    return clean(visibleText(this.element));
  }

  /** The last intent raised; throws when none was. */
  lastIntent(): Intent {
    const last = this.intents[this.intents.length - 1];
    if (last === undefined) throw new Error('no intent was raised');
    return last;
  }

  /** Effects of one kind asked for so far. */
  effectsOf<K extends Effect['kind']>(kind: K): Extract<Effect, { kind: K }>[] {
    return this.effects.filter((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
  }

  /**
   * An accessibility check without axe: every reachable control has an accessible name, ids
   * referenced by ARIA exist, no id repeats within a shadow root, every dialog and region has a
   * name, and icons are hidden from assistive technology unless labelled. Returns the problems.
   */
  a11yProblems(): string[] {
    const problems: string[] = [];
    const elements = this.reachable();
    for (const el of elements) {
      const role = roleOf(el);
      const name = accessibleName(el);
      if (
        (INTERACTIVE.has(role) ||
          role === 'dialog' ||
          role === 'region' ||
          role === 'listbox' ||
          role === 'menu') &&
        name === ''
      ) {
        problems.push(`${role} without a name: ${el.outerHTML.slice(0, 120)}`);
      }
      const root = el.getRootNode() as Root;
      for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls']) {
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
          if (root.getElementById(id) === null)
            problems.push(`${attr}="${id}" points nowhere (${el.tagName})`);
        }
      }
      if (
        el instanceof SVGSVGElement &&
        !el.closest('svg:not(:scope)') &&
        el.getAttribute('aria-hidden') !== 'true' &&
        !el.getAttribute('aria-label')
      ) {
        problems.push(`unlabelled svg in ${(el.parentElement ?? el).tagName}`);
      }
      if (el instanceof HTMLImageElement && !el.hasAttribute('alt')) problems.push('img without alt');
      for (const attr of ['aria-pressed', 'aria-expanded', 'aria-selected', 'aria-checked']) {
        const v = el.getAttribute(attr);
        if (v !== null && !['true', 'false', 'mixed'].includes(v)) problems.push(`${attr}="${v}"`);
      }
    }
    const roots = new Set(deepElements(this.element).map((el) => el.getRootNode() as Root));
    for (const root of roots) {
      const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (dupes.length > 0) problems.push(`duplicate ids ${[...new Set(dupes)].join(', ')}`);
    }
    return problems;
  }

  /** Removes the panel (the fixture is also cleaned up after each test). */
  unmount(): void {
    this.element.remove();
  }
}

function visibleText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
  if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true }).map(visibleText).join('');
  if (!node.checkVisibility({ visibilityProperty: true }) && getComputedStyle(node).display !== 'contents')
    return '';
  if (node instanceof HTMLTextAreaElement) return ` ${node.value} `;
  if (node instanceof HTMLInputElement)
    return ['checkbox', 'radio'].includes(node.type) ? ' ' : ` ${node.value} `;
  const children = node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
  return ` ${children.map(visibleText).join('')} `;
}

function matchesName(name: string, wanted: string | RegExp): boolean {
  return typeof wanted === 'string' ? name === wanted : wanted.test(name);
}

function deepElementFromPoint(x: number, y: number): Element | null {
  let el = document.elementFromPoint(x, y);
  while (el?.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (inner === null || inner === el) break;
    el = inner;
  }
  return el;
}
