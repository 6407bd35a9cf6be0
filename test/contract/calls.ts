/** Call set-ups shared by the interaction contract tests. */
import assert from 'node:assert/strict';
import type { Agent, Harness } from './harness.js';

export const NOBODY = '999999999';

/** A direct inbound call to `agent`, picked up: Connected. */
export async function connected(h: Harness, agent: Agent): Promise<string> {
  const id = await h.call({ user: agent.userId });
  await agent.state(id, 'A');
  await agent.client.interactions.pickup(id);
  await agent.state(id, 'C');
  return id;
}

/** An outbound call to an external number that the far end answers at once. */
export async function outbound(h: Harness, agent: Agent, target: string): Promise<string> {
  const id = await agent.client.interactions.createCall({ target });
  await agent.until(() => agent.interaction(id) !== undefined, `${id} in My Interactions`);
  const answered = await h.control('POST', `/sim/v1/interactions/${id}/remote-answer`);
  assert.equal(answered.status, 204);
  await agent.state(id, 'C');
  return id;
}

/** The id of the first interaction alerting at `agent` that is not in `except`. */
export async function alertingAt(agent: Agent, except: readonly string[] = []): Promise<string> {
  let found: string | undefined;
  await agent.until(() => {
    found = [...agent.queues.get('mine').values()].find(
      (e) => e.attributes['Eic_State'] === 'A' && !except.includes(e.interactionId),
    )?.interactionId;
    return found !== undefined;
  }, 'an alerting interaction');
  return found as string;
}

export function gone(agent: Agent, id: string): () => boolean {
  return () => {
    const state = agent.attr(id, 'Eic_State');
    return state === undefined || state === 'I' || state === 'E';
  };
}
