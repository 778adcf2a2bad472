import { useId } from 'react';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { SettingsDraft } from './pact-form.ts';

const apportionmentLabels = {
  'sainte-lague': 'Sainte-Laguë',
  dhondt: 'D’Hondt',
  hare: 'Hare (largest remainder)',
} as const;
const entitlementLabels = { enforce: 'Enforce (hard bounds ±1)', report: 'Report only' } as const;

/** The engine's parameters (docs/pacts.md, "The pact file"), with its defaults filled in. */
export function SettingsFields({
  settings,
  onChange,
}: {
  settings: SettingsDraft;
  onChange: (patch: Partial<SettingsDraft>) => void;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend>Parameters</legend>
      <div className="grid-form">
        <SelectField
          label="Apportionment"
          value={settings.apportionment}
          labels={apportionmentLabels}
          onChange={(apportionment) => apportionment && onChange({ apportionment })}
        />
        <SelectField
          label="Entitlement"
          value={settings.entitlement}
          labels={entitlementLabels}
          onChange={(entitlement) => entitlement && onChange({ entitlement })}
        />
        <TextField
          label="Uncertainty (sd of the margin)"
          type="number"
          min={0.001}
          max={10}
          step="any"
          required
          value={settings.uncertainty}
          onChange={(uncertainty) => onChange({ uncertainty })}
        />
        <TextField
          label="Transfer, same side"
          type="number"
          min={0}
          max={1}
          step="any"
          required
          value={settings.sameSide}
          onChange={(sameSide) => onChange({ sameSide })}
        />
        <TextField
          label="Transfer, across sides"
          type="number"
          min={0}
          max={1}
          step="any"
          required
          value={settings.crossSide}
          onChange={(crossSide) => onChange({ crossSide })}
        />
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-tiers`}
          type="checkbox"
          checked={settings.tierBalance}
          onChange={(e) => onChange({ tierBalance: e.target.checked })}
        />
        <label htmlFor={`${id}-tiers`}>
          Share safe, contested and difficult races fairly too (tier balance)
        </label>
      </div>
    </fieldset>
  );
}
