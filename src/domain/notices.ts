import type { MessageKey } from './messages.js';

/** A transient message for the agent (a command the server refused, a lost connection…). */
export interface Notice {
  readonly id: number;
  readonly key: MessageKey;
  readonly interactionId: string | null;
  readonly at: number;
}

/** Notices on screen, oldest first, at most {@link MAX_NOTICES}. */
export interface NoticeArea {
  readonly items: readonly Notice[];
  readonly nextId: number;
}

export const MAX_NOTICES = 5;

/** No notices. */
export function initialNoticeArea(): NoticeArea {
  return { items: [], nextId: 1 };
}

/** Adds a notice, dropping the oldest beyond the limit. */
export function pushNotice(
  area: NoticeArea,
  key: MessageKey,
  at: number,
  interactionId: string | null = null,
): NoticeArea {
  const notice: Notice = { id: area.nextId, key, interactionId, at };
  return { items: [...area.items, notice].slice(-MAX_NOTICES), nextId: area.nextId + 1 };
}

/** Removes a notice by id (unknown ids are ignored). */
export function dismissNotice(area: NoticeArea, id: number): NoticeArea {
  return { ...area, items: area.items.filter((n) => n.id !== id) };
}
