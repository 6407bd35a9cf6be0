/**
 * Which tab the agent is looking at: the one that gets screen pops, "show the panel" and record
 * openings. Each tab reports its visibility and focus; a tab that becomes visible or takes focus
 * moves to the front. The choice, in order: the most recently fronted tab that is visible and
 * focused, else the most recently fronted visible tab, else the leader.
 */
import type { TabVisibility } from './protocol.js';

interface Seen extends TabVisibility {
  /** Grows each time the tab becomes visible or focused: higher is more recent. */
  readonly rank: number;
}

export class AttentionTracker {
  readonly #tabs = new Map<string, Seen>();
  #counter = 0;

  /** Records a tab's visibility report. */
  report(tabId: string, visibility: TabVisibility): void {
    const previous = this.#tabs.get(tabId);
    const gained =
      previous === undefined ||
      (visibility.visible && !previous.visible) ||
      (visibility.focused && !previous.focused);
    const rank = gained && (visibility.visible || visibility.focused) ? ++this.#counter : (previous?.rank ?? 0);
    this.#tabs.set(tabId, { visible: visibility.visible, focused: visibility.focused, rank });
  }

  /** Drops a tab that closed. */
  forget(tabId: string): void {
    this.#tabs.delete(tabId);
  }

  /** Tab ids known, for diagnostics and tests. */
  known(): string[] {
    return [...this.#tabs.keys()];
  }

  /**
   * The tab to show the agent something in. `alive` filters out tabs known to be gone (their
   * lock was released without a goodbye); `fallback` is the leader.
   */
  target(fallback: string, alive: (tabId: string) => boolean = () => true): string {
    let best: { id: string; score: number } | null = null;
    for (const [id, seen] of this.#tabs) {
      if (!seen.visible || !alive(id)) continue;
      // Focused tabs first, then by recency.
      const score = (seen.focused ? Number.MAX_SAFE_INTEGER / 2 : 0) + seen.rank;
      if (best === null || score > best.score) best = { id, score };
    }
    return best?.id ?? fallback;
  }
}
