/** An account code the agent may assign (digits only, up to 50). */
export interface AccountCode {
  readonly id: string;
  readonly description: string;
}

/** Where a dial request came from (for diagnostics and the CRM layer). */
export type DialSource = 'keypad' | 'directory' | 'history' | 'redial' | 'crm';

/** An outbound call we asked for and whose interaction id has not come back yet. */
export interface PendingDial {
  readonly requestId: string;
  readonly number: string;
  readonly workgroup: string | null;
  readonly accountCodeId: string | null;
  readonly source: DialSource;
  readonly at: number;
}

/** Make-a-call state. */
export interface DialArea {
  readonly pending: PendingDial | null;
  /** Account code configuration; `null` until read. */
  readonly accountCodes: { readonly enabled: boolean; readonly codes: readonly AccountCode[] } | null;
  /** The last account code used (the Advanced Dial default). */
  readonly lastAccountCodeId: string | null;
}

/** Nothing dialed yet. */
export function initialDialArea(): DialArea {
  return { pending: null, accountCodes: null, lastAccountCodeId: null };
}
