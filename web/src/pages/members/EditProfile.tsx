import { type FormEvent, useState } from 'react';
import { useUpdateOrganization } from '../../api/organizations.ts';
import type { Organization } from '../../api/types.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { draftOf, ProfileFields, profileInput } from './ProfileFields.tsx';

/** Staff or the member's own delegate edit its profile; the status changes only by decision. */
export function EditProfile({ organization }: { organization: Organization }) {
  const update = useUpdateOrganization(organization.id);
  const [draft, setDraft] = useState(() => draftOf(organization));
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(profileInput(draft));
  };
  return (
    <details className="panel wide">
      <summary>Edit the profile</summary>
      <form onSubmit={handleSubmit} className="stack-form">
        <ProfileFields draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
        {update.isError ? <ErrorMessage error={update.error} /> : null}
        {update.isSuccess ? (
          <p role="status" className="ok-text">
            Profile saved.
          </p>
        ) : null}
        <div>
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save the profile'}
          </button>
        </div>
      </form>
    </details>
  );
}
