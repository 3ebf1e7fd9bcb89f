import { Transform, type TransformCallback } from 'node:stream';

/** Offset of the OS field in the 10-byte gzip member header (RFC 1952 §2.3). */
const OS_FIELD_OFFSET = 9;
/** RFC 1952 "unknown": the same on every platform. */
const OS_UNKNOWN = 255;

/**
 * zlib writes the OS it was built for into every gzip header (3 on Unix, 10 on Windows), which
 * would make the same sample differ by one byte between platforms. This rewrites that byte; the
 * field is informational and no decompressor depends on it.
 */
export class GzipOsByteNormalizer extends Transform {
  private position = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.position <= OS_FIELD_OFFSET && this.position + chunk.length > OS_FIELD_OFFSET) {
      chunk[OS_FIELD_OFFSET - this.position] = OS_UNKNOWN;
    }
    this.position += chunk.length;
    callback(null, chunk);
  }
}
