/**
 * `Eic_Capabilities` is a decimal bit mask the server recomputes whenever an interaction's state
 * changes: a set bit means "this action is possible on this interaction right now". Bit values
 * follow two independent ICWS client libraries (MacClient swaps Hold and Pickup; that is a bug
 * there, see icws-api.md §3.9).
 */
export const Capability = {
  Consult: 1,
  Disconnect: 2,
  Hold: 4,
  Listen: 8,
  Messaging: 16,
  Mute: 32,
  Park: 64,
  Pause: 128,
  Pickup: 256,
  Private: 512,
  Record: 1024,
  RequestHelp: 2048,
  Transfer: 4096,
  Join: 8192,
  ObjectWindow: 16384,
  Conference: 32768,
  Coach: 65536,
  Suspended: 131072,
  SecureRecordingPause: 262144,
} as const;
export type Capability = (typeof Capability)[keyof typeof Capability];

/** The mask value meaning "nothing is possible". */
export const NO_CAPABILITIES = 0;

/**
 * Parses the attribute text. A missing, blank, negative or non-numeric value yields
 * {@link NO_CAPABILITIES}: when in doubt the domain offers nothing and lets the server decide.
 */
export function parseCapabilities(text: string | undefined): number {
  if (text === undefined) return NO_CAPABILITIES;
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return NO_CAPABILITIES;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : NO_CAPABILITIES;
}

/** Whether `mask` has the capability bit set. */
export function can(mask: number, capability: Capability): boolean {
  // Division keeps this correct for masks wider than 32 bits, where `&` would truncate.
  return Math.floor(mask / capability) % 2 === 1;
}

/** Combines bits into a mask (handy in tests and in the simulator's fixtures). */
export function capabilityMask(...capabilities: readonly Capability[]): number {
  return [...new Set(capabilities)].reduce((sum, c) => sum + c, 0);
}
