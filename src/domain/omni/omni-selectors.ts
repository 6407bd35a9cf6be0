import { selectInteractions } from '../interaction/interaction-selectors.js';
import { selectStatusBar } from '../status/status-selectors.js';
import type { SoftphoneState } from '../softphone-state.js';

/** What the Omni-Channel sync needs to know about CIC from the panel state. */
export interface OmniSyncFacts {
  /** The agent's current CIC status id, `null` before the server reported it (or after logoff). */
  readonly statusId: string | null;
  /** Whether the agent is on an ACD interaction: one routed from a workgroup, connected or held. */
  readonly acdBusy: boolean;
}

/** Reads the CIC side of the Omni-Channel sync from the panel state. */
export function selectOmniSyncFacts(state: SoftphoneState): OmniSyncFacts {
  const acdBusy = selectInteractions(state).some(
    (row) => row.workgroup.trim() !== '' && (row.phase === 'connected' || row.phase === 'held'),
  );
  return { statusId: selectStatusBar(state)?.statusId ?? null, acdBusy };
}
