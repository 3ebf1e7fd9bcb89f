import { ApiError } from '../../../shared/api/api-error';
import { decodeBinaryArray, type BinaryArray } from '../../../shared/scripting/binary-array';

/**
 * Decodes probabilities the sandbox sent (untrusted input): float64, exactly `expected` of them, each
 * finite and in [0, 1]. The message names the array and the first bad index, so a script author can
 * find the row.
 */
export function receivedProbabilities(
  array: BinaryArray,
  expected: number,
  what: string,
  rowsMeaning: string,
): Float64Array {
  if (array.type !== 'float64') {
    throw new ApiError('invalid-input', `${what} must be float64 probabilities, not ${array.type}.`);
  }
  if (array.length !== expected) {
    throw new ApiError(
      'invalid-input',
      `${what} holds ${array.length} values, but the selection has ${expected} ${rowsMeaning}; score exactly those rows, in dataset order.`,
    );
  }
  let values: Float64Array;
  try {
    values = decodeBinaryArray(array as BinaryArray & { type: 'float64' });
  } catch (error) {
    throw new ApiError('invalid-input', `${what} cannot be decoded: ${(error as Error).message}.`);
  }
  for (let i = 0; i < values.length; i++) {
    const p = values[i]!;
    // Written as a negated range test so that NaN fails it too.
    if (!(p >= 0 && p <= 1)) {
      throw new ApiError(
        'invalid-input',
        `${what}[${i}] = ${p} is not a probability in [0, 1]; a script's score must return a finite number from 0 to 1.`,
      );
    }
  }
  return values;
}
