import { SegmentedControl } from '../../components/SegmentedControl';
import { formatDate } from '../../format';
import type { CalibrateSettings, ValidationChoice } from '../../state/workbench-state';
import { WalkForwardFields } from '../shared/WalkForwardFields';

interface Props {
  settings: CalibrateSettings;
  onChange: (patch: Partial<CalibrateSettings>) => void;
  /** The dataset's time range; null when it has no time column (no out-of-time or walk-forward). */
  time: { min: number; max: number } | null;
  /** The split used when none is chosen. */
  defaultSplit: number | null;
}

const DAY_MS = 86_400_000;

/** How the fitted maps are checked out of sample. */
export function ValidationSettings({ settings, onChange, time, defaultSplit }: Props) {
  const splitAt = settings.splitAt ?? defaultSplit;
  return (
    <div className="validation-settings">
      <SegmentedControl<ValidationChoice>
        label="Validation"
        name="validation"
        value={settings.scheme}
        onChange={(scheme) => onChange({ scheme })}
        options={[
          { value: 'none', label: 'None', title: 'Fit and measure on the same rows (optimistic)' },
          {
            value: 'holdout',
            label: 'Holdout',
            title: 'Stratified random split into training and test rows',
          },
          {
            value: 'kfold',
            label: 'K-fold',
            title: 'Stratified k-fold: every row is tested once, out of fold',
          },
          { value: 'time', label: 'Out of time', title: 'Train before a date, test from it on' },
          {
            value: 'walk-forward',
            label: 'Walk-forward',
            title: 'Refit every period on the past and test on the next; compared with never refitting',
          },
        ]}
      />
      <div className="validation-settings__fields">
        {settings.scheme === 'none' ? (
          <span className="muted">
            Every row is used to fit and to measure: in-sample numbers flatter flexible maps.
          </span>
        ) : null}
        {settings.scheme === 'holdout' ? (
          <>
            <label className="field field--inline">
              <span className="field__label">Test share (%)</span>
              <input
                type="number"
                className="input input--number"
                min={5}
                max={95}
                value={Math.round(settings.testFraction * 100)}
                onChange={(event) => {
                  const share = Number(event.target.value);
                  if (share >= 5 && share <= 95) onChange({ testFraction: share / 100 });
                }}
              />
            </label>
            <SeedField seed={settings.seed} onChange={(seed) => onChange({ seed })} />
          </>
        ) : null}
        {settings.scheme === 'kfold' ? (
          <>
            <label className="field field--inline">
              <span className="field__label">Folds</span>
              <input
                type="number"
                className="input input--number"
                min={2}
                max={20}
                value={settings.folds}
                onChange={(event) => {
                  const folds = Math.round(Number(event.target.value));
                  if (folds >= 2 && folds <= 20) onChange({ folds });
                }}
              />
            </label>
            <SeedField seed={settings.seed} onChange={(seed) => onChange({ seed })} />
          </>
        ) : null}
        {settings.scheme === 'time' ? (
          time ? (
            <label className="field field--inline">
              <span className="field__label">Test from (UTC)</span>
              <input
                type="date"
                className="input input--date"
                aria-label="First day of the test period (UTC)"
                min={formatDate(time.min + DAY_MS)}
                max={formatDate(time.max)}
                value={splitAt === null ? '' : formatDate(splitAt)}
                onChange={(event) => {
                  const ms = Date.parse(`${event.target.value}T00:00:00Z`);
                  onChange({ splitAt: Number.isFinite(ms) ? ms : null });
                }}
              />
              <span className="muted">rows before this day train the maps</span>
            </label>
          ) : (
            <span className="field__error">This dataset has no time column: choose another scheme.</span>
          )
        ) : null}
        {settings.scheme === 'walk-forward' ? (
          time ? (
            <WalkForwardFields
              settings={settings.walkForward}
              onChange={(patch) => onChange({ walkForward: { ...settings.walkForward, ...patch } })}
            />
          ) : (
            <span className="field__error">This dataset has no time column: choose another scheme.</span>
          )
        ) : null}
      </div>
    </div>
  );
}

function SeedField({ seed, onChange }: { seed: number; onChange: (seed: number) => void }) {
  return (
    <label className="field field--inline" title="The random split is the same for the same seed">
      <span className="field__label">Seed</span>
      <input
        type="number"
        className="input input--number"
        min={0}
        value={seed}
        onChange={(event) => {
          const value = Math.round(Number(event.target.value));
          if (Number.isFinite(value) && value >= 0 && value < 2 ** 32) onChange(value);
        }}
      />
    </label>
  );
}
