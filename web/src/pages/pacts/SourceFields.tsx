import { useId } from 'react';
import { useElections, useJurisdictions, useResultSets } from '../../api/map.ts';
import { OptionsField } from '../../components/OptionsField.tsx';
import { RadioGroup } from '../../components/RadioGroup.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import type { SourceDraft } from './pact-form.ts';

const knownOffices = ['us_house', 'us_president', 'fr_assemblee_nationale'];
const knownStages = ['general', 'special', 'runoff', 'first_round', 'second_round'];
const kindLabels = {
  races: 'An election’s races (one candidate per race)',
  zones: 'A state’s counties as organizing zones',
} as const;

function Suggested({
  label,
  value,
  onChange,
  suggestions,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  suggestions: readonly string[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} list={`${id}-list`} value={value} onChange={(e) => onChange(e.target.value)} />
      <datalist id={`${id}-list`}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}

/** What the pact shares out: an election's races (optionally within a state), or a state's counties. */
export function SourceFields({
  source,
  onChange,
}: {
  source: SourceDraft;
  onChange: (patch: Partial<SourceDraft>) => void;
}) {
  const us = useElections('US');
  const fr = useElections('FR');
  const states = useJurisdictions({ kind: 'state' });
  const sets = useResultSets();
  const elections = [...(us.data ?? []), ...(fr.data ?? [])];
  const election = elections.find((e) => e.id === source.electionId);
  const stateOptions = [...(states.data?.items ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({ value: s.id, label: s.name }));
  const countySets = (sets.data ?? []).filter((s) => s.unitKind === 'county' && s.measure === 'votes');
  const error = us.error ?? fr.error ?? states.error ?? sets.error;

  return (
    <div className="stack-form">
      <RadioGroup
        legend="What the pact shares out"
        value={source.kind}
        labels={kindLabels}
        onChange={(kind) => onChange({ kind })}
      />
      {us.isPending || states.isPending ? <Loading label="Loading elections and states" /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {source.kind === 'races' ? (
        <div className="grid-form">
          <OptionsField
            label="Election"
            value={source.electionId}
            onChange={(electionId) => onChange({ electionId })}
            options={elections.map((e) => ({ value: e.id, label: e.name }))}
            placeholder="Choose an election"
          />
          <Suggested
            label="Office"
            value={source.office}
            onChange={(office) => onChange({ office })}
            suggestions={knownOffices}
          />
          <Suggested
            label="Stage"
            value={source.stage}
            onChange={(stage) => onChange({ stage })}
            suggestions={knownStages}
          />
          {election?.country !== 'FR' ? (
            <OptionsField
              label="Within the state"
              value={source.stateId}
              onChange={(stateId) => onChange({ stateId })}
              options={stateOptions}
              placeholder="The whole country"
            />
          ) : null}
        </div>
      ) : (
        <div className="grid-form">
          <OptionsField
            label="State"
            value={source.stateId}
            onChange={(stateId) => onChange({ stateId })}
            options={stateOptions}
            placeholder="Choose a state"
          />
          <OptionsField
            label="Zones valued by"
            value={source.resultSet}
            onChange={(resultSet) => onChange({ resultSet })}
            options={countySets.map((s) => ({ value: s.slug, label: s.name }))}
            placeholder="Choose a result set"
          />
        </div>
      )}
    </div>
  );
}
