import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with the real one in time that depends on neither, so a local
 * attacker timing many guesses learns nothing. Hashing first makes the lengths equal, which
 * timingSafeEqual requires, without revealing the secret's length.
 */
export function secretsMatch(presented: string, secret: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(secret));
}
