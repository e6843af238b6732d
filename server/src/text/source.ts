// Turning bytes into text a reader can trust, or into a clear reason why not.

/** Manifests and cards are small; anything larger is not one we should spend a scan on. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a manifest: refuses binary and non-UTF-8 content, drops a BOM (editors do not show it). */
export function decodeManifest(bytes: Uint8Array, limit = MAX_MANIFEST_BYTES): DecodeResult {
  const oversize = oversized(bytes.length, limit);
  if (oversize) return { ok: false, message: oversize };
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, message: 'binary file (contains NUL bytes); not read' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'not valid UTF-8 text; not read' };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Why a manifest of this many bytes is not read, or undefined when it is within the limit. */
export function oversized(bytes: number, limit = MAX_MANIFEST_BYTES): string | undefined {
  return bytes > limit ? `file is ${formatBytes(bytes)}, over the ${formatBytes(limit)} limit for a manifest; not read` : undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
