import { SegmentedControl } from '../../components/SegmentedControl';
import type { DiagnoseSettings } from '../../state/workbench-state';
import { BinningFields } from '../shared/BinningFields';

interface Props {
  settings: DiagnoseSettings;
  onChange: (patch: Partial<DiagnoseSettings>) => void;
}

/** How the reliability diagram bins the scores and which interval it draws. */
export function DiagnoseSettingsBar({ settings, onChange }: Props) {
  return (
    <div className="settings-bar" role="group" aria-label="Diagnostic settings">
      <BinningFields
        bins={settings.bins}
        binning={settings.binning}
        onChange={onChange}
        name="binning"
        first="uniform"
        rows="rows"
      />
      <SegmentedControl
        label="Interval"
        name="interval"
        value={settings.interval}
        onChange={(interval) => onChange({ interval })}
        options={[
          { value: 'wilson', label: 'Wilson', title: 'Wilson score interval of each observed rate' },
          {
            value: 'jeffreys',
            label: 'Jeffreys',
            title: 'Jeffreys (Bayesian) interval of each observed rate',
          },
        ]}
      />
    </div>
  );
}
