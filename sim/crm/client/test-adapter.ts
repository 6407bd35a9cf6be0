/**
 * The emulator's own demo/test softphone page (`/__console/test-adapter.html`). Framed by the
 * console it loads `opencti_min.js` from `sfdcIframeOrigin` and lets a person call any Open CTI
 * method with JSON arguments and watch the answers and listener events. With `?role=relay` it is
 * a plain page that posts a message to a sibling frame when its parent asks (tests use it to send
 * messages to the console from an unexpected origin).
 */

interface RelayCommand {
  __testAdapter: 'post-to-frame';
  frameIndex: number;
  message: unknown;
}

const params = new URLSearchParams(window.location.search);
const logEl = document.getElementById('log') as HTMLPreElement;
const log = (label: string, value: unknown): void => {
  logEl.textContent = `${new Date().toISOString().slice(11, 23)} ${label} ${JSON.stringify(value)}\n${logEl.textContent ?? ''}`;
};

if (params.get('role') === 'relay') {
  document.getElementById('controls')?.remove();
  window.addEventListener('message', (event: MessageEvent) => {
    const command = event.data as RelayCommand | null;
    if (!command || command.__testAdapter !== 'post-to-frame' || event.source !== window.parent) return;
    const target = window.parent.frames[command.frameIndex];
    target?.postMessage(command.message, '*');
    log('posted', command.message);
    window.parent.postMessage({ __testAdapter: 'posted' }, '*');
  });
  window.parent.postMessage({ __testAdapter: 'relay-ready' }, '*');
} else {
  const origin = params.get('sfdcIframeOrigin');
  const version = params.get('apiVersion') ?? '62.0';
  if (!origin) {
    log('not framed by the console', 'open the console page instead');
  } else {
    const script = document.createElement('script');
    script.src = `${origin}/support/api/${version}/lightning/opencti_min.js`;
    script.onload = start;
    document.head.append(script);
  }
}

function start(): void {
  const opencti = (window as unknown as { sforce: { opencti: Record<string, unknown> } }).sforce.opencti;
  const select = document.getElementById('method') as HTMLSelectElement;
  const names = Object.keys(opencti).filter((k) => typeof opencti[k] === 'function');
  for (const name of names) select.append(new Option(name, name));
  const hvs = opencti['hvs'] as Record<string, unknown> | undefined;
  if (hvs) for (const name of Object.keys(hvs)) select.append(new Option(`hvs.${name}`, `hvs.${name}`));
  const fn = (name: string): ((args: unknown) => void) => {
    const [a, b] = name.split('.');
    return (b ? (opencti[a as string] as Record<string, unknown>)[b] : opencti[a as string]) as (args: unknown) => void;
  };
  (document.getElementById('call') as HTMLButtonElement).addEventListener('click', () => {
    const method = select.value;
    let args: Record<string, unknown>;
    try {
      args = JSON.parse((document.getElementById('args') as HTMLTextAreaElement).value || '{}') as Record<string, unknown>;
    } catch (error) {
      log('bad JSON', String(error));
      return;
    }
    const listens = ['onClickToDial', 'onNavigationChange', 'hvs.onWorkStart', 'subscribe'].includes(method);
    if (listens) args['listener'] = (payload: unknown) => log(`${method} event`, payload);
    if (method !== 'onClickToDial' && method !== 'onNavigationChange' && method !== 'hvs.onWorkStart') {
      args['callback'] = (response: unknown) => log(`${method} →`, response);
    }
    fn(method)(args);
  });
  const init = fn('notifyInitializationComplete');
  init({ callback: (r: unknown) => log('notifyInitializationComplete →', r) });
  window.dispatchEvent(new Event('opencti-ready'));
}
