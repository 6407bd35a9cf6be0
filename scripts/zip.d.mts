/** Types for scripts/zip.mjs (a minimal deterministic ZIP writer). */
export declare function zip(files: readonly { name: string; data: Uint8Array }[]): Buffer;
