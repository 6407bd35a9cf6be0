import { assertNever } from '../diagnostics.js';
import type { DialIntent } from '../intents.js';
import type { DataObservation } from '../observations.js';
import { allocateRequestId, currentUserId, type SoftphoneState } from '../softphone-state.js';
import { refuse, type StepOutput } from '../step-output.js';
import type { DirectoryArea } from './directory-state.js';

type Out = StepOutput;

function withDirectory(state: SoftphoneState, patch: Partial<DirectoryArea>): SoftphoneState {
  return { ...state, directory: { ...state.directory, ...patch } };
}

function requestPage(state: SoftphoneState, search: string, index: number, out: Out): SoftphoneState {
  const [requestId, next] = allocateRequestId(state);
  out.emit({ kind: 'cic.directory.page', requestId, index, count: state.directory.pageSize, search });
  return withDirectory(next, { search, index, requestId });
}

type DirectoryInput =
  | Extract<DialIntent, { kind: 'intent.directory.search' | 'intent.directory.page' }>
  | Extract<DataObservation, { kind: 'obs.directory.page' }>;

/**
 * Steps the directory: a search (start of a name or an extension) always starts at the first
 * page; paging keeps the search. Only the reply to the latest request is shown. Once a page is
 * shown, the runtime is asked to watch the statuses of the users on it (and the agent's own).
 */
export function stepDirectoryInput(state: SoftphoneState, input: DirectoryInput, out: Out): SoftphoneState {
  if (state.session.current.phase !== 'active')
    return refuse(state, out, 'ignoredInPhase', state.session.current.phase);
  switch (input.kind) {
    case 'intent.directory.search':
      return requestPage(state, input.text.trim(), 0, out);
    case 'intent.directory.page': {
      const { filteredCount, pageSize } = state.directory;
      if (
        !Number.isInteger(input.index) ||
        input.index < 0 ||
        (filteredCount > 0 && input.index >= filteredCount)
      )
        return refuse(state, out, 'invalid', 'pageIndex');
      return requestPage(state, state.directory.search, input.index - (input.index % pageSize), out);
    }
    case 'obs.directory.page': {
      if (input.requestId !== state.directory.requestId) return refuse(state, out, 'stale', 'directoryPage');
      const me = currentUserId(state);
      const userIds = [
        ...new Set([
          ...(me === null ? [] : [me]),
          ...input.entries.flatMap((e) => (e.userId === null ? [] : [e.userId])),
        ]),
      ];
      out.emit({ kind: 'cic.watchUserStatuses', userIds });
      return withDirectory(state, {
        requestId: null,
        index: input.index,
        totalCount: input.totalCount,
        filteredCount: input.filteredCount,
        entries: input.entries,
      });
    }
    default:
      return assertNever(input);
  }
}
