import type { ScriptValidation } from '../../../../shared/scripting/script-data';
import type { ScriptsSettings } from './scripts-settings';

/** The validation a run asks for; an out-of-time split without a chosen day uses `defaultSplit`. */
export function scriptValidation(settings: ScriptsSettings, defaultSplit: number | null): ScriptValidation {
  switch (settings.scheme) {
    case 'none':
      return { scheme: 'none' };
    case 'holdout':
      return { scheme: 'holdout', testFraction: settings.testFraction, seed: settings.seed };
    case 'time':
      return { scheme: 'time', splitAt: settings.splitAt ?? defaultSplit ?? 0 };
  }
}
