/**
 * The screen-pop rules: what the CRM layer searches and pops for an interaction the queue rules
 * chose to pop (alerting, or connected with auto-answer; never conferences, internal, private or
 * outbound calls — see `interaction/alerting.ts`).
 *
 * - A custom attribute (setting `attributeName`) with a value pops a relative URL (a Visualforce
 *   page gets `?key=<value>`, `{key}` in the URL is replaced) or a search for the value.
 * - Otherwise the caller number (ANI) is searched with `searchAndScreenPop` and the call type:
 *   one match → that record, several → the search page, none → the new-record modal of the
 *   configured object with the number filled in.
 * - Only the tab the agent is looking at pops; a hidden tab still searches (deferred, nothing
 *   pops) so the matches reach the call log.
 */
import type { CrmInteraction } from '../effects.js';
import type { ScreenPopSettings } from './crm-config.js';

export type CallType = 'Inbound' | 'Outbound' | 'Internal';

export type PopPlan =
  | {
      readonly kind: 'search';
      readonly searchParams: string;
      readonly callType: CallType;
      /** Whether to pop (false: search only, for the call log's candidates). */
      readonly pop: boolean;
      /** What to pop when nothing matches (`null`: nothing). */
      readonly noMatch: { readonly entityName: string; readonly defaultFieldValues: Readonly<Record<string, string>> } | null;
      /** Pop the search page for this string, whatever the matches (attribute search). */
      readonly searchPage: string | null;
    }
  | { readonly kind: 'url'; readonly url: string };

/** Call type of an interaction from its `Eic_*` facts. */
export function callTypeOf(interaction: Pick<CrmInteraction, 'direction' | 'attributes'>): CallType {
  if ((interaction.attributes['Eic_CallType'] ?? '').trim().toUpperCase() === 'I') return 'Internal';
  return interaction.direction === 'outbound' ? 'Outbound' : 'Inbound';
}

/** Reads an attribute case-insensitively (attribute names are case-insensitive on the wire). */
export function attributeValue(attributes: Readonly<Record<string, string>>, name: string): string {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(attributes)) if (k.toLowerCase() === wanted) return v;
  return '';
}

/** The URL an attribute pop opens: `{key}` replaced, else `key=` added for Visualforce pages. */
export function attributePopUrl(template: string, value: string): string {
  const encoded = encodeURIComponent(value);
  if (template.includes('{key}')) return template.split('{key}').join(encoded);
  if (/^\/apex\//i.test(template)) return `${template}${template.includes('?') ? '&' : '?'}key=${encoded}`;
  return template;
}

/** What to do for a screen pop; `null` when nothing at all should happen. */
export function planScreenPop(
  interaction: CrmInteraction,
  settings: ScreenPopSettings,
  visible: boolean,
): PopPlan | null {
  const callType = callTypeOf(interaction);
  const ani = interaction.remoteAddress.trim();
  const attribute = settings.attributeName === '' ? '' : attributeValue(interaction.attributes, settings.attributeName).trim();
  const pop = settings.enabled && visible;
  if (attribute !== '') {
    if (settings.attributePopType === 'url' && settings.attributePopUrl !== '') {
      return pop ? { kind: 'url', url: attributePopUrl(settings.attributePopUrl, attribute) } : null;
    }
    if (settings.attributePopType === 'search') {
      return {
        kind: 'search',
        searchParams: attribute,
        callType,
        pop,
        noMatch: null,
        searchPage: attribute.length >= 3 ? attribute : null,
      };
    }
  }
  if (ani === '') return null;
  return {
    kind: 'search',
    searchParams: ani,
    callType,
    pop,
    noMatch: settings.newRecordObject === '' ? null : { entityName: settings.newRecordObject, defaultFieldValues: { Phone: ani } },
    searchPage: null,
  };
}
