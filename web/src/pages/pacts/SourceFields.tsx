import { useEffect, useId } from 'react';
import { useElections, useJurisdictions, useResultSets } from '../../api/map.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { RadioField, SelectField, TextField } from '../../ui/fields.tsx';
import { defaultResultSet, type NewPactForm, optionalText } from './pact-form.ts';

const knownOffices = ['us_house', 'us_president', 'fr_assemblee_nationale'];
const knownStages = ['general', 'special', 'runoff', 'first_round', 'second_round'];
const kindLabels = {
  races: 'An election’s races (one candidate per race)',
  zones: 'A state’s counties as organizing zones',
} as const;

/** Suggestions for a free-text field, tied to it by `list`. */
function Suggestions({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

/**
 * What the pact shares out: an election's races (optionally within a state), or a state's counties.
 * The fields are the body's `source` for the kind chosen; the other kind's leave the values when
 * hidden (the form unregisters them), so the contract's strict union sees only its own keys.
 */
export function SourceFields({ form }: { form: NewPactForm }) {
  const id = useId();
  const kind = form.watch('source.kind');
  const electionId = form.watch('source.electionId');
  const us = useElections('US');
  const fr = useElections('FR');
  const states = useJurisdictions({ kind: 'state' });
  const sets = useResultSets();
  const elections = [...(us.data ?? []), ...(fr.data ?? [])];
  const election = elections.find((e) => e.id === electionId);
  const stateOptions = [...(states.data?.items ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({ value: s.id, label: s.name }));
  const countySets = (sets.data ?? []).filter((s) => s.unitKind === 'county' && s.measure === 'votes');
  const error = us.error ?? fr.error ?? states.error ?? sets.error;
  const hasDefaultSet = countySets.some((s) => s.slug === defaultResultSet);
  const { getValues, setValue } = form;
  // Zones are valued by the shipped county results unless another set is chosen.
  useEffect(() => {
    if (kind === 'zones' && hasDefaultSet && !getValues('source.resultSet')) {
      setValue('source.resultSet', defaultResultSet);
    }
  }, [kind, hasDefaultSet, getValues, setValue]);

  return (
    <div className="stack-form">
      <RadioField form={form} name="source.kind" label="What the pact shares out" labels={kindLabels} />
      {us.isPending || states.isPending ? <Loading label="Loading elections and states" /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {kind === 'zones' ? (
        <div className="grid-form">
          <SelectField
            form={form}
            name="source.parentJurisdictionId"
            label="State"
            options={stateOptions}
            placeholder="Choose a state"
          />
          <SelectField
            form={form}
            name="source.resultSet"
            label="Zones valued by"
            options={countySets.map((s) => ({ value: s.slug, label: s.name }))}
            placeholder="Choose a result set"
          />
        </div>
      ) : (
        <div className="grid-form">
          <SelectField
            form={form}
            name="source.electionId"
            label="Election"
            options={elections.map((e) => ({ value: e.id, label: e.name }))}
            placeholder="Choose an election"
          />
          <TextField
            form={form}
            name="source.office"
            label="Office"
            list={`${id}-offices`}
            parse={optionalText}
          />
          <Suggestions id={`${id}-offices`} values={knownOffices} />
          <TextField
            form={form}
            name="source.stage"
            label="Stage"
            list={`${id}-stages`}
            parse={optionalText}
          />
          <Suggestions id={`${id}-stages`} values={knownStages} />
          {election?.country !== 'FR' ? (
            <SelectField
              form={form}
              name="source.within"
              label="Within the state"
              options={stateOptions}
              placeholder="The whole country"
              parse={(stateId) => [stateId]}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
