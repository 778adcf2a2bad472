import { useState } from 'react';
import { segmentExportUrl, useCreateSegment, useSegments } from '../../api/people.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { TextField } from '../../components/TextField.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** Saved filters with live counts; each can be downloaded as CSV (channels without consent left empty). */
export function SegmentsPage() {
  usePageTitle('Segments');
  const segments = useSegments();
  const create = useCreateSegment();
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const [consent, setConsent] = useState('');
  return (
    <section aria-labelledby="segments-title">
      <h1 id="segments-title">Segments</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const tagList = tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean);
          const channel = (['email', 'phone', 'sms', 'post'] as const).find((c) => c === consent);
          create.mutate({
            name,
            filter: {
              ...(tagList.length ? { tags: tagList } : {}),
              ...(channel ? { consent: channel } : {}),
            },
          });
        }}
      >
        <TextField label="Name" value={name} onChange={setName} required />
        <TextField label="Any of these tags (comma-separated)" value={tags} onChange={setTags} />
        <label>
          Consent to{' '}
          <select value={consent} onChange={(e) => setConsent(e.target.value)}>
            <option value="">any</option>
            <option value="email">email</option>
            <option value="phone">phone</option>
            <option value="sms">SMS</option>
            <option value="post">post</option>
          </select>
        </label>{' '}
        <button type="submit">Save segment</button>
      </form>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
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
