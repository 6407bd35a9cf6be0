import type { MessageKey } from '../../domain/index.js';
import { en, type MessageId } from './en.js';

export type { MessageId } from './en.js';

/** Compile-time check: every message key the domain can hand over has an English text. */
export type DomainKeysCovered = MessageKey extends MessageId ? true : never;
export const domainKeysCovered: DomainKeysCovered = true;

type Params = Readonly<Record<string, string | number>>;

let catalog: Readonly<Record<MessageId, string>> = en;
let locale = 'en-US';

/** Switches the catalog (other languages later); missing keys fall back to English. */
export function useCatalog(next: Partial<Record<MessageId, string>>, nextLocale: string): void {
  catalog = { ...en, ...next };
  locale = nextLocale;
}

/** The text for `key` with `{name}` placeholders filled from `params`. */
export function t(key: MessageId, params: Params = {}): string {
  const text: string = catalog[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Local date and time, short (call history, status "until"). */
export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

/** `m:ss` for countdowns under an hour, else `h:mm:ss`. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
