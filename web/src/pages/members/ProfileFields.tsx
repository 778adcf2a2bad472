import { useId, useState } from 'react';
import { type FieldPath, useController } from 'react-hook-form';
import type { z } from 'zod';
import type { updateOrganizationSchema } from '../../../../src/features/registry/registry.schema.ts';
import type { Organization } from '../../api/types.ts';
import { PlaceListPicker } from '../../components/PlacePicker.tsx';
import { PlanksEditor } from '../../components/PlanksEditor.tsx';
import type { SchemaForm } from '../../forms/use-schema-form.ts';
import { NumberField, TextareaField, TextField } from '../../ui/fields.tsx';

/** What a member says about itself: the fields an application and a profile edit share. */
type ProfileValues = z.input<typeof updateOrganizationSchema>;

/** The profile as the form starts: the member's own, or empty for an application. */
export function profileDefaults(org?: Organization) {
  return {
    name: org?.name ?? '',
    position: org?.position ?? null,
    description: org?.description ?? '',
    homeJurisdictions: org?.homeJurisdictions ?? [],
    platform: org?.platform ?? [],
  } satisfies ProfileValues;
}

/**
 * The profile fields, for a form over the create or the update body (both hold these keys with the
 * same schemas). TypeScript cannot see through a generic form that its paths include these keys,
 * so they are named once here.
 */
export function ProfileFields<In extends ProfileValues, Out>({
  form,
  initialPosition,
}: {
  form: SchemaForm<In, Out>;
  initialPosition: number | null;
}) {
  const id = useId();
  const path = (key: keyof ProfileValues) => key as FieldPath<In>;
  const [declares, setDeclares] = useState(initialPosition !== null);
  const platform = useController({ control: form.control, name: path('platform') });
  const homes = useController({ control: form.control, name: path('homeJurisdictions') });
  return (
    <>
      <TextField form={form} name={path('name')} label="Name" />
      <div className="field checkbox">
        <input
          id={`${id}-declares`}
          type="checkbox"
          checked={declares}
          onChange={(e) => {
            setDeclares(e.target.checked);
            // No declared position is null to the API, not a number left in a hidden box.
            if (!e.target.checked) form.unregister(path('position'));
          }}
        />
        <label htmlFor={`${id}-declares`}>Declares a left–right position</label>
      </div>
      {declares ? (
        <NumberField
          form={form}
          name={path('position')}
          label="Position, from −1 (left) to +1 (right)"
          step={0.05}
          emptyAs={null}
        />
      ) : null}
      <TextareaField form={form} name={path('description')} label="Description" rows={3} />
      <PlaceListPicker
        label="Home jurisdictions"
        value={((homes.field.value as ProfileValues['homeJurisdictions']) ?? []).join(', ')}
        onChange={(keys) =>
          homes.field.onChange(
            keys
              .split(',')
              .map((key) => key.trim())
              .filter(Boolean),
          )
        }
      />
      <PlanksEditor
        planks={(platform.field.value as ProfileValues['platform']) ?? []}
        onChange={platform.field.onChange}
      />
    </>
  );
}
