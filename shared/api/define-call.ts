import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** A long call reports progress and can be cancelled. */
  long: boolean;
  summary: string;
}

/** Keeps each call's schemas precisely typed inside the contract's record. */
export const defineCall = <I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>) => spec;
