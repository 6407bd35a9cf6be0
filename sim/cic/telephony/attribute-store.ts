/**
 * Reading and writing attributes by name (`GET`/`POST /interactions/{id}`) and wrap-up
 * assignment. Names are case-insensitive: known `Eic_*` names come back in canonical casing,
 * custom ones in the spelling first written. Derived attributes are read-only except the few in
 * `WRITABLE`, which the engine keeps in its own fields.
 */
import { canonicalName, Eic, WRITABLE } from './attributes.js';
import type { TelephonyCore } from './core.js';
import type { WrapUpAssignment } from './engine-api.js';
import { ErrorId, invalidParameter } from './errors.js';
import { SimRequestError } from './host.js';
import type { Interaction } from './model.js';
import { attributesFor } from './view.js';

/** Validates a whole write before any of it is applied (one bad name changes nothing). */
export function checkedAttributes(attributes: Record<string, string>): [string, string][] {
  const entries = Object.entries(attributes);
  for (const [name, value] of entries) {
    if (name.trim() === '' || typeof value !== 'string')
      throw invalidParameter('Attribute names must be non-empty and values strings.');
    const known = canonicalName(name);
    if (known !== undefined && !WRITABLE.has(known))
      throw new SimRequestError(400, ErrorId.ReadOnlyAttribute, `Attribute ${known} cannot be written.`);
  }
  return entries;
}

/** Writes checked attributes; `append` adds to the current value instead of replacing it. */
export function writeAttributes(
  core: TelephonyCore,
  ix: Interaction,
  entries: readonly [string, string][],
  append: boolean,
): void {
  for (const [name, value] of entries) {
    const known = canonicalName(name);
    if (known === Eic.RemoteName) {
      const current = ix.remoteNameOverride ?? attributesFor(core, ix, null)[Eic.RemoteName] ?? '';
      ix.remoteNameOverride = append ? current + value : value;
    } else if (known === Eic.AccountCode) {
      ix.accountCode = append ? ix.accountCode + value : value;
    } else {
      const key = name.toLowerCase();
      const existing = ix.custom.get(key);
      ix.custom.set(key, {
        name: existing?.name ?? name,
        value: append && existing !== undefined ? existing.value + value : value,
      });
    }
  }
  core.touch(ix);
}

/** The named attributes as `viewer` sees them; no names gives just `Eic_CallId`. Unset is `""`. */
export function readAttributes(
  core: TelephonyCore,
  ix: Interaction,
  viewer: string,
  names: readonly string[] | undefined,
): Record<string, string> {
  if (names === undefined || names.length === 0) return { [Eic.CallId]: ix.id };
  const all = attributesFor(core, ix, viewer);
  const out: Record<string, string> = {};
  for (const requested of names) {
    const known = canonicalName(requested);
    if (known !== undefined) {
      out[known] = all[known] ?? '';
      continue;
    }
    const custom = ix.custom.get(requested.toLowerCase());
    out[custom?.name ?? requested] = custom?.value ?? '';
  }
  return out;
}

/**
 * Stores a wrap-up code (`Eic_WrapUpCode`) and the segment it was given for
 * (`Eic_WrapupConnectionSegments`: `segmentId|code|user`, `;`-separated, one per segment).
 * A workgroup with wrap-up codes accepts only its own codes.
 */
export function assignWrapUp(core: TelephonyCore, ix: Interaction, assignment: WrapUpAssignment): void {
  const code = assignment.code.trim();
  if (code === '') throw invalidParameter('A wrap-up code is required.');
  if (!Number.isInteger(assignment.segmentId) || assignment.segmentId < 0)
    throw invalidParameter('segmentId must be a non-negative integer.');
  const wg = ix.workgroupName === '' ? undefined : core.host.workgroup(ix.workgroupName);
  if (wg !== undefined && wg.wrapUpCodes.length > 0 && !wg.wrapUpCodes.includes(code))
    throw invalidParameter(`Wrap-up code ${code} is not used by workgroup ${wg.name}.`);
  ix.wrapUpCode = code;
  ix.wrapUpSegments = [
    ...ix.wrapUpSegments.filter((s) => !s.startsWith(`${assignment.segmentId}|`)),
    `${assignment.segmentId}|${code}|${assignment.user}`,
  ];
  core.touch(ix);
}
