import { supportersContract } from '../../../../src/features/supporters/supporters.contract.ts';
import { segmentExportUrl, useCreateSegment, useSegments } from '../../api/people.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSchemaForm } from '../../forms/use-schema-form.ts';
import { FormAlert, SelectField, TextField } from '../../ui/fields.tsx';
import { useToast } from '../../ui/toast.tsx';

const consentLabels = { email: 'email', phone: 'phone', sms: 'SMS', post: 'post' } as const;

/** "north, door-knock," → ["north", "door-knock"]; nothing typed is no tag filter at all. */
const tagList = (text: string) => {
  const tags = text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  return tags.length > 0 ? tags : undefined;
};

/** Saved filters with live counts; each can be downloaded as CSV (channels without consent left empty). */
export function SegmentsPage() {
  usePageTitle('Segments');
  const segments = useSegments();
  const create = useCreateSegment();
  const toast = useToast();
  const form = useSchemaForm(supportersContract.createSegment.body, {
    defaultValues: { name: '', filter: {} },
  });
  const handleSubmit = form.handleSubmit((input) => {
    create.mutate(input, {
      onSuccess: () => {
        toast(`Segment "${input.name}" saved.`);
        form.reset();
      },
      onError: form.onServerError,
    });
  });
  return (
    <section aria-labelledby="segments-title">
      <h1 id="segments-title">Segments</h1>
      <form className="filters" onSubmit={handleSubmit} noValidate>
        <TextField form={form} name="name" label="Name" />
        <TextField
          form={form}
          name="filter.tags"
          label="Any of these tags (comma-separated)"
          parse={tagList}
        />
        <SelectField
          form={form}
          name="filter.consent"
          label="Consent to"
          labels={consentLabels}
          placeholder="any"
        />
        <FormAlert form={form} />
        <button type="submit" disabled={create.isPending}>
          Save segment
        </button>
      </form>
      {segments.isPending ? <Loading label="Loading segments" /> : null}
      {segments.isError ? <ErrorMessage error={segments.error} /> : null}
      <ul className="card-list" aria-label="Segments">
        {segments.data?.segments.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>: {s.count} people · <a href={segmentExportUrl(s.id)}>Download CSV</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
