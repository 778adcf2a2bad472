import { useId } from 'react';
import { createOrganizationSchema } from '../../../../src/features/registry/registry.schema.ts';
import type { Organization, Plank } from '../../api/types.ts';
import { PlaceListPicker } from '../../components/PlacePicker.tsx';
import { PlanksEditor } from '../../components/PlanksEditor.tsx';
import { TextField } from '../../components/TextField.tsx';
import { maxLengthOf } from '../../forms/limits.ts';

/** What a member says about itself, as the form holds it (strings as typed). */
export interface ProfileDraft {
  name: string;
  declaresPosition: boolean;
  position: string;
  description: string;
  jurisdictions: string;
  platform: Plank[];
}

export function draftOf(org?: Organization): ProfileDraft {
  return {
    name: org?.name ?? '',
    declaresPosition: org ? org.position !== null : false,
    position: String(org?.position ?? 0),
    description: org?.description ?? '',
    jurisdictions: org?.homeJurisdictions.join(', ') ?? '',
    platform: org?.platform ?? [],
  };
}

/** The draft as the API takes it, for an application or a profile edit. */
export function profileInput(draft: ProfileDraft) {
  return {
    name: draft.name,
    position: draft.declaresPosition ? Number(draft.position) : null,
    description: draft.description,
    homeJurisdictions: draft.jurisdictions
      .split(',')
      .map((j) => j.trim())
      .filter(Boolean),
    platform: draft.platform,
  };
}

export function ProfileFields({
  draft,
  onChange,
}: {
  draft: ProfileDraft;
  onChange: (patch: Partial<ProfileDraft>) => void;
}) {
  const id = useId();
  return (
    <>
      <TextField
        label="Name"
        required
        maxLength={maxLengthOf(createOrganizationSchema.shape.name)}
        value={draft.name}
        onChange={(name) => onChange({ name })}
      />
      <div className="field checkbox">
        <input
          id={`${id}-declares`}
          type="checkbox"
          checked={draft.declaresPosition}
          onChange={(e) => onChange({ declaresPosition: e.target.checked })}
        />
        <label htmlFor={`${id}-declares`}>Declares a left–right position</label>
      </div>
      {draft.declaresPosition ? (
        <TextField
          label="Position, from −1 (left) to +1 (right)"
          type="number"
          min={-1}
          max={1}
          step={0.05}
          required
          value={draft.position}
          onChange={(position) => onChange({ position })}
        />
      ) : null}
      <TextField
        label="Description"
        rows={3}
        maxLength={maxLengthOf(createOrganizationSchema.shape.description)}
        value={draft.description}
        onChange={(description) => onChange({ description })}
      />
      <PlaceListPicker
        label="Home jurisdictions"
        value={draft.jurisdictions}
        onChange={(jurisdictions) => onChange({ jurisdictions })}
      />
      <PlanksEditor planks={draft.platform} onChange={(platform) => onChange({ platform })} />
    </>
  );
}
