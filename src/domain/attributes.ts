/**
 * The `Eic_*` interaction attributes the domain reads. Attribute names are case-insensitive on
 * the wire, so {@link normaliseAttributes} rewrites known names to the spelling below; unknown
 * (custom) attributes keep the spelling they arrived with.
 */
import { ownValue, setOwn } from './own.js';

export const Attr = {
  CallId: 'Eic_CallId',
  State: 'Eic_State',
  StateString: 'Eic_CallStateString',
  Direction: 'Eic_CallDirection',
  CallType: 'Eic_CallType',
  ObjectType: 'Eic_ObjectType',
  RemoteAddress: 'Eic_RemoteAddress',
  RemoteName: 'Eic_RemoteName',
  RemoteId: 'Eic_RemoteId',
  LocalAddress: 'Eic_LocalAddress',
  LocalName: 'Eic_LocalName',
  LocalUserId: 'Eic_LocalUserId',
  UserName: 'Eic_UserName',
  WorkgroupName: 'Eic_WorkgroupName',
  Muted: 'Eic_Muted',
  Private: 'Eic_Private',
  Recorders: 'Eic_Recorders',
  RecordersSupv: 'Eic_RecordersSupv',
  SnippetRecordingId: 'Eic_IRSnippetRecordingId',
  SecurePauseStart: 'Eic_SecureRecordingPauseStartTime',
  RecordingsAutoResume: 'Eic_RecordingsAutoResumeTime',
  ConferenceId: 'Eic_ConferenceId',
  Capabilities: 'Eic_Capabilities',
  InitiationTime: 'Eic_InitiationTime',
  ConnectTime: 'Eic_ConnectTime',
  TerminationTime: 'Eic_TerminationTime',
  WrapUpCode: 'Eic_WrapUpCode',
  AccountCode: 'Eic_AccountCode',
  IsConsult: 'Eic_IsConsult',
  ConsultCallId: 'Eic_ConsultCallId',
  ScreenPopData: 'Eic_ScreenPopData',
} as const;
export type Attr = (typeof Attr)[keyof typeof Attr];

/** Attribute values as the wire carries them: every value is a string. */
export type Attributes = Readonly<Record<string, string>>;

const CANONICAL: Readonly<Record<string, Attr>> = Object.fromEntries(
  Object.values(Attr).map((name) => [name.toLowerCase(), name]),
);

/** Rewrites known attribute names to their canonical spelling; other names are kept as given. */
export function normaliseAttributes(attributes: Attributes): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    setOwn(out, ownValue(CANONICAL, name.toLowerCase()) ?? name, value);
  }
  return out;
}

/** Reads an attribute, treating a missing one as `""` (which is what ICWS means by "not set"). */
export function attr(attributes: Attributes, name: Attr): string {
  return attributes[name] ?? '';
}

/** `true` for the flag values ICWS uses (`"1"`, `"true"`), case-insensitively. */
export function isFlagSet(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '1' || v === 'true';
}

/** Splits a recorder list (`Eic_Recorders`: user names separated by `|`, `,` or `;`). */
export function recorderList(value: string): readonly string[] {
  return value
    .split(/[|,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
