import { createHash } from 'node:crypto';

// Claimgraph's own namespace for name-based ids (RFC 9562 version 5).
const NAMESPACE = Buffer.from('3d0c9a5e6b2f4c1d8e7a90b1c2d3e4f5', 'hex');

/**
 * A version-5 UUID for `parts`: the same parts always give the same id, so importing a
 * file whose lines carry no ids twice finds the rows of the first run instead of doubling
 * them. Written out (eight lines) rather than adding a package for it.
 */
export function deterministicId(...parts: Array<string | number | null | undefined>): string {
  const hash = createHash('sha1').update(NAMESPACE).update(JSON.stringify(parts)).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
