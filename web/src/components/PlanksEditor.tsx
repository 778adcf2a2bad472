import { useId } from 'react';
import { plankSchema } from '../../../src/features/registry/registry.schema.ts';
import type { Plank } from '../api/types.ts';
import { fieldLimits } from '../forms/schema-at.ts';

// The limits of a plank's fields, read from the schema the server parses planks with.
const titleLimits = fieldLimits(plankSchema, 'title');
const textLimits = fieldLimits(plankSchema, 'text');

/** Edits a list of planks (title + text); every control is labelled with the plank's number. */
export function PlanksEditor({ planks, onChange }: { planks: Plank[]; onChange: (planks: Plank[]) => void }) {
  const id = useId();
  const update = (index: number, patch: Partial<Plank>) =>
    onChange(planks.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <fieldset className="planks-editor">
      <legend>Platform planks</legend>
      {planks.map((plank, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: planks have no identity until saved; the position is it.
        <div key={i} className="plank-row">
          <div className="field">
            <label htmlFor={`${id}-${i}-title`}>Plank {i + 1} title</label>
            <input
              id={`${id}-${i}-title`}
              required={titleLimits.required}
              maxLength={titleLimits.maxLength}
              value={plank.title}
              onChange={(e) => update(i, { title: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-text`}>Plank {i + 1} text</label>
            <textarea
              id={`${id}-${i}-text`}
              required={textLimits.required}
              rows={2}
              maxLength={textLimits.maxLength}
              value={plank.text}
              onChange={(e) => update(i, { text: e.target.value })}
            />
          </div>
          <button
            type="button"
            className="secondary small"
            onClick={() => onChange(planks.filter((_, j) => j !== i))}
          >
            Remove plank {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...planks, { title: '', text: '' }])}
      >
        Add a plank
      </button>
    </fieldset>
  );
}
