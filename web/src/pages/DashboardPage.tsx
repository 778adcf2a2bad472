import { useSession } from '../api/session.ts';

export function DashboardPage() {
  const session = useSession().data;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{session?.coalition.name}</h1>
      <p>
        Signed in as {session?.user.displayName} ({session?.role}).
      </p>
    </section>
  );
}
