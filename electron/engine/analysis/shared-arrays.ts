/**
 * Typed arrays backed by SharedArrayBuffer: worker threads read the same memory instead of each
 * receiving a copy of a multi-million-row column.
 */
export const sharedFloat64 = (length: number): Float64Array =>
  new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));

export const sharedUint8 = (length: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(length));
