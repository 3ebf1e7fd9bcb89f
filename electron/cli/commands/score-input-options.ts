import type { Command } from 'commander';
import type { ScoreInput } from '../../../shared/score-input/score-input';
import { CliFailure } from '../cli-failure';
import { EXIT_USAGE } from '../cli-io';

export interface ScoreInputFlags {
  scoreKind?: string;
  pointsOffset?: string;
  pointsFactor?: string;
  pointsDirection?: string;
}

/** Adds --score-kind and the points scaling flags, shared by every command that reads a score. */
export function addScoreInputOptions(command: Command): Command {
  return command
    .option('--score-kind <kind>', 'how the score reads as a probability: probability, logit or points')
    .option('--points-offset <n>', 'points: the offset in points = offset + factor * ln(odds)')
    .option('--points-factor <n>', 'points: the factor (PDO / ln 2)')
    .option('--points-direction <dir>', 'points: higher-is-safer or higher-is-riskier');
}

/** The score rule the flags describe; undefined leaves the choice to the dataset's recorded scale. */
export function scoreInputFromFlags(flags: ScoreInputFlags): ScoreInput | undefined {
  switch (flags.scoreKind) {
    case undefined:
      return undefined;
    case 'probability':
    case 'logit':
      return { kind: flags.scoreKind };
    case 'points': {
      const offset = Number(flags.pointsOffset);
      const factor = Number(flags.pointsFactor);
      const direction = flags.pointsDirection;
      if (
        !Number.isFinite(offset) ||
        !(factor > 0) ||
        (direction !== 'higher-is-safer' && direction !== 'higher-is-riskier')
      ) {
        throw new CliFailure(
          '--score-kind points needs --points-offset N, --points-factor N (> 0) and --points-direction higher-is-safer|higher-is-riskier',
          EXIT_USAGE,
        );
      }
      return { kind: 'points', offset, factor, direction };
    }
    default:
      throw new CliFailure(
        `--score-kind must be probability, logit or points (got "${flags.scoreKind}")`,
        EXIT_USAGE,
      );
  }
}
