/** One entry of the server's status catalog (`statusMessageList`). */
export interface StatusMessage {
  readonly statusId: string;
  readonly messageText: string;
  readonly iconUri: string;
  readonly groupTag: string;
  readonly canHaveDate: boolean;
  readonly canHaveTime: boolean;
  readonly isDoNotDisturbStatus: boolean;
  readonly isSelectableStatus: boolean;
  readonly isForwardStatus: boolean;
  readonly isAcdStatus: boolean;
  readonly isAfterCallWorkStatus: boolean;
  readonly isPersistentStatus: boolean;
}

/** "Until" details of a status; `at` is epoch ms. */
export interface StatusUntil {
  readonly at: number;
  readonly hasDate: boolean;
  readonly hasTime: boolean;
}

/** A user's current status, own or another user's (directory, transfer search). */
export interface UserStatus {
  readonly userId: string;
  readonly statusId: string;
  readonly notes: string;
  readonly forwardNumber: string;
  readonly until: StatusUntil | null;
  readonly loggedIn: boolean | null;
  readonly onPhone: boolean | null;
  /** When the status was set (epoch ms, server clock), if known. */
  readonly changedAt: number | null;
}

/** Notes and forward number last used with a status (pre-fills the details form). */
export interface PreviousStatusInfo {
  readonly notes: string;
  readonly forwardNumber: string;
}

/** Status area of the state. Status ids are compared case-insensitively, so keys are lower-case. */
export interface StatusArea {
  readonly catalog: Readonly<Record<string, StatusMessage>>;
  /** Lower-case ids in the server's catalog order. */
  readonly order: readonly string[];
  /** Lower-case ids this user may select; `null` until the server said. */
  readonly access: readonly string[] | null;
  readonly mine: UserStatus | null;
  readonly previous: Readonly<Record<string, PreviousStatusInfo>>;
  /** A status change we asked for and the server has not confirmed yet. */
  readonly pending: { readonly statusId: string; readonly requestedAt: number } | null;
}

/** The status area before logon. */
export function initialStatusArea(): StatusArea {
  return { catalog: {}, order: [], access: null, mine: null, previous: {}, pending: null };
}

/** Lower-cases a status id for lookups. */
export function statusKey(id: string): string {
  return id.toLowerCase();
}
