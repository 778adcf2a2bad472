import { CheckboxField, NumberField, SelectField } from '../../ui/fields.tsx';
import type { NewPactForm } from './pact-form.ts';

const apportionmentLabels = {
  'sainte-lague': 'Sainte-Laguë',
  dhondt: 'D’Hondt',
  hare: 'Hare (largest remainder)',
} as const;
const entitlementLabels = { enforce: 'Enforce (hard bounds ±1)', report: 'Report only' } as const;

/** The engine's parameters (docs/pacts.md, "The pact file"), with its defaults filled in. */
export function SettingsFields({ form }: { form: NewPactForm }) {
  return (
    <fieldset>
      <legend>Parameters</legend>
      <div className="grid-form">
        <SelectField
          form={form}
          name="settings.apportionment"
          label="Apportionment"
          labels={apportionmentLabels}
        />
        <SelectField form={form} name="settings.entitlement" label="Entitlement" labels={entitlementLabels} />
        <NumberField form={form} name="settings.uncertainty" label="Uncertainty (sd of the margin)" />
        <NumberField form={form} name="settings.transfer.sameSide" label="Transfer, same side" />
        <NumberField form={form} name="settings.transfer.crossSide" label="Transfer, across sides" />
      </div>
      <CheckboxField
        form={form}
        name="settings.tierBalance"
        label="Share safe, contested and difficult races fairly too (tier balance)"
      />
    </fieldset>
  );
}
