import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Passes bytes through unchanged while counting them and computing their SHA-256. */
export class DigestingPassThrough extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private byteCount = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.byteCount += chunk.length;
    callback(null, chunk);
  }

  get bytes(): number {
    return this.byteCount;
  }

  /** The hex digest; call once, after the stream has finished. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}
